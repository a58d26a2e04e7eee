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
import { fieldsRead } from '../../lib/extractors/builder';
import { PROFILE_FIELDS, type Profile } from '../../lib/profile/schema';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

console.log('Extraction (Node, linkedom), median of 30 runs after 5 warm-up (wall clock, and CPU time which other processes disturb less); fields read of the 13 PROFILE_FIELDS:');
const profiles: Profile[] = [];
interface Row { platform: string; file: string; kb: number; ms: number; cpu: number; read: number; missing: string[] }
const rows: Row[] = [];
for (const f of loadFixtures()) {
  const doc = parseHtmlDocument(f.html);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let first: Profile | null = null;
  for (let i = 0; i < 35; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    const p = extractProfile(doc, { url: f.url });
    const dt = performance.now() - t;
    const cu = process.cpuUsage(c);
    if (i >= 5) {
      times.push(dt);
      cpuTimes.push((cu.user + cu.system) / 1000);
    }
    if (i === 0) first = p;
  }
  profiles.push(first!);
  const row = { platform: f.file.split('/')[0]!, file: f.file, kb: f.html.length / 1024, ms: median(times), cpu: median(cpuTimes), read: fieldsRead(first!), missing: first!.missing };
  rows.push(row);
  console.log(`  ${f.file.padEnd(36)} ${row.ms.toFixed(2).padStart(5)} ms (CPU ${row.cpu.toFixed(2).padStart(5)} ms)  (${row.kb.toFixed(1)} KB)  ${String(row.read).padStart(2)}/${PROFILE_FIELDS.length} fields  missing: ${row.missing.join(', ') || '-'}`);
}

console.log('\nPer platform: median extraction time on its largest fixture (target <= 10 ms); fields read per fixture (min-max, mean):');
for (const platform of [...new Set(rows.map((r) => r.platform))]) {
  const rs = rows.filter((r) => r.platform === platform);
  const largest = rs.reduce((a, b) => (b.kb > a.kb ? b : a));
  const reads = rs.map((r) => r.read);
  const mean = reads.reduce((a, b) => a + b, 0) / reads.length;
  console.log(
    `  ${platform.padEnd(14)} ${largest.ms.toFixed(2).padStart(5)} ms (CPU ${largest.cpu.toFixed(2)} ms) on ${largest.file.split('/')[1]} (${largest.kb.toFixed(1)} KB)   fields ${Math.min(...reads)}-${Math.max(...reads)} (mean ${mean.toFixed(1)}) over ${rs.length} fixtures`,
  );
}

const N = 20_000;
const makeBatch = (n: number, tag: string): Profile[] =>
  Array.from({ length: n }, (_, i) => {
    const p = structuredClone(profiles[i % profiles.length]!);
    p.name = `${p.name ?? 'x'} ${tag}${i}`;
    return p;
  });
// Warm up on a separate batch (JIT, the university index built on first use), then measure fresh profiles.
for (const p of makeBatch(N, 'w')) analyze(p);
const batch = makeBatch(N, '');
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (const p of batch) analyze(p);
const dt = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
console.log(
  `\nEngine: ${N} profiles in ${dt.toFixed(0)} ms = ${Math.round((N / dt) * 1000).toLocaleString('en')} profiles/s wall-clock` +
    ` (${Math.round((N / cpuMs) * 1000).toLocaleString('en')} profiles/s of CPU time; the two differ when other processes share the cores)`,
);

const cs = join(CHROME_DIST, 'content-scripts/content.js');
if (existsSync(cs)) {
  const buf = readFileSync(cs);
  console.log(`\nContent script (${cs.replace(/.*\.output\//, '.output/')}): ${buf.length.toLocaleString('en')} B raw, ${gzipSync(buf).length.toLocaleString('en')} B gzip`);
  const bg = readFileSync(join(CHROME_DIST, 'background.js'));
  console.log(`Background: ${bg.length.toLocaleString('en')} B raw, ${gzipSync(bg).length.toLocaleString('en')} B gzip`);
} else console.log('\n(no build found: run `npm run build` for bundle sizes)');
