/**
 * `npm run bench`: prints figures (no pass/fail). Extraction time per fixture (linkedom DOM in Node), engine
 * throughput over a generated batch of profiles, and the built content script's raw and gzipped size.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { analyze } from '../../lib/engine';
import { extractProfile } from '../../lib/extractors';
import { CHROME_DIST, loadFixtures } from '../../lib/cli/harness';
import { parseHtmlDocument } from '../../lib/cli/check';
import type { Profile } from '../../lib/profile/schema';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

console.log('Extraction (Node, linkedom), median of 30 runs after 5 warm-up:');
const profiles: Profile[] = [];
for (const f of loadFixtures()) {
  const doc = parseHtmlDocument(f.html);
  const times: number[] = [];
  for (let i = 0; i < 35; i++) {
    const t = performance.now();
    const p = extractProfile(doc, { url: f.url });
    if (i >= 5) times.push(performance.now() - t);
    if (i === 0) profiles.push(p);
  }
  console.log(`  ${f.file.padEnd(34)} ${median(times).toFixed(2)} ms  (${(f.html.length / 1024).toFixed(1)} KB)`);
}

const N = 20_000;
const batch = Array.from({ length: N }, (_, i) => {
  const p = structuredClone(profiles[i % profiles.length]!);
  p.name = `${p.name ?? 'x'} ${i}`;
  return p;
});
analyze(batch[0]!);
const t0 = performance.now();
for (const p of batch) analyze(p);
const dt = performance.now() - t0;
console.log(`\nEngine: ${N} profiles in ${dt.toFixed(0)} ms = ${Math.round((N / dt) * 1000).toLocaleString('en')} profiles/s`);

const cs = join(CHROME_DIST, 'content-scripts/content.js');
if (existsSync(cs)) {
  const buf = readFileSync(cs);
  console.log(`\nContent script (${cs.replace(/.*\.output\//, '.output/')}): ${buf.length.toLocaleString('en')} B raw, ${gzipSync(buf).length.toLocaleString('en')} B gzip`);
  const bg = readFileSync(join(CHROME_DIST, 'background.js'));
  console.log(`Background: ${bg.length.toLocaleString('en')} B raw, ${gzipSync(bg).length.toLocaleString('en')} B gzip`);
} else console.log('\n(no build found: run `npm run build` for bundle sizes)');

// --- Face analysis (lib/face): Node, face-api node-wasm build on the tfjs WASM backend, the extension's model. ---
{
  const { loadFaceApiNode, readImage } = await import('../../lib/face/node');
  const { analyzeFace } = await import('../../lib/face/analyze');
  const { ROOT } = await import('../../lib/cli/harness');
  const { readdirSync, statSync } = await import('node:fs');
  const { loadavg, cpus } = await import('node:os');
  const { faceapi, loadMs } = await loadFaceApiNode();
  console.log(`\nFace model (Node, WASM backend; ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}: times grow with other load): load ${loadMs.toFixed(0)} ms (backend + tiny detector + 68 landmarks + recognition)`);
  const dir = join(ROOT, 'tests/fixtures/images');
  for (const name of ['astronaut', 'astronaut_ffhq_aligned', 'logo', 'chelsea']) {
    const img = readImage(join(dir, `${name}.png`));
    const first = performance.now();
    const r = await analyzeFace(faceapi, img);
    const firstMs = performance.now() - first;
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      const c = process.cpuUsage();
      await analyzeFace(faceapi, img);
      const dc = process.cpuUsage(c);
      times.push(performance.now() - t);
      cpu.push((dc.user + dc.system) / 1000);
    }
    console.log(
      `  ${`${name}.png`.padEnd(28)} ${img.width}×${img.height}  first ${firstMs.toFixed(0)} ms, then median ${median(times).toFixed(0)} ms per photo (CPU ${median(cpu).toFixed(0)} ms)  (${r.faces.length} face${r.faces.length === 1 ? '' : 's'}${r.framing?.consistentWithStyleGAN ? ', StyleGAN framing' : ''})`,
    );
  }
  const files = (d: string, keep: (f: string) => boolean = () => true): string[] =>
    existsSync(d) ? readdirSync(d).filter(keep).map((f) => join(d, f)) : [];
  const size = (fs: string[]) => [fs.reduce((s, f) => s + statSync(f).size, 0), fs.reduce((s, f) => s + gzipSync(readFileSync(f)).length, 0)] as const;
  const mb = ([raw, gz]: readonly [number, number]) => `${(raw / 1e6).toFixed(2)} MB (gzip ${(gz / 1e6).toFixed(2)})`;
  const models = files(join(CHROME_DIST, 'models'));
  const wasm = files(join(CHROME_DIST, 'tfjs'));
  const js = files(join(CHROME_DIST, 'chunks'), (f) => f.startsWith('offscreen-'));
  if (models.length)
    console.log(`  added to the build: models ${mb(size(models))} + tfjs wasm ${mb(size(wasm))} + offscreen JS ${mb(size(js))} = ${mb(size([...models, ...wasm, ...js]))}`);
}
