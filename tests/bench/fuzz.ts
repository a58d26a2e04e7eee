/**
 * The extractor fuzz run (`npm run fuzz`, and a section of `npm run bench`): FUZZ_RUNS (default 10,000) mutated
 * fixture pages through the site extractor and one other (tests/unit/fuzz-pages.ts). Prints the count, the failures
 * (each with its case, replayable with FUZZ_SEED) and the time. Exit code 1 when a case fails.
 */
import fc from 'fast-check';
import { caseArb, fuzzBasePages, runCase } from '../unit/fuzz-pages';

export function runFuzz(runs = Number(process.env['FUZZ_RUNS'] ?? 10_000)): number {
  const pages = fuzzBasePages();
  const seed = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : Date.now() % 2 ** 31;
  const cases = fc.sample(caseArb(pages.length), { numRuns: runs, seed });
  const failures: string[] = [];
  const t0 = performance.now();
  cases.forEach((c, i) => {
    const problem = runCase(pages, c);
    if (problem) failures.push(`case ${i}: ${problem.split('\n')[0]}\n    ${JSON.stringify(c).slice(0, 400)}`);
  });
  const dt = (performance.now() - t0) / 1000;
  console.log(`\nExtractor fuzzing (fast-check, seed ${seed}, ${pages.length} base pages, site extractor + one other per case):`);
  console.log(`  ${runs.toLocaleString('en')} cases, ${failures.length} failures, ${dt.toFixed(1)} s (${((dt * 1000) / runs).toFixed(1)} ms/case)`);
  for (const f of failures.slice(0, 10)) console.log(`  ${f}`);
  return failures.length;
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) process.exitCode = runFuzz() > 0 ? 1 : 0;
