import { extractProfile } from '../../lib/extractors';
import { loadFixtures } from '../../lib/cli/harness';
import { parseHtmlDocument } from '../../lib/cli/check';
import { analyze } from '../../lib/engine';
import { engineBatch } from './engine';
const ps = loadFixtures().map((f) => extractProfile(parseHtmlDocument(f.html), { url: f.url }));
for (let r = 0; r < 3; r++) { const b = engineBatch(ps, 20000, 'x' + r); const c = process.cpuUsage(); b.profiles.forEach((p, i) => analyze(p, { notes: b.notes[i] })); const u = process.cpuUsage(c); console.log(Math.round(20000 / ((u.user + u.system) / 1e6)), 'cpu/s'); }
