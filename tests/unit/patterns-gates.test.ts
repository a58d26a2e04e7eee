/**
 * The engine skips a slow pattern on a text its cheaper gate does not match (lib/rules/patterns.ts GATES,
 * PAYMENT_WORDS, ANY_PROVIDER). That is only sound if the gate matches every string the pattern matches: checked here
 * on generated strings made of the pattern's own words (random case and joins, so the pattern does match many of
 * them) and on every fixture profile's texts. The same for the word families (`familyMask`, one pass per text that
 * tells which families a text names): each pattern needs its families, and the one-pass scan equals the plain regex of
 * each family's words.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ADVANCE,
  ANY_PROVIDER,
  FAMILY,
  FAMILY_WORDS,
  familyMask,
  GATES,
  literalWords,
  PATTERN_FAMILIES,
  PAYMENT_CHANGE,
  PAYMENT_PATTERNS,
  PAYMENT_WORDS,
  PROVIDERS,
  THIRD_PARTY,
  type Family,
} from '../../lib/rules/patterns';
import { BASED_IN, CLAIM_WORD, X_BASED } from '../../lib/rules/loc-claim';
import { DECADE, YEARS_CLAIM, YEARS_WORD } from '../../lib/rules/github-young';
import { profileTexts } from '../../lib/rules/text';
import { loadFixtures } from '../../lib/cli/harness';
import { parseHtmlDocument } from '../../lib/cli/check';
import { extractProfile } from '../../lib/extractors';
import { FIXTURES_ROOT } from './site-fixtures';

/** A gate made of family bits: the text names every family in `need`. */
const hasFamilies = (need: number) => ({ test: (s: string) => (familyMask(s) & need) === need });

const pairs: { name: string; re: RegExp; gate: { test(s: string): boolean }; examples?: string[] }[] = [
  ...[...PATTERN_FAMILIES].map(([re, need]) => ({
    name: `families ${need} ⊇ ${re.source.slice(0, 30)}`,
    re,
    gate: hasFamilies(need),
    // Alternatives with a long required phrase, which generated word salad rarely spells out.
    ...(re === ADVANCE ? { examples: ['pay before I start', 'payment before starting', '50% upfront', '30 % deposit', 'deposit before', 'paid in advance'] } : {}),
    ...(re === THIRD_PARTY
      ? { examples: ["my brother's PayPal account", 'the account is registered under a different name', 'another name on the account', 'payment to my partner', "wallet held in someone else's name"] }
      : {}),
    ...(re === PAYMENT_CHANGE ? { examples: ['I changed my payment account', 'new PayPal', 'switched to another bank'] } : {}),
  })),
  { name: 'claim family ⊇ CLAIM_WORD', re: CLAIM_WORD, gate: hasFamilies(FAMILY.claim), examples: ['US-based', 'I live in Lyon', 'located in Toronto'] },
  { name: 'claim family ⊇ X_BASED', re: X_BASED, gate: hasFamilies(FAMILY.claim) },
  { name: 'claim family ⊇ BASED_IN', re: BASED_IN, gate: hasFamilies(FAMILY.claim), examples: ["I'm based in Austin, TX", 'I am currently living in the United States'] },
  ...[...GATES].map(([re, gate]) => ({ name: `GATES ${re.source.slice(0, 30)}`, re, gate })),
  ...[...PAYMENT_PATTERNS].map((re) => ({ name: `PAYMENT_WORDS ⊇ ${re.source.slice(0, 30)}`, re, gate: PAYMENT_WORDS })),
  ...PROVIDERS.map(([name, re]) => ({ name: `ANY_PROVIDER ⊇ ${name}`, re, gate: ANY_PROVIDER })),
  { name: 'loc-claim CLAIM_WORD ⊇ X_BASED', re: X_BASED, gate: CLAIM_WORD },
  { name: 'loc-claim CLAIM_WORD ⊇ BASED_IN', re: BASED_IN, gate: CLAIM_WORD, examples: ["I'm based in Austin, TX", 'I am currently living in the United States', 'myself, located in Toronto'] },
  { name: 'github-young YEARS_WORD ⊇ YEARS_CLAIM', re: YEARS_CLAIM, gate: YEARS_WORD, examples: ['10+ years of experience', 'over 8 yrs professional experience', '12years in software'] },
  { name: 'github-young YEARS_WORD ⊇ DECADE', re: DECADE, gate: YEARS_WORD, examples: ['a decade of experience', 'more than a decade of industry experience'] },
];

/** Strings made of the pattern's words, numbers, symbols and joins, in random case. */
function phrases(re: RegExp): fc.Arbitrary<string> {
  const words = [...new Set(re.source.replace(/\\[a-zA-Z]/g, ' ').match(/[A-Za-z]{2,}/g) ?? [])];
  const token = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...words) },
    { weight: 1, arbitrary: fc.constantFrom('20', '50', '%', "'s", '’s', "s'", 'me', 'my', 'a', 'the', 'to', 'in', 'name', 'x', '.', '/', 'i', '@dev_1', '+1 555 123 4567', 't.me/dev') },
  );
  const join = fc.constantFrom(' ', ' ', ' ', '', '-', ': ', '. ', '\n');
  const cased = (s: string, mode: number) => (mode === 0 ? s : mode === 1 ? s.toUpperCase() : s[0]!.toUpperCase() + s.slice(1));
  return fc
    .array(fc.tuple(token, join, fc.nat(2)), { minLength: 1, maxLength: 7 })
    .map((ts) => ts.map(([t, j, c]) => cased(t, c) + j).join(''));
}

describe('pattern gates (a text the gate rules out cannot match the pattern)', () => {
  for (const { name, re, gate, examples } of pairs) {
    it(name, () => {
      let matched = 0;
      // Patterns with a long required phrase also get known matches, placed in generated text.
      const arb = examples
        ? fc.oneof(phrases(re), fc.tuple(phrases(re), fc.constantFrom(...examples), phrases(re)).map(([a, e, b]) => `${a} ${e} ${b}`))
        : phrases(re);
      fc.assert(
        fc.property(arb, (s) => {
          if (!re.test(s)) return;
          matched++;
          expect(gate.test(s), `gate misses "${s}"`).toBe(true);
        }),
        { numRuns: 2000 },
      );
      // The generator reaches the pattern, so the implication above is really exercised.
      expect(matched).toBeGreaterThan(0);
    });
  }

  it('every fixture text the patterns match passes their gates', () => {
    let checked = 0;
    for (const f of loadFixtures(FIXTURES_ROOT)) {
      const p = extractProfile(parseHtmlDocument(f.html), { url: f.url });
      for (const t of profileTexts(p))
        for (const { re, gate } of pairs)
          if (re.test(t.text)) {
            checked++;
            expect(gate.test(t.text), `${f.file} ${t.field}`).toBe(true);
          }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('the payment gate rules out texts without payment words (the speed-up is real)', () => {
    expect(PAYMENT_WORDS.test('Senior full-stack developer: React, Node.js and PostgreSQL. I build dashboards for startups.')).toBe(false);
    expect(PAYMENT_WORDS.test('I accept 50% up front')).toBe(true);
  });
});

describe('familyMask (one pass for every word family)', () => {
  const families = Object.keys(FAMILY_WORDS) as Family[];
  const reference = new Map(families.map((f) => [f, literalWords(FAMILY_WORDS[f])]));
  const percent = /\d\s?%/;
  /** Bit by bit what familyMask must return: each family's plain regex (pay and advance also on a digit and "%"). */
  const expected = (s: string) => families.reduce((m, f) => (reference.get(f)!.test(s) || ((f === 'pay' || f === 'advance') && percent.test(s)) ? m | FAMILY[f] : m), 0);
  const allWords = [...new Set(Object.values(FAMILY_WORDS).flat())];
  const token = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...allWords) },
    // Word characters around words (no word start inside), non-ASCII letters that lower-case to ASCII (Kelvin sign,
    // dotted I), digits and "%", and words that start inside longer ones ("binance payoneer").
    { weight: 2, arbitrary: fc.constantFrom('x', '_', '9', '\u212A', '\u0130', 'é', '50', '%', '-', '.', '/', 'ment', 'oneer', 'ing', 'binance payoneer', 'payment', 'T.ME/x') },
  );
  const join = fc.constantFrom(' ', '', '-', '. ', '\n', '_');
  const cased = (s: string, mode: number) => (mode === 0 ? s : mode === 1 ? s.toUpperCase() : s[0]!.toUpperCase() + s.slice(1));
  const text = fc.array(fc.tuple(token, join, fc.nat(2)), { minLength: 1, maxLength: 8 }).map((ts) => ts.map(([t, j, c]) => cased(t, c) + j).join(''));

  it('equals the plain regex of each family on generated texts', () => {
    const seen = new Set<number>();
    fc.assert(
      fc.property(text, (s) => {
        const m = familyMask(s);
        expect(m, s).toBe(expected(s));
        seen.add(m);
      }),
      { numRuns: 5000 },
    );
    // Generated texts reach many combinations of families, not only none or all.
    expect(seen.size).toBeGreaterThan(20);
  });

  it('equals it on every fixture text, and says nothing for a text without family words', () => {
    let n = 0;
    for (const f of loadFixtures(FIXTURES_ROOT)) {
      const p = extractProfile(parseHtmlDocument(f.html), { url: f.url });
      for (const t of profileTexts(p)) {
        expect(familyMask(t.text), `${f.file} ${t.field}`).toBe(expected(t.text));
        n++;
      }
    }
    expect(n).toBeGreaterThan(40);
    expect(familyMask('Senior full-stack developer: React, Node.js and PostgreSQL. I build dashboards for startups.')).toBe(0);
    expect(familyMask('Paid via Binance Pay; contact me on WhatsApp. Based in Lyon.')).toBe(FAMILY.pay | FAMILY.crypto | FAMILY.thirdParty | FAMILY.offPlatform | FAMILY.claim);
  });
});
