/**
 * Property-based tests (fast-check) of every extractor on generated and mutated pages (tests/unit/fuzz-pages.ts):
 * extraction never throws and always gives a schema-valid Profile. `npm test` runs a few hundred cases;
 * `npm run fuzz` runs 10,000 (FUZZ_RUNS to change, FUZZ_SEED to replay).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXTRACTORS } from '../../lib/extractors';
import { Profile } from '../../lib/profile/schema';
import { buildDocument, caseArb, fuzzBasePages, runCase } from './fuzz-pages';
import { parseHTML } from 'linkedom';

const pages = fuzzBasePages();
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 200);
const SEED = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : undefined;

describe('extractor fuzzing', () => {
  it('has base pages of every site', () => {
    const sites = new Set(pages.map((p) => p.file.split('/')[0]));
    expect(sites.size).toBeGreaterThanOrEqual(8);
  });

  it('mutations change the page (the generator is not a no-op)', () => {
    const base = pages[0]!;
    const doc = buildDocument(base, { page: 0, truncate: null, other: 0, mutations: [{ kind: 'remove', pick: 3 }, { kind: 'text', pick: 5, text: 'ZZZ-marker' }] });
    expect(doc.documentElement.outerHTML).toContain('ZZZ-marker');
    expect(doc.querySelectorAll('*').length).toBeLessThan((parseHTML(base.html).document as unknown as Document).querySelectorAll('*').length);
  });

  it(`${RUNS} mutated pages: every extractor returns a valid Profile and never throws`, () => {
    fc.assert(
      fc.property(caseArb(pages.length), (c) => {
        const problem = runCase(pages, c);
        if (problem) throw new Error(problem);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 300_000);

  it('every extractor on random tag soup and on pages made only of random JSON-LD', () => {
    const soup = fc.array(fc.oneof(fc.constantFrom('<div>', '</div>', '<h2>', '</h2>', '<li>', '<section data-test="education">', '<script type="application/ld+json">', '</script>', '<a href="javascript:1">', '&amp;', '<img src=x>', 'Education', '2019 - Present'), fc.string({ maxLength: 20 })), { maxLength: 200 });
    fc.assert(
      fc.property(soup, fc.jsonValue({ maxDepth: 5 }), fc.nat({ max: EXTRACTORS.length - 1 }), (tokens, json, i) => {
        for (const html of [tokens.join(''), `<script type="application/ld+json">${JSON.stringify(json)}</script>${tokens.join('')}`]) {
          const doc = parseHTML(html).document as unknown as Document;
          const ex = EXTRACTORS[i]!;
          const p = ex.extract(doc, { url: 'https://www.upwork.com/freelancers/~01f3a9c2b7d4e5a6b1' });
          expect(Profile.safeParse(p).success).toBe(true);
        }
      }),
      { numRuns: Math.max(50, Math.floor(RUNS / 3)), seed: SEED },
    );
  }, 300_000);
});
