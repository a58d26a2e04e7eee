/**
 * Face-analysis figures for `npm run bench` (issue 9: model load, warm-up, per-photo time; target ≤ 100 ms per photo
 * after warm-up). Node: face-api's node-wasm build on the tfjs WASM backend, the same lib/face/analyze.ts as the
 * extension; per stage, wall clock and CPU time. Chromium: the built extension's offscreen document, timed from the
 * service worker (the background → offscreen round trip the extension makes for each photo).
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { StageTimes } from '../../lib/face/analyze';
import type { FaceAnalyzeResult } from '../../lib/face/messages';

const IMAGES = ['astronaut', 'astronaut_ffhq_aligned', 'camera', 'logo', 'chelsea'] as const;
const FACES = new Set<string>(['astronaut', 'astronaut_ffhq_aligned', 'camera']);
const RUNS = 12;

const load = () => `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}, ${cpus().length} cores`;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const stat = (xs: number[]) => `${quantile(xs, 0.5).toFixed(1)}/${quantile(xs, 0.95).toFixed(1)}`;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const STAGES = ['pixels', 'tensor', 'detect', 'recheck', 'landmarks', 'descriptor', 'rest', 'total'] as const;

function stageTable(label: string, rows: object[], stages: readonly string[]): void {
  const at = (r: object, s: string) => (r as Record<string, number | undefined>)[s] ?? 0;
  console.log(`    ${label.padEnd(24)} ${stages.map((s) => `${s} ${stat(rows.map((r) => at(r, s)))}`).join('  ')}`);
}

export async function benchFaceNode(root: string): Promise<void> {
  const { loadFaceApiNode, readImage } = await import('../../lib/face/node');
  const { analyzeFace, warmUp, FAST_INPUT, DETECTOR_INPUT, FACE_SCORE } = await import('../../lib/face/analyze');
  const { downscale, toRgb } = await import('../../lib/face/pixels');
  console.log(`\nFace analysis, Node (face-api node-wasm, tfjs WASM backend; ${load()}; times grow with other load, CPU time less so):`);
  const { faceapi, loadMs } = await loadFaceApiNode();
  const tf = faceapi.tf as unknown as { getBackend(): string; env(): { getAsync(f: string): Promise<unknown> } };
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  const warm = await warmUp(faceapi);
  console.log(`  model load ${loadMs.toFixed(0)} ms (backend ${tf.getBackend()}, SIMD ${simd}, threads ${threads}: tfjs turns threads off in Node), warm-up ${warm.toFixed(0)} ms (every net once on blank input)`);
  const images = IMAGES.map((name) => ({ name, img: readImage(join(root, 'tests/fixtures/images', `${name}.png`)) }));
  const wall: Record<'face' | 'none', StageTimes[]> = { face: [], none: [] };
  const cpu: Record<'face' | 'none', StageTimes[]> = { face: [], none: [] };
  console.log(`  per photo after warm-up, ${RUNS} runs each, median/p95 ms (wall clock; CPU time in brackets):`);
  for (const { name, img } of images) {
    const group = FACES.has(name) ? 'face' : 'none';
    const totals: number[] = [];
    const cpuTotals: number[] = [];
    let found = 0;
    let rechecked = 0;
    for (let i = 0; i < RUNS; i++) {
      // Alternate the clock: stage times by wall clock on even runs, by process CPU time on odd ones.
      const clock = i % 2 ? cpuMs : undefined;
      const c0 = cpuMs();
      const r = await analyzeFace(faceapi, img, {
        clock,
        timings: (t) => {
          (clock ? cpu : wall)[group].push({ ...t });
          if (!clock) totals.push(t.total);
          if (t.recheck > 0) rechecked++;
        },
      });
      if (!clock) cpuTotals.push(cpuMs() - c0);
      found = r.faces.length;
    }
    console.log(
      `    ${`${name}.png`.padEnd(28)} ${img.width}×${img.height}  ${stat(totals)} ms (CPU ${stat(cpuTotals)})  ${found} face${found === 1 ? '' : 's'}, re-checked at ${DETECTOR_INPUT} in ${rechecked}/${RUNS}`,
    );
  }
  console.log(`  per stage, median/p95 ms over the photos of each kind (detect = first pass at ${FAST_INPUT}, recheck = ${DETECTOR_INPUT} when no face scored ≥ 0.6):`);
  stageTable('face photos, wall', wall.face, STAGES);
  stageTable('face photos, CPU', cpu.face, STAGES);
  stageTable('no-face photos, wall', wall.none, STAGES);
  stageTable('no-face photos, CPU', cpu.none, STAGES);

  // The trade-offs: the detector alone at each input size, with tfjs's own Concat/Slice kernels and with ours.
  const portrait = downscale(images[0]!.img, 512);
  const tensor = faceapi.tf.tensor3d(toRgb(portrait), [portrait.height, portrait.width, 3], 'int32');
  const detectAt = async (inputSize: number) => {
    const ts: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const c0 = cpuMs();
      await faceapi.detectAllFaces(tensor, new faceapi.TinyFaceDetectorOptions({ inputSize, scoreThreshold: FACE_SCORE }));
      ts.push(cpuMs() - c0);
    }
    return stat(ts);
  };
  const sizes = [224, FAST_INPUT, DETECTOR_INPUT];
  const fast: string[] = [];
  for (const s of sizes) fast.push(`${s}: ${await detectAt(s)}`);
  const orig: string[] = [];
  await withTfjsKernels(faceapi.tf, async () => {
    for (const s of sizes) orig.push(`${s}: ${await detectAt(s)}`);
  });
  tensor.dispose();
  console.log(`  detector alone on the portrait, CPU ms median/p95 by input size: with Vetter's Concat/Slice kernels ${fast.join(', ')}; with tfjs's own ${orig.join(', ')}`);
}

/** Run `fn` with tfjs's original WASM Concat and Slice kernels (lib/face/kernels.ts keeps them as `original`). */
async function withTfjsKernels(tf: unknown, fn: () => Promise<void>): Promise<void> {
  type K = { kernelName: string; backendName: string; kernelFunc: ((...a: unknown[]) => unknown) & { original?: (...a: unknown[]) => unknown } };
  const api = tf as { getKernel(n: string, b: string): K | undefined; unregisterKernel(n: string, b: string): void; registerKernel(k: K): void };
  const ours = ['Concat', 'Slice'].map((n) => api.getKernel(n, 'wasm')).filter((k): k is K => !!k?.kernelFunc.original);
  const swap = (to: (k: K) => K) =>
    ours.forEach((k) => {
      api.unregisterKernel(k.kernelName, 'wasm');
      api.registerKernel(to(k));
    });
  swap((k) => ({ ...k, kernelFunc: k.kernelFunc.original! }));
  try {
    await fn();
  } finally {
    swap((k) => k);
  }
}

/** The offscreen document of the built extension: first photo (model load + warm-up), then round trips per photo. */
export async function benchFaceChromium(root: string, chromeDist: string): Promise<void> {
  if (!existsSync(join(chromeDist, 'offscreen.html'))) {
    console.log(`\nFace analysis, Chromium offscreen document: skipped (no build at ${chromeDist}: run "npx wxt build" first)`);
    return;
  }
  const { launchWithExtension, loadFixtures, startFixtureServer } = await import('../../lib/cli/harness');
  const server = await startFixtureServer(loadFixtures());
  const browser = await launchWithExtension({ server, extensionDir: chromeDist });
  try {
    const photos = IMAGES.map((name) => ({ name, b64: readFileSync(join(root, 'tests/fixtures/images', `${name}.png`)).toString('base64') }));
    type Trip = { ms: number; res: FaceAnalyzeResult };
    const trip = (b64: string, create: boolean) =>
      browser.worker.evaluate(
        async ({ b64, create }) => {
          const c = (globalThis as unknown as { chrome: { offscreen: { createDocument(o: object): Promise<void> }; runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome;
          const t0 = performance.now();
          if (create) await c.offscreen.createDocument({ url: 'offscreen.html', reasons: ['WORKERS'], justification: 'bench' });
          const res = await c.runtime.sendMessage({ type: 'vetter:face-analyze', target: 'offscreen', data: b64, mime: 'image/png' });
          return { ms: performance.now() - t0, res } as Trip;
        },
        { b64, create },
      );
    const first = await trip(photos[0]!.b64, true);
    if (!first.res.ok) throw new Error(first.res.error);
    const e = first.res.engine;
    console.log(`\nFace analysis, Chromium offscreen document (production build, from the service worker; ${load()}):`);
    console.log(
      `  backend ${e?.backend}, SIMD ${e?.simd}, threads ${e?.threads} (extension pages are not cross-origin isolated), fast kernels ${e?.fastKernels}; model load ${e?.loadMs.toFixed(0)} ms, warm-up ${e?.warmUpMs.toFixed(0)} ms; first photo ${first.ms.toFixed(0)} ms from opening the document to the answer`,
    );
    console.log(`  round trip per photo after warm-up (base64 message, decode to ≤ 512 px, analysis, answer), ${RUNS} runs each, median/p95 ms:`);
    const stages = ['decode', ...STAGES] as const;
    const byKind: Record<'face' | 'none', object[]> = { face: [], none: [] };
    for (const p of photos) {
      const ms: number[] = [];
      let faces = 0;
      for (let i = 0; i < RUNS; i++) {
        const t = await trip(p.b64, false);
        if (!t.res.ok) throw new Error(t.res.error);
        ms.push(t.ms);
        faces = t.res.analysis.faces.length;
        if (t.res.timings) byKind[FACES.has(p.name) ? 'face' : 'none'].push(t.res.timings);
      }
      console.log(`    ${`${p.name}.png`.padEnd(28)} round trip ${stat(ms)}  ${faces} face${faces === 1 ? '' : 's'}`);
    }
    console.log('  in the page, per stage, median/p95 ms (wall clock):');
    stageTable('face photos', byKind.face, stages);
    stageTable('no-face photos', byKind.none, stages);
  } finally {
    await browser.close();
    await server.close();
  }
}
