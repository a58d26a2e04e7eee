/**
 * The engine as the bench measures it. By default an esbuild bundle of lib/engine and everything it imports (one ES
 * module, imports resolved at build time), as the extension ships it (WXT/Vite bundles the background the same way).
 * Under tsx, which the CLI and the tests use, each module is compiled to CommonJS and every read of an imported binding
 * is a getter call; those calls are tsx's cost, not the engine's (they were about a seventh of the engine's time).
 * `BENCH_ENGINE=tsx` measures the modules as tsx runs them instead.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import * as direct from './engine-entry';

export type EngineApi = typeof direct;

export async function loadEngine(): Promise<{ engine: EngineApi; how: string }> {
  if (process.env['BENCH_ENGINE'] === 'tsx') return { engine: direct, how: 'the modules as tsx runs them (BENCH_ENGINE=tsx)' };
  const dir = mkdtempSync(join(tmpdir(), 'vetter-engine-'));
  try {
    const outfile = join(dir, 'engine.mjs');
    await build({ entryPoints: [join(import.meta.dirname, 'engine-entry.ts')], bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile, logLevel: 'error' });
    return { engine: (await import(pathToFileURL(outfile).href)) as EngineApi, how: 'an esbuild bundle of lib/engine, as shipped (BENCH_ENGINE=tsx: the modules under tsx)' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
