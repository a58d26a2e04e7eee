/**
 * Every fixture page (all platforms and the generic pages): the CLI check reads it at its URL, the output is valid,
 * and `missing[]` says exactly which of the PROFILE_FIELDS the profile lacks.
 */
import { describe, expect, it } from 'vitest';
import { checkHtml } from '../../lib/cli/check';
import { loadFixtures } from '../../lib/cli/harness';
import { fieldsRead } from '../../lib/extractors/builder';
import { siteExtractorFor } from '../../lib/extractors';
import { PROFILE_FIELDS, type Profile } from '../../lib/profile/schema';
import { NOW } from './helpers';
import { FIXTURES_ROOT } from './site-fixtures';

function present(p: Profile, f: (typeof PROFILE_FIELDS)[number]): boolean {
  if (f === 'account') {
    const a = p.account;
    return !!(a.memberSince || Object.keys(a.verified).length || a.rating !== null || a.jobSuccess !== null || a.reviewCount !== null || a.jobsCompleted !== null || a.totalEarnings || a.hourlyRate);
  }
  const v = p[f];
  return Array.isArray(v) ? v.length > 0 : typeof v === 'string' ? v.trim() !== '' : v !== null;
}

// The fixture folder by path: under happy-dom the harness's URL-based default does not resolve.
// Hostile pages (tests/fixtures/hostile) have their own tests (hostile.test.ts): their folder is not a platform.
const fixtures = loadFixtures(FIXTURES_ROOT).filter((f) => !f.file.startsWith('hostile/'));

describe('the CLI check on every fixture', () => {
  it('covers the eight platforms and the generic pages', () => {
    expect(new Set(fixtures.map((f) => f.file.split('/')[0]))).toEqual(
      new Set(['upwork', 'freelancer', 'fiverr', 'toptal', 'linkedin', 'github', 'guru', 'peopleperhour', 'generic']),
    );
  });

  it.each(fixtures.map((f) => [f.file, f] as const))('%s', (_name, f) => {
    const generic = !siteExtractorFor(f.url);
    const { profile, report } = checkHtml(f.html, f.url, { generic, now: NOW });
    expect(profile.source.platform).toBe(generic ? 'generic' : f.file.split('/')[0]);
    expect(report.missing).toEqual(profile.missing);
    for (const field of PROFILE_FIELDS) expect(profile.missing.includes(field), `${field} in missing[]`).toBe(!present(profile, field));
    expect(fieldsRead(profile)).toBe(PROFILE_FIELDS.filter((x) => present(profile, x)).length);
    expect(fieldsRead(profile)).toBeGreaterThan(0);
  });
});
