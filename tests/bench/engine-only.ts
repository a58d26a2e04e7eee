/**
 * Only the engine section of `npm run bench` (tests/bench/engine.ts), for profiling:
 * `node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx tests/bench/engine-only.ts`.
 */
import { loadavg } from 'node:os';
import { parseHtmlDocument } from '../../lib/cli/check';
import { loadFixtures } from '../../lib/cli/harness';
import { extractProfile } from '../../lib/extractors';
import { benchEngine } from './engine';
import { loadEngine } from './engine-bundle';

const ps = loadFixtures().map((f) => extractProfile(parseHtmlDocument(f.html), { url: f.url }));
benchEngine(ps, () => `load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`, await loadEngine());
