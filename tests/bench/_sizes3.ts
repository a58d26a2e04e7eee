import { extractProfile } from '../../lib/extractors';
import { loadFixtures } from '../../lib/cli/harness';
import { parseHtmlDocument } from '../../lib/cli/check';
import { profileTexts } from '../../lib/rules/text';
import { GATES, PROVIDERS } from '../../lib/rules/patterns';
const ps = loadFixtures().map((f) => extractProfile(parseHtmlDocument(f.html), { url: f.url }));
const texts = ps.flatMap((p) => profileTexts(p).map((t) => t.text));
const bench = (name: string, f: (s: string) => unknown) => { for (let k = 0; k < 200; k++) for (const s of texts) f(s); const t = performance.now(); for (let k = 0; k < 2000; k++) for (const s of texts) f(s); console.log(name.padEnd(20), ((performance.now() - t) / 2000 / ps.length * 1000).toFixed(2), 'µs/profile'); };
const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
let i = 0;
for (const [re, g] of GATES) { i++; if (i > 6) break; const G = new RegExp(g.map(esc).join('|'), 'i'); const Gb = new RegExp('\\b(?:' + g.map(esc).join('|') + ')', 'i'); bench(`re${i}`, (s) => re.test(s)); bench(`  gateRe${i}`, (s) => G.test(s)); bench(`  gateReB${i}`, (s) => Gb.test(s)); }
const ALLP = /\b(?:pay ?pal|payoneer|skrill|western union|money ?gram|revolut|alipay|we ?chat ?pay|union ?pay|usdt|usdc|bitcoin|btc|crypto(?:currency)?|bank transfer|wire transfer|swift|iban)\b|\b(?:Wise|TransferWise|wise\.com)\b/;
const ALLPi = /\b(?:pay ?pal|payoneer|skrill|western union|money ?gram|revolut|alipay|we ?chat ?pay|union ?pay|usdt|usdc|bitcoin|btc|crypto(?:currency)?|bank transfer|wire transfer|swift|iban|wise)/i;
bench('providers each', (s) => PROVIDERS.filter(([, re]) => re.test(s)));
bench('providers union', (s) => ALLPi.test(s));
bench('sentences', (s) => s.split(/(?<=[.!?])\s+|\n+/).map((x) => x.trim()).filter(Boolean));
