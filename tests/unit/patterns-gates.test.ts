/**
 * The engine skips a slow pattern on a text its cheaper gate does not match (lib/rules/patterns.ts GATES,
 * PAYMENT_WORDS, ANY_PROVIDER). That is only sound if the gate matches every string the pattern matches: checked here
 * on generated strings made of the pattern's own words (random case and joins, so the pattern does match many of
 * them) and on every fixture profile's texts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ANY_PROVIDER, GATES, PAYMENT_PATTERNS, PAYMENT_WORDS, PROVIDERS } from '../../lib/rules/patterns';
import { BASED_IN, CLAIM_WORD, X_BASED } from '../../lib/rules/loc-claim';
import { DECADE, YEARS_CLAIM, YEARS_WORD } from '../../lib/rules/github-young';
import { profileTexts } from '../../lib/rules/text';
import { loadFixtures } from '../../lib/cli/harness';
import { parseHtmlDocument } from '../../lib/cli/check';
import { extractProfile } from '../../lib/extractors';
import { FIXTURES_ROOT } from './site-fixtures';

const pairs: { name: string; re: RegExp; gate: { test(s: string): boolean }; examples?: string[] }[] = [
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
