import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/engine';
import { emptyMatches, type HistoryMatches, type Identity } from '../../lib/history/schema';
import type { Profile } from '../../lib/profile/schema';
import { Finding } from '../../lib/report/schema';
import { RULES, type FindingDraft, type Rule } from '../../lib/rules';
import { linksShared } from '../../lib/rules/links-shared';
import { photoReused } from '../../lib/rules/photo-reused';
import { photoVaries } from '../../lib/rules/photo-varies';
import { profileChanged } from '../../lib/rules/profile-changed';
import { textTemplate } from '../../lib/rules/text-template';
import { makeProfile, NOW, resolvePath } from './helpers';

const other: Identity = { key: 'fiverr:james_w', platform: 'fiverr', profileId: 'james_w', url: 'https://www.fiverr.com/james_w', name: 'James Walker' };
const h = (m: Partial<HistoryMatches>): HistoryMatches => ({ ...emptyMatches(), ...m });

/** Runs a rule with history; checks evidence paths (profile or `history.…`), schema validity and wording. */
function fire(rule: Rule, p: Profile, history: HistoryMatches | null | undefined): FindingDraft[] {
  const drafts = rule.check(p, { now: NOW, history });
  for (const d of drafts) {
    expect(d.evidence.length).toBeGreaterThan(0);
    for (const ev of d.evidence) {
      const v = ev.field.startsWith('history.') ? resolvePath({ history }, ev.field) : resolvePath(p, ev.field);
      expect(v, ev.field).not.toBeUndefined();
      expect(v, ev.field).not.toBeNull();
    }
    const f = Finding.safeParse({ ruleId: rule.meta.id, category: rule.meta.category, severity: d.severity ?? rule.meta.severity, weight: rule.meta.weight, title: d.title, explanation: d.explanation, evidence: d.evidence, indicator: { id: rule.meta.id, ...rule.meta.indicator }, nextStep: d.nextStep });
    expect(f.success).toBe(true);
    const words = `${d.title} ${d.explanation} ${d.nextStep}`;
    expect(words).not.toMatch(/north korean|\b(reject|do not hire|don't hire|fraud(ster)?|scam(mer)?)\b/i);
    // A question to verify, never a verdict.
    expect(d.explanation).toMatch(/\?/);
  }
  return drafts;
}

const CROSS = [photoReused, photoVaries, textTemplate, linksShared, profileChanged];

describe('cross-profile rules: silent without history (missing data)', () => {
  it('every cross-profile rule is in the rule set and says nothing when history is null, absent or empty', () => {
    const p = makeProfile({ overview: 'x'.repeat(50), paymentMentions: ['USDT'] });
    for (const r of CROSS) {
      expect(RULES).toContain(r);
      expect(fire(r, p, null), r.meta.id).toEqual([]);
      expect(fire(r, p, undefined), r.meta.id).toEqual([]);
      expect(fire(r, p, emptyMatches()), r.meta.id).toEqual([]);
    }
  });
});

describe('photo-reused', () => {
  it('fires naming the other profile with its link and the distance', () => {
    const [f] = fire(photoReused, makeProfile(), h({ photo: [{ other, distance: 3, mirrored: true }] }));
    expect(f!.title).toBe('The same photo is on a profile with another name');
    expect(f!.explanation).toContain('"James Walker" on Fiverr (https://www.fiverr.com/james_w)');
    expect(f!.explanation).toContain('mirrored');
    expect(f!.evidence[1]!.excerpt).toContain('3 of 64 bits differ');
  });
  it('stays silent when the profile has no photo (near miss: a stale match cannot apply)', () => {
    expect(fire(photoReused, makeProfile({ photo: null }), h({ photo: [{ other, distance: 3, mirrored: false }] }))).toEqual([]);
  });
  it('makes the level high through the engine', () => {
    const r = analyze(makeProfile(), { now: NOW, history: h({ photo: [{ other, distance: 0, mirrored: false }] }) });
    expect(r.level).toBe('high');
    expect(r.findings.map((x) => x.ruleId)).toEqual(['photo-reused']);
  });
});

describe('photo-varies', () => {
  it('fires for a linked account and for an earlier photo of this profile', () => {
    const p = makeProfile();
    const self: Identity = { key: 'upwork:~01aaaaaaaaaaaaaaaa', platform: 'upwork', profileId: '~01aaaaaaaaaaaaaaaa', url: p.source.url, name: p.name };
    const [f] = fire(photoVaries, p, h({ photoVaries: [{ other, url: 'https://fiverr-res.cloudinary.com/a.jpg', distance: 31 }, { other: self, url: 'https://www.upwork.com/old.jpg', distance: 28 }] }));
    expect(f!.explanation).toContain('"James Walker" on Fiverr');
    expect(f!.explanation).toContain('an earlier photo of this profile (https://www.upwork.com/old.jpg)');
  });
  it('stays silent with no current photo (near miss)', () => {
    expect(fire(photoVaries, makeProfile({ photo: null }), h({ photoVaries: [{ other, url: 'u', distance: 31 }] }))).toEqual([]);
  });
});

describe('text-template', () => {
  const overview = 'I am a senior full stack developer with eight years of experience building scalable web applications.';
  it('fires with the similarity and the shared passage', () => {
    const [f] = fire(textTemplate, makeProfile({ overview }), h({ text: [{ other, field: 'overview', similarity: 0.72, passage: 'eight years of experience building scalable web applications' }] }));
    expect(f!.explanation).toContain('72% the same text');
    expect(f!.explanation).toContain('"eight years of experience building scalable web applications"');
    expect(f!.evidence[0]!.field).toBe('overview');
  });
  it('stays silent when the matched field is not on this read (near miss)', () => {
    expect(fire(textTemplate, makeProfile({ overview: null }), h({ text: [{ other, field: 'overview', similarity: 0.72, passage: 'x' }] }))).toEqual([]);
  });
});

describe('links-shared', () => {
  it('fires naming the value and the other identity', () => {
    const [f] = fire(linksShared, makeProfile(), h({ contacts: [{ other, contact: { kind: 'email', value: 'dk.dev@proton.me', raw: 'DK.DEV@proton.me' } }] }));
    expect(f!.title).toBe('A profile with another name shares a contact or link');
    expect(f!.explanation).toContain('e-mail address DK.DEV@proton.me');
    expect(f!.explanation).toContain('"James Walker" on Fiverr (https://www.fiverr.com/james_w)');
  });
  it('groups several values and identities', () => {
    const o2: Identity = { ...other, key: 'guru:x', platform: 'guru', url: 'https://www.guru.com/freelancers/x', name: 'X Y' };
    const [f] = fire(linksShared, makeProfile(), h({ contacts: [{ other, contact: { kind: 'link', value: 'github.com/a', raw: 'https://github.com/a' } }, { other: o2, contact: { kind: 'phone', value: '14155550134', raw: '+1 415 555 0134' } }] }));
    expect(f!.title).toBe('2 profiles with another name share 2 contacts or links');
  });
});

describe('profile-changed', () => {
  const at = NOW.toISOString();
  it('fires on a changed name, location or payment details', () => {
    const p = makeProfile({ location: { raw: 'Austin, TX', city: 'Austin', country: 'US' } });
    const [f] = fire(profileChanged, p, h({ changes: [{ field: 'name', from: 'Ana Costa', to: 'Test Person', at }, { field: 'location', from: 'Lisbon, Portugal', to: 'Austin, TX', at }], previousChecks: 2 }));
    expect(f!.title).toBe('The name, location changed since an earlier check');
    expect(f!.explanation).toContain('"Ana Costa" → "Test Person"');
    expect(f!.evidence.map((e) => e.field)).toEqual(['name', 'location.raw']);
  });
  it('ignores headline and link edits, and photo changes that photo-varies reports (near misses)', () => {
    expect(fire(profileChanged, makeProfile(), h({ changes: [{ field: 'headline', from: 'a', to: 'b', at }, { field: 'links', from: 'a', to: 'b', at }] }))).toEqual([]);
    expect(fire(profileChanged, makeProfile(), h({ changes: [{ field: 'photo', from: 'a', to: 'b', at }], photoVaries: [{ other, url: 'a', distance: 30 }] }))).toEqual([]);
    expect(fire(profileChanged, makeProfile(), h({ changes: [{ field: 'photo', from: 'a', to: 'b', at }] }))).toHaveLength(1);
  });
});
