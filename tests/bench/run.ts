/**
 * `npm run bench`: prints figures (no pass/fail). Extraction time per fixture (linkedom DOM in Node), engine
 * throughput over a generated batch of profiles, and the built content script's raw and gzipped size.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { analyze } from '../../lib/engine';
import { extractProfile } from '../../lib/extractors';
import { CHROME_DIST, loadFixtures } from '../../lib/cli/harness';
import { parseHtmlDocument } from '../../lib/cli/check';
import type { Profile } from '../../lib/profile/schema';
import { runFuzz } from './fuzz';
import { benchPage } from './page';

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
  console.log(`\nContent script (${cs.replace(/.*\.output\//, '.output/')}): ${buf.length.toLocaleString('en')} B raw, ${gzipSync(buf).length.toLocaleString('en')} B gzip (target ≤ 90 KB gzip)`);
  console.log('Every built file (.output/chrome-mv3), raw and gzip:');
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  for (const f of walk(CHROME_DIST).filter((x) => /\.(js|css|html|json)$/.test(x)).sort()) {
    const b = readFileSync(f);
    console.log(`  ${f.slice(CHROME_DIST.length + 1).padEnd(44)} ${b.length.toLocaleString('en').padStart(10)} B  ${gzipSync(b).length.toLocaleString('en').padStart(9)} B gzip`);
  }
} else console.log('\n(no build found: run `npm run build` for bundle sizes)');

// Hardening figures (issue 8): fuzzing and page-side speed.
if (process.env['BENCH_FUZZ'] !== '0') runFuzz();
await benchPage();
