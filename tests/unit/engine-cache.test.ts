/**
 * The per-profile caches the rules share within a check (lib/rules/text.ts profileTexts and sentencesOf, kept per
 * profile object) give the same findings as a fresh copy of the profile, and are not served stale when a profile object
 * is edited in place and checked again.
 */
import { describe, expect, it } from 'vitest';
import { runRules } from '../../lib/engine';
import { enrichProfile } from '../../lib/data/places';
import { loadFixtures } from '../../lib/cli/harness';
import { parseHtmlDocument } from '../../lib/cli/check';
import { extractProfile } from '../../lib/extractors';
import { emptyNotes } from '../../lib/notes/schema';
import { profileTexts, sentencesOf } from '../../lib/rules/text';
import { FIXTURES_ROOT } from './site-fixtures';
import { makeProfile } from './helpers';

const now = new Date('2026-03-01T00:00:00Z');
const ids = (p: Parameters<typeof runRules>[0]) => runRules(p, { now }).map((f) => f.ruleId).sort();

describe('per-profile text caches', () => {
  const fixtures = loadFixtures(FIXTURES_ROOT).map((f) => enrichProfile(extractProfile(parseHtmlDocument(f.html), { url: f.url })));

  it('a second check of the same object gives the findings of a fresh copy (every fixture, with notes)', () => {
    expect(fixtures.length).toBeGreaterThan(20);
    const notes = emptyNotes(now);
    notes.pasted = [{ kind: 'payment', text: 'Please pay 50% upfront in USDT to my partner account. Telegram @x_dev.', addedAt: '2026-02-01T00:00:00Z' }];
    let total = 0;
    for (const p of fixtures) {
      const fresh = runRules(structuredClone(p), { now, notes });
      runRules(p, { now, notes });
      const again = runRules(p, { now, notes });
      expect(again, p.source.url).toEqual(fresh);
      total += fresh.length;
    }
    expect(total).toBeGreaterThan(fixtures.length);
  });

  it('an overview edited in place is read again', () => {
    const p = makeProfile({ overview: 'Senior developer. I build web apps.' });
    expect(ids(p)).not.toContain('pay-crypto');
    p.overview = 'Senior developer. For long contracts I prefer payment in USDT (crypto).';
    expect(ids(p)).toContain('pay-crypto');
    expect(profileTexts(p).find((t) => t.field === 'overview')!.text).toBe(p.overview);
    p.overview = 'Senior developer. I build web apps.';
    expect(ids(p)).not.toContain('pay-crypto');
  });

  it('a review text or a payment mention edited in place is read again', () => {
    const p = makeProfile({ overview: 'I build web apps.', reviews: [{ date: null, rating: 5, text: 'Great work, on time.' }], paymentMentions: [] });
    const before = profileTexts(p);
    expect(profileTexts(p)).toBe(before);
    p.reviews[0]!.text = 'Great work. He asked to be paid in Bitcoin.';
    const after = profileTexts(p);
    expect(after).not.toBe(before);
    expect(after.map((t) => t.text)).toContain('Great work. He asked to be paid in Bitcoin.');
    expect(sentencesOf(after.find((t) => t.field === 'reviews[0].text')!)).toEqual(['Great work.', 'He asked to be paid in Bitcoin.']);
    p.paymentMentions.push('Payment via Payoneer only.');
    expect(profileTexts(p).map((t) => t.field)).toContain('paymentMentions[0]');
  });
});
