import { extractProfile } from '../../lib/extractors';
import { loadFixtures } from '../../lib/cli/harness';
import { parseHtmlDocument } from '../../lib/cli/check';
import { benchEngine } from './engine';
import { loadavg } from 'node:os';
const ps = loadFixtures().map((f) => extractProfile(parseHtmlDocument(f.html), { url: f.url }));
benchEngine(ps, () => `load ${loadavg()[0]!.toFixed(2)}`);
