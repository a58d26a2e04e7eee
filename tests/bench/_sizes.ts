import { extractProfile } from '../../lib/extractors';
import { loadFixtures } from '../../lib/cli/harness';
import { parseHtmlDocument } from '../../lib/cli/check';
import { profileTexts } from '../../lib/rules/text';
import { PROVIDERS } from '../../lib/rules/patterns';
const ps = loadFixtures().map((f) => extractProfile(parseHtmlDocument(f.html), { url: f.url }));
let tot = 0, n = 0;
for (const p of ps) { const t = profileTexts(p); n += t.length; tot += t.reduce((a, x) => a + x.text.length, 0); }
console.log('profiles', ps.length, 'texts/profile', (n / ps.length).toFixed(1), 'chars/profile', Math.round(tot / ps.length));
const texts = ps.flatMap((p) => profileTexts(p).map((t) => t.text));
for (const [name, re] of PROVIDERS) { const t = performance.now(); for (let k = 0; k < 2000; k++) for (const s of texts) re.test(s); console.log(name.padEnd(16), ((performance.now() - t) / 2000 / ps.length * 1000).toFixed(2), 'µs/profile'); }
const t = performance.now(); for (let k = 0; k < 2000; k++) for (const s of texts) { const l = s.toLowerCase(); l.includes('payoneer'); } console.log('lower+includes', ((performance.now() - t) / 2000 / ps.length * 1000).toFixed(2));
