import { schoolMatch } from '../data';
import type { Rule } from './types';
import { SOURCES } from './sources';
import { texts, draft } from './msg';

/** Countries the guidance names for schooling (PSA23: China, Japan, Singapore, Malaysia), plus neighbours it groups with them. */
export const ASIA_SCHOOL_COUNTRIES = new Set(['CN', 'JP', 'SG', 'MY', 'HK', 'TW', 'LA', 'VN', 'TH', 'KH', 'MN', 'RU']);
/** Where the guidance says the claimed employers are. */
export const WEST_EMPLOYER_COUNTRIES = new Set(['US', 'KR', 'CA']);

export const eduAsiaEmpWest: Rule = {
  meta: {
    id: 'edu-asia-emp-west',
    title: 'Schooling only in Asian countries, employers in the US, South Korea or Canada',
    category: 'education',
    severity: 'low',
    weight: 'weak',
    indicator: { source: 'PSA23', url: SOURCES.PSA23.url },
    description:
      'The FBI guidance notes profiles whose education is only in China, Japan, Singapore or Malaysia while the work history is with US, South Korean or Canadian companies. Many honest people study in Asia, so this is weak and never raises the level on its own. Schools not found in the university list are not counted as foreign.',
  },
  check(p) {
    if (!p.education.length || !p.employment.length) return [];
    // The employers first (no lookup): most profiles stop here.
    const located = p.employment.filter((e) => e.country);
    if (!located.length) return [];
    const west = located.filter((e) => WEST_EMPLOYER_COUNTRIES.has(e.country!));
    if (west.length * 2 <= located.length) return [];
    const schools = p.education.map((e) => ({ e, m: schoolMatch(e.school) }));
    const known = schools.filter((s) => s.m);
    if (!known.length || known.length < schools.length) return []; // an unverifiable school: do not guess
    if (!known.every((s) => ASIA_SCHOOL_COUNTRIES.has(s.m!.country))) return [];
    const schoolList = known.map((s) => `${s.e.school} (${s.m!.country})`).join(', ');
    return [
      draft(
        texts('f_eduAsiaEmpWest', [schoolList, west.length, located.length]),
        [...known.map((s) => ({ field: `education[${p.education.indexOf(s.e)}].school`, excerpt: s.e.school })), ...west.map((e) => { const i = p.employment.indexOf(e); return { field: e.location ? `employment[${i}].location` : `employment[${i}].country`, excerpt: `${e.company ?? '?'}: ${e.location ?? e.country}` }; })],
      ),
    ];
  },
};
