import { describe, expect, it } from 'vitest';
import { emptyAccount, type Profile } from '../../lib/profile/schema';
import { github } from '../../lib/extractors/github';
import { githubYoung } from '../../lib/rules/github-young';
import { emp, makeProfile, NOW } from './helpers';
import { fire } from './rule-helpers';
import { extractSite } from './site-fixtures';

/** A GitHub profile (NOW is 2025-03-01). */
function gh(over: Partial<Profile> = {}, memberSince: string | null = '2024-06'): Profile {
  return makeProfile({
    source: { platform: 'github', url: 'https://github.com/newdev', profileId: 'newdev', capturedAt: NOW.toISOString() },
    account: { ...emptyAccount(), memberSince },
    ...over,
  });
}

describe('github-young', () => {
  it('fires on a 9-month-old account whose bio claims 10+ years of experience', () => {
    const p = gh({ headline: 'Senior full-stack engineer with 10+ years of experience in React and Node.js' });
    const [f] = fire(githubYoung, p);
    expect(f!.title).toBe('GitHub account 9 months old, career claimed 9+ years earlier');
    expect(f!.evidence.map((e) => e.field)).toEqual(['account.memberSince', 'headline']);
    expect(f!.explanation).toContain('2024-06');
  });

  it('fires on the earliest employment start when it is far before the account', () => {
    const p = gh({ employment: [emp('Globex', 'US', { start: '2021-01' }), emp('Initech', 'US', { start: '2012-05', end: '2020-12' })] });
    const [f] = fire(githubYoung, p);
    expect(f!.evidence).toContainEqual({ field: 'employment[1].start', excerpt: 'Initech: 2012-05' });
  });

  it('reads "a decade of experience" and year-only join dates (the earliest contribution year)', () => {
    expect(fire(githubYoung, gh({ overview: 'A decade of experience shipping mobile apps.' }, '2024'))).toHaveLength(1);
  });

  it('stays silent on near misses: an older account, a short career, a claim about something else', () => {
    expect(fire(githubYoung, gh({ headline: '10+ years of experience' }, '2022-12'))).toEqual([]); // 27 months old
    expect(fire(githubYoung, gh({ headline: 'Developer with 5 years of experience' }))).toEqual([]); // starts 2020-03, lead 51 months
    expect(fire(githubYoung, gh({ overview: 'Our company has 20 years in business; I joined last year.' }))).toEqual([]);
  });

  it('stays silent on other platforms, without a join date, or without a career claim (missing data)', () => {
    const claim = { headline: '12 years of experience in Java' };
    expect(fire(githubYoung, makeProfile({ ...claim, account: { ...emptyAccount(), memberSince: '2024-06' } }))).toEqual([]);
    expect(fire(githubYoung, gh(claim, null))).toEqual([]);
    expect(fire(githubYoung, gh())).toEqual([]);
  });

  it('reads the join date the GitHub extractor takes from the page', () => {
    const p = extractSite(github, 'github', 'full');
    expect(p.account.memberSince).toMatch(/^\d{4}(-\d{2})?$/);
  });
});
