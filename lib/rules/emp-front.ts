import { matchFrontDomain, matchFrontName, type FrontEntry } from '../data';
import type { Evidence } from '../report/schema';
import type { Rule } from './types';
import { SOURCES } from './sources';

export const empFront: Rule = {
  meta: {
    id: 'emp-front',
    title: 'Employer, school or link matches a named front company or seized site',
    category: 'employment',
    severity: 'high',
    weight: 'strong',
    indicator: { source: 'OFAC', url: SOURCES.OFAC.url },
    description:
      'Compares employers, schools and links with names on US sanctions and law-enforcement lists of DPRK IT-worker front companies, seized web sites and DPRK institutions (lib/data/front-companies.json, each with its source). It also covers the catalogue\'s edu-dprk indicator (a school that is a DPRK institution named in the 2022 advisory).',
  },
  check(p) {
    const hits: { entry: FrontEntry; ev: Evidence }[] = [];
    p.employment.forEach((e, i) => {
      const m = e.company ? matchFrontName(e.company, ['company']) : null;
      if (m) hits.push({ entry: m, ev: { field: `employment[${i}].company`, excerpt: e.company! } });
    });
    p.education.forEach((e, i) => {
      const m = matchFrontName(e.school, ['institution']);
      if (m) hits.push({ entry: m, ev: { field: `education[${i}].school`, excerpt: e.school } });
    });
    p.links.forEach((l, i) => {
      const m = matchFrontDomain(l.url);
      if (m) hits.push({ entry: m, ev: { field: `links[${i}].url`, excerpt: l.url } });
    });
    return hits.map(({ entry, ev }) => ({
      title: `Matches a listed ${entry.kind === 'institution' ? 'DPRK institution' : 'front company'}: ${entry.name}`,
      explanation: `"${ev.excerpt}" matches "${entry.name}" on a public sanctions or law-enforcement list (${entry.note}; source: ${entry.source}). A name match can be a coincidence or a spelling collision, but this is one of the strongest signs in the guidance.`,
      evidence: [ev],
      nextStep:
        entry.kind === 'institution'
          ? 'Verify the degree and identity independently (the school, an ID check on a video call with the camera on); consult your security or legal team before any payment, and pay only through the platform.'
          : 'Verify the company independently (registry records, a phone number you find yourself, not one from the profile); consult your security or legal team before any payment, and pay only through the platform.',
    }));
  },
};
