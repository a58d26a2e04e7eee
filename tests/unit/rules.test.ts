import { describe, expect, it } from 'vitest';
import { runRules } from '../../lib/engine';
import { Finding } from '../../lib/report/schema';
import { RULES, type FindingDraft, type Rule } from '../../lib/rules';
import { eduAsiaEmpWest } from '../../lib/rules/edu-asia-emp-west';
import { empFront } from '../../lib/rules/emp-front';
import { photoMissing } from '../../lib/rules/photo-missing';
import type { Profile } from '../../lib/profile/schema';
import { edu, emp, extractFixture, makeProfile, NOW, resolvePath } from './helpers';

const ctx = { now: NOW };
const check = (rule: Rule, p: Profile): FindingDraft[] => rule.check(p, ctx);

/** Every evidence path resolves to a non-empty value in the profile. */
function expectEvidenceResolves(p: Profile, drafts: FindingDraft[]): void {
  for (const d of drafts) {
    expect(d.evidence.length, d.title).toBeGreaterThan(0);
    for (const ev of d.evidence) {
      const v = resolvePath(p, ev.field);
      expect(v, `${ev.field} should point at a value in the profile`).not.toBeUndefined();
      expect(v, `${ev.field} should not be null`).not.toBeNull();
    }
  }
}

describe('rule set', () => {
  it('has unique ids and complete metadata', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['photo-missing', 'edu-asia-emp-west', 'emp-front']));
    for (const r of RULES) {
      expect(r.meta.title.length).toBeGreaterThan(0);
      expect(r.meta.description.length).toBeGreaterThan(0);
      expect(() => new URL(r.meta.indicator.url)).not.toThrow();
    }
  });

  it('is silent on a minimal profile with a real photo and no history', () => {
    expect(runRules(makeProfile(), ctx)).toEqual([]);
  });

  it('produces schema-valid findings on the flagged fixture', () => {
    const findings = runRules(extractFixture('full-flagged'), ctx);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(Finding.safeParse(f).success).toBe(true);
  });
});

describe('photo-missing', () => {
  it('fires when there is no photo, with evidence on the photo field', () => {
    const p = makeProfile({ photo: null, missing: ['photo'] });
    const out = check(photoMissing, p);
    expect(out).toHaveLength(1);
    expect(out[0]!.evidence).toEqual([{ field: 'photo', excerpt: 'no photo found on the page' }]);
  });

  it('fires on a default avatar, pointing at photo.url', () => {
    const url = 'https://www.upwork.com/static/assets/TopNavSsi/visitor-v2/default-avatar.svg';
    const p = makeProfile({ photo: { url, alt: null } });
    const out = check(photoMissing, p);
    expect(out).toHaveLength(1);
    expect(out[0]!.evidence).toEqual([{ field: 'photo.url', excerpt: url }]);
    expectEvidenceResolves(p, out);
  });

  it.each([
    'https://example.com/images/no_photo.png',
    'https://example.com/placeholder-user.jpg',
    'https://cdn.example.com/static/img/avatar-generic.svg',
  ])('recognises the default-avatar name in %s', (url) => {
    expect(check(photoMissing, makeProfile({ photo: { url, alt: null } }))).toHaveLength(1);
  });

  it('stays silent on a real portrait, even one whose path says "avatar"', () => {
    expect(check(photoMissing, makeProfile({ photo: { url: 'https://www.upwork.com/profile-portraits/c1Xq7mariag_100x100.jpg', alt: 'Maria' } }))).toEqual([]);
    expect(check(photoMissing, makeProfile({ photo: { url: 'https://cdn.example.com/avatars/u123.jpg', alt: null } }))).toEqual([]);
  });

  it('fires on the flagged fixture (default-avatar.svg) and not on the clean one', () => {
    const flagged = extractFixture('full-flagged');
    const out = check(photoMissing, flagged);
    expect(out).toHaveLength(1);
    expect(out[0]!.evidence[0]!.field).toBe('photo.url');
    expectEvidenceResolves(flagged, out);
    expect(check(photoMissing, extractFixture('clean'))).toEqual([]);
  });

  it('fires on the logged-out page, where the photo was not found', () => {
    const p = extractFixture('sparse-logged-out');
    const out = check(photoMissing, p);
    expect(out).toHaveLength(1);
    expect(out[0]!.evidence[0]).toEqual({ field: 'photo', excerpt: 'no photo found on the page' });
  });
});

describe('edu-asia-emp-west', () => {
  const asiaSchool = edu('Dalian University of Technology');
  const westJobs = [emp('Brightline Software', 'US', { location: 'Seattle, WA, United States' }), emp('Hanbit Systems', 'KR', { location: 'Seoul, South Korea' })];

  it('fires: only Asian schools, most located employers in the US/KR/CA', () => {
    const p = makeProfile({ education: [asiaSchool], employment: [emp('Somewhere Ltd', null), ...westJobs] });
    const out = check(eduAsiaEmpWest, p);
    expect(out).toHaveLength(1);
    expect(out[0]!.evidence).toEqual([
      { field: 'education[0].school', excerpt: 'Dalian University of Technology' },
      { field: 'employment[1].location', excerpt: 'Brightline Software: Seattle, WA, United States' },
      { field: 'employment[2].location', excerpt: 'Hanbit Systems: Seoul, South Korea' },
    ]);
    expect(out[0]!.explanation).toContain('2 of 2');
    expectEvidenceResolves(p, out);
  });

  it('fires with several Asian schools (CN and JP)', () => {
    const p = makeProfile({ education: [asiaSchool, edu('Kyoto University')], employment: westJobs });
    expect(check(eduAsiaEmpWest, p)).toHaveLength(1);
  });

  it('stays silent when one school is in the US and one in China', () => {
    const p = makeProfile({ education: [asiaSchool, edu('The University of Texas at Austin')], employment: westJobs });
    expect(check(eduAsiaEmpWest, p)).toEqual([]);
  });

  it('stays silent when the employers are mostly in Germany', () => {
    const p = makeProfile({
      education: [asiaSchool],
      employment: [emp('A GmbH', 'DE'), emp('B GmbH', 'DE'), emp('C Inc', 'US')],
    });
    expect(check(eduAsiaEmpWest, p)).toEqual([]);
  });

  it('stays silent when exactly half of the located employers are western', () => {
    const p = makeProfile({ education: [asiaSchool], employment: [emp('A GmbH', 'DE'), emp('C Inc', 'US')] });
    expect(check(eduAsiaEmpWest, p)).toEqual([]);
  });

  it('stays silent when a school is unknown (not in the list)', () => {
    expect(check(eduAsiaEmpWest, makeProfile({ education: [edu('Springfield Institute of Imaginary Studies')], employment: westJobs }))).toEqual([]);
    // Even alongside a known Asian school: the unverifiable one is not guessed.
    expect(
      check(eduAsiaEmpWest, makeProfile({ education: [asiaSchool, edu('Springfield Institute of Imaginary Studies')], employment: westJobs })),
    ).toEqual([]);
  });

  it('stays silent on missing data', () => {
    expect(check(eduAsiaEmpWest, makeProfile({ education: [], employment: westJobs }))).toEqual([]);
    expect(check(eduAsiaEmpWest, makeProfile({ education: [asiaSchool], employment: [] }))).toEqual([]);
    expect(check(eduAsiaEmpWest, makeProfile({ education: [asiaSchool], employment: [emp('A', null), emp('B', null)] }))).toEqual([]);
  });

  it('fires on the flagged fixture (Dalian; Seattle and Seoul) and not on the clean one (Texas, Mexico)', () => {
    const flagged = extractFixture('full-flagged');
    const out = check(eduAsiaEmpWest, flagged);
    expect(out).toHaveLength(1);
    expect(out[0]!.evidence.map((e) => e.field)).toEqual(['education[0].school', 'employment[1].location', 'employment[2].location']);
    expectEvidenceResolves(flagged, out);
    expect(check(eduAsiaEmpWest, extractFixture('clean'))).toEqual([]);
  });

  // Regression (fixed; lib/rules/edu-asia-emp-west.ts, evidence of employers): the path is always `employment[i].location`,
  // even when the entry has only a country, so the evidence points at a null field.
  it('evidence for an employer with a country but no location points at a real value', () => {
    const p = makeProfile({ education: [asiaSchool], employment: [emp('Initech', 'US', { location: null })] });
    const out = check(eduAsiaEmpWest, p);
    expect(out).toHaveLength(1);
    expectEvidenceResolves(p, out);
  });
});

describe('emp-front', () => {
  it('fires on a listed employer, with the company as evidence', () => {
    const p = makeProfile({ employment: [emp('Acme Software Inc', 'US'), emp('Hopanatech LLC', null)] });
    const out = check(empFront, p);
    expect(out).toHaveLength(1);
    expect(out[0]!.evidence).toEqual([{ field: 'employment[1].company', excerpt: 'Hopanatech LLC' }]);
    expect(out[0]!.title).toContain('HopanaTech');
    expect(out[0]!.explanation).toContain('HopanaTech');
    expectEvidenceResolves(p, out);
  });

  it('fires on a listed DPRK institution as a school', () => {
    const p = makeProfile({ education: [edu('Kim Chaek University of Technology')] });
    const out = check(empFront, p);
    expect(out).toHaveLength(1);
    expect(out[0]!.evidence).toEqual([{ field: 'education[0].school', excerpt: 'Kim Chaek University of Technology' }]);
    expect(out[0]!.title).toMatch(/DPRK institution/);
  });

  it('fires on a link to a listed domain', () => {
    const p = makeProfile({ links: [{ url: 'https://github.com/x', kind: 'github' }, { url: 'https://www.hopanatech.com/team', kind: 'other' }] });
    const out = check(empFront, p);
    expect(out).toHaveLength(1);
    expect(out[0]!.evidence).toEqual([{ field: 'links[1].url', excerpt: 'https://www.hopanatech.com/team' }]);
    expectEvidenceResolves(p, out);
  });

  it('gives one finding per hit', () => {
    const p = makeProfile({
      employment: [emp('HopanaTech', null)],
      education: [edu('Kim Il Sung University')],
      links: [{ url: 'https://hopanatech.com', kind: 'other' }],
    });
    const out = check(empFront, p);
    expect(out.map((d) => d.evidence[0]!.field)).toEqual(['employment[0].company', 'education[0].school', 'links[0].url']);
    expectEvidenceResolves(p, out);
  });

  it('stays silent on near misses', () => {
    const p = makeProfile({
      // An institution name as an employer, and a company name as a school, are not matched across kinds.
      employment: [emp('Acme Software Inc', 'US'), emp('Silver Star Logistics', 'US'), emp(null, 'US'), emp('Kim Il Sung University', null)],
      education: [edu('HopanaTech'), edu('Dalian University of Technology')],
      links: [{ url: 'https://hopanatech.com.evil.example/', kind: 'other' }, { url: 'https://github.com/hopanatech', kind: 'github' }],
    });
    expect(check(empFront, p)).toEqual([]);
  });

  it('stays silent on missing data', () => {
    expect(check(empFront, makeProfile())).toEqual([]);
  });

  it('fires on the flagged fixture (HopanaTech) and not on the clean one', () => {
    const flagged = extractFixture('full-flagged');
    const out = check(empFront, flagged);
    expect(out).toHaveLength(1);
    expect(out[0]!.evidence).toEqual([{ field: 'employment[0].company', excerpt: 'HopanaTech' }]);
    expect(check(empFront, extractFixture('clean'))).toEqual([]);
  });
});
