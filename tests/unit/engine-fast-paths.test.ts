/**
 * The engine's fast paths and caches give what the plain code gives, and never a stale answer: the finding draft built
 * field by field, the rule meta checked once per meta object, the per-profile text pool (word families and sentences
 * kept on each text), the report time formatted once per time value, the notes analysis' exec loops (execAll), the
 * whitespace squash, the loc-time capture time and zones, and the front-company cache per kinds.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze, runRules } from '../../lib/engine';
import { matchFrontName } from '../../lib/data';
import { analyzePasted, execAll, hitsOf } from '../../lib/notes/analyze';
import { capP, draft, placesP, texts, whereP } from '../../lib/rules/msg';
import { familyMask } from '../../lib/rules/patterns';
import { familiesOf, profileTexts, sentencesOf } from '../../lib/rules/text';
import { locTime } from '../../lib/rules/loc-time';
import { squashSpace } from '../../lib/text/fold';
import type { Rule } from '../../lib/rules';
import { makeProfile } from './helpers';

const now = new Date('2026-03-01T00:00:00Z');

describe('finding drafts and rule metadata', () => {
  it('draft() is the object the spread form made', () => {
    const t = texts('f_photoNone', [], { nextStep: 'f_photo_next' });
    const ev = [{ field: 'photo', excerpt: 'no photo found on the page' }];
    expect(draft(t, ev)).toStrictEqual({ ...t, evidence: ev });
    expect(draft(t, ev, 'low')).toStrictEqual({ severity: 'low', ...t, evidence: ev });
  });

  it('placesP (phrases kept per field) equals whereP of each distinct place, and capitalising it changes no cached phrase', () => {
    const fields = ['overview', 'reviews[1].text', 'overview', 'headline', 'notes.pasted[2]', 'education[0].school', 'links[3].url'];
    for (let n = 1; n <= fields.length; n++) {
      const ev = fields.slice(0, n).map((field) => ({ field }));
      const distinct = [...new Map(ev.map((e) => [JSON.stringify(whereP(e.field)), whereP(e.field)])).values()];
      const got = placesP(ev);
      expect(capP(got)).toMatchObject({ cap: true });
      expect(placesP(ev)).toEqual(got);
      if (distinct.length === 1) expect(got).toEqual(distinct[0]);
      else expect(JSON.stringify(got)).toContain(JSON.stringify(whereP(fields[n - 1]!)));
    }
    expect(placesP([{ field: 'overview' }])).toEqual({ key: 'w_overview', params: [] });
  });

  it('a rule meta edited after a run is checked again (no stale verdict)', () => {
    const rule: Rule = {
      meta: { id: 'spy', title: 'Spy', category: 'photo', severity: 'low', weight: 'weak', indicator: { source: 'PSA23', url: 'https://www.ic3.gov/PSA/2023/PSA231018' }, description: 'x' },
      check: () => [draft(texts('f_photoNone', [], { nextStep: 'f_photo_next' }), [{ field: 'photo', excerpt: 'x' }])],
    };
    const p = makeProfile();
    expect(runRules(p, { rules: [rule], now })[0]).toMatchObject({ ruleId: 'spy', category: 'photo', severity: 'low' });
    (rule.meta as { category: string }).category = 'no such category';
    const bad = runRules(p, { rules: [rule], now });
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ ruleId: 'spy', severity: 'info', title: 'Check "Spy" could not run' });
    expect(bad[0]!.explanation).toContain('invalid finding');
    rule.meta.category = 'photo';
    rule.meta.indicator.url = 'not a url';
    expect(runRules(p, { rules: [rule], now })[0]).toMatchObject({ severity: 'info' });
    rule.meta.indicator.url = 'https://www.ic3.gov/PSA/2023/PSA231018';
    expect(runRules(p, { rules: [rule], now })[0]).toMatchObject({ ruleId: 'spy', severity: 'low', category: 'photo' });
  });
});

describe('per-profile text pool', () => {
  const profile = () =>
    makeProfile({
      headline: 'Senior developer, US-based',
      overview: 'I build web apps. For long contracts I prefer payment in USDT to my wallet.',
      reviews: [{ date: null, rating: 5, text: 'Great work. Paid via PayPal.' }],
    });

  it('the lists with and without reviews share each text object, whose families and sentences are worked out once', () => {
    const p = profile();
    const all = profileTexts(p);
    const own = profileTexts(p, { reviews: false });
    expect(own.map((t) => t.field)).toEqual(['headline', 'overview']);
    expect(own[0]).toBe(all[0]);
    expect(own[1]).toBe(all[1]);
    for (const t of all) expect(familiesOf(t)).toBe(familyMask(t.text));
    expect(sentencesOf(all[1]!)).toBe(sentencesOf(own[1]!));
    expect(sentencesOf(all[1]!)).toEqual(['I build web apps.', 'For long contracts I prefer payment in USDT to my wallet.']);
  });

  it('another profile checked in between, or a text edited in place, never serves the other texts', () => {
    const a = profile();
    const b = makeProfile({ overview: 'I build dashboards.' });
    const fresh = runRules(structuredClone(a), { now });
    expect(fresh.map((f) => f.ruleId)).toContain('pay-crypto');
    expect(runRules(a, { now })).toEqual(fresh);
    expect(runRules(b, { now }).map((f) => f.ruleId)).not.toContain('pay-crypto');
    expect(runRules(a, { now })).toEqual(fresh);
    const before = profileTexts(a)[1]!;
    a.overview = 'I build web apps.';
    const after = profileTexts(a)[1]!;
    expect(after).not.toBe(before);
    expect(familiesOf(after)).toBe(familyMask('I build web apps.'));
    expect(runRules(a, { now }).map((f) => f.ruleId)).not.toContain('pay-crypto');
  });

  it('plain text objects (not from profileTexts) get their families and sentences too', () => {
    const t = { field: 'overview', text: 'Paid in BTC. Thanks.' };
    expect(familiesOf(t)).toBe(familyMask(t.text));
    expect(sentencesOf(t)).toEqual(['Paid in BTC.', 'Thanks.']);
  });
});

describe('report time', () => {
  it('createdAt follows the time of each check, also for a Date changed in place', () => {
    const p = makeProfile();
    const d = new Date('2026-01-01T00:00:00Z');
    expect(analyze(p, { now: d }).createdAt).toBe('2026-01-01T00:00:00.000Z');
    expect(analyze(p, { now: new Date('2026-02-02T10:00:00Z') }).createdAt).toBe('2026-02-02T10:00:00.000Z');
    d.setTime(Date.parse('2026-03-03T03:03:03Z'));
    expect(analyze(p, { now: d }).createdAt).toBe('2026-03-03T03:03:03.000Z');
    expect(() => analyze(p, { now: new Date(NaN) })).toThrow(RangeError);
  });
});

describe('execAll (the notes analysis without String.matchAll)', () => {
  const regexes = [/\b\w+@\w+\.[a-z]{2,}\b/gi, /\d+/g, /x*/g, /(?:)/gu, /(?<=[.!?])\s+|\n+/g, /[\u{1F600}-\u{1F64F}]?/gu];
  it('gives the matches of matchAll (indexes, groups, empty matches, astral characters)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'x', '1', '.', ' ', '\n', '@', 'b.co', '😀', 'é') , maxLength: 30 }), fc.constantFrom(...regexes), (s, re) => {
        const ours = execAll(re, s).map((m) => [m.index, [...m]]);
        const ref = [...s.matchAll(re)].map((m) => [m.index, [...m]]);
        expect(ours).toEqual(ref);
        expect(re.lastIndex).toBe(0);
      }),
      { numRuns: 1500 },
    );
    expect(() => execAll(/x/, 'x')).toThrow(TypeError);
  });
});

describe('notes analysis prefilters (whole paste first, then each sentence)', () => {
  it('finds rentals, threats, Chinese SWIFT codes and e-mails in any sentence of a paste, and only there', () => {
    const text =
      'Hello again. Pay the invoice by Friday or I will publish your source code. Also, I can rent your verified Upwork account.\nWire via SWIFT: ICBKCNBJSZN please. Write to kim.dev@example.com today.';
    const a = analyzePasted([{ kind: 'payment', text, addedAt: '2026-01-01T00:00:00Z' }], 'Ana Costa');
    expect(hitsOf(a, 'threat').map((h) => h.excerpt)).toEqual(['Pay the invoice by Friday or I will publish your source code.']);
    expect(hitsOf(a, 'account-rental').map((h) => h.match)).toEqual(['rent your verified Upwork account']);
    expect(hitsOf(a, 'provider').filter((h) => h.provider === 'bank in China').map((h) => h.match)).toEqual(['ICBKCNBJSZN']);
    expect(hitsOf(a, 'contact').map((h) => h.value)).toEqual(['kim.dev@example.com']);
    const none = analyzePasted([{ kind: 'message', text: 'Thanks for the call. I will send the draft on Friday at kim dot dev.', addedAt: '2026-01-01T00:00:00Z' }], null);
    expect(hitsOf(none, 'threat', 'account-rental', 'contact', 'provider')).toEqual([]);
  });
});

describe('squashSpace', () => {
  it("equals s.replace(/\\s+/g, ' ').trim()", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '  ', '\t', '\n', '\u00a0', '\u2028', '\ufeff', '\u3000', 'é'), maxLength: 20 }), (s) => {
        expect(squashSpace(s)).toBe(s.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 3000 },
    );
  });
});

describe('loc-time and front-company caches', () => {
  it('a profile read at another time is compared at that time', () => {
    const at = (capturedAt: string) =>
      locTime.check(makeProfile({ localTime: '9:00 AM', location: { raw: 'Berlin, Germany', city: 'Berlin', country: 'DE' }, source: { ...makeProfile().source, capturedAt } }), { now });
    // 09:00 in Berlin is 08:00 UTC in winter.
    expect(at('2026-01-15T08:00:00.000Z')).toEqual([]);
    expect(at('2026-01-15T14:00:00.000Z')).toHaveLength(1);
    expect(at('2026-01-15T08:10:00.000Z')).toEqual([]);
  });

  it('the same name asked with other kinds gets its own answer', () => {
    expect(matchFrontName('Kim Il Sung University', ['company'])).toBeNull();
    expect(matchFrontName('Kim Il Sung University', ['institution'])?.name).toBe('Kim Il Sung University');
    expect(matchFrontName('Kim Il Sung University')?.name).toBe('Kim Il Sung University');
    expect(matchFrontName('Kim Il Sung University', ['company'])).toBeNull();
  });
});
