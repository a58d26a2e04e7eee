/**
 * lib/rules/patterns.ts wordsAtStart groups a word alternation by first letter for speed; it must match exactly where
 * the plain `\b(?:w1|w2|…)`/i does. Checked on generated strings made of the words (random case, joins, cuts) and on
 * every fixture profile's texts, for the word lists the gates use and a list with shared prefixes and regex syntax.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wordsAtStart } from '../../lib/rules/patterns';
import { profileTexts } from '../../lib/rules/text';
import { loadFixtures } from '../../lib/cli/harness';
import { parseHtmlDocument } from '../../lib/cli/check';
import { extractProfile } from '../../lib/extractors';
import { FIXTURES_ROOT } from './site-fixtures';

const LISTS = [
  'account|pay|paid|wise|transferwise|bank|card|wallet|iban|usdt|usdc|tether|bitcoin|btc|eth|crypto|stablecoin|litecoin|ltc|monero|xmr|binance pay|trc|erc|bep|virtual currenc|digital currenc|advance|up[- ]?front|pre-?pa|deposit|full payment|alipay|we ?chat|weixin|tenpay|union|china|chinese|icbc|agricultural|prc|skrill|western union|money ?gram|revolut|wire transfer|swift'.split('|'),
  ['telegram', 'whats ?app', 'skype', 'signal', 'discord', 'wechat', 'weixin', 'kakao ?talk', 'viber', 'line (?:id|app)', 't\\.me\\/', 'outside', 'off[- ]platform'],
  ['ab', 'a', 'abc', 'Ba', 'b(?:x|y)z', '1st', '2 ?fa'],
];
const texts = loadFixtures(FIXTURES_ROOT).flatMap((f) => profileTexts(extractProfile(parseHtmlDocument(f.html), { url: f.url })).map((t) => t.text));

describe('wordsAtStart', () => {
  for (const words of LISTS) {
    const plain = new RegExp(`\\b(?:${words.join('|')})`, 'i');
    const fast = wordsAtStart(words);
    it(`matches where \\b(?:${words.slice(0, 3).join('|')}…)/i does`, () => {
      expect(fast.source).not.toBe(plain.source);
      expect(texts.length).toBeGreaterThan(50);
      for (const t of texts) expect(fast.test(t), t.slice(0, 80)).toBe(plain.test(t));
      const samples = [...new Set(words.flatMap((w) => [w.replace(/\[[^\]]*\]\??|\?|\\|\(\?:|\)/g, ''), w.replace(/[^a-z ]/gi, '').replace(/\s/g, '')]))];
      const piece = fc.oneof(fc.constantFrom(...samples), fc.constantFrom(' ', '-', 'x', '.', '_', '1', 'é', ''), fc.string({ maxLength: 3 }));
      const casing = fc.array(piece, { maxLength: 6 }).chain((ps) => fc.constantFrom(ps.join(''), ps.join('').toUpperCase(), ps.join(' ')));
      let hits = 0;
      fc.assert(
        fc.property(casing, fc.nat(4), (s, cut) => {
          const t = s.slice(cut);
          const f = fast.test(t);
          if (f) hits++;
          expect(f).toBe(plain.test(t));
        }),
        { numRuns: 1500 },
      );
      expect(hits).toBeGreaterThan(100);
    });
  }

  it('refuses a word that does not start with a plain letter', () => {
    expect(() => wordsAtStart(['a?b'])).toThrow(/plain letter/);
    expect(() => wordsAtStart(['(?:x)'])).toThrow(/plain letter/);
  });
});
