import { schoolMatch, matchFrontName } from '../data';
import type { FindingDraft, Rule } from './types';
import { SOURCES } from './sources';
import { monthIndex } from './text';
import { texts, draft } from './msg';

export const MAX_DEGREE_YEARS = 10;
/** Degrees that usually start at about 18 (a bachelor's, an associate degree, or no degree named). */
const FIRST_DEGREE = /\b(bachelor|b\.?\s?(?:sc|s|a|eng|e|tech)\b|bs\b|ba\b|beng|btech|associate|undergraduate|diploma|licen[cs]iatura|licence)/i;
const LATER_DEGREE = /\b(master|m\.?\s?(?:sc|s|a|eng|tech|ba)\b|ms\b|msc|mba|phd|ph\.d|doctor|postgrad|post-graduate)/i;

/** The kind asked for (never changed by matchFrontName), made once. */
const INSTITUTION: ['institution'] = ['institution'];

export const eduImplausible: Rule = {
  meta: {
    id: 'edu-implausible',
    title: 'Education dates that are impossible or implausible; unverifiable school',
    category: 'education',
    severity: 'low',
    weight: 'weak',
    indicator: { source: 'ADV22', url: SOURCES.ADV22.url },
    description: `Checks each education entry: an end before the start; a degree spanning more than ${MAX_DEGREE_YEARS} years; paid work that starts before about age 16, taking a first degree to start at about 18; and, for information only, a school not found in the university list (unverifiable, not suspicious). The 2022 State/Treasury/FBI advisory lists inconsistent educational histories among the red flags. Weak: typos and mature students are common.`,
  },
  check(p) {
    const out: FindingDraft[] = [];
    for (let i = 0; i < p.education.length; i++) {
      const e = p.education[i]!;
      if (!e.start || !e.end) continue;
      const years = Number(e.end.slice(0, 4)) - Number(e.start.slice(0, 4));
      if (monthIndex(e.end, 'last') < monthIndex(e.start, 'first'))
        out.push(draft(
          texts('f_eduReversed', [String(i + 1), e.school, e.end, e.start], { nextStep: 'f_eduDates_next' }),
          [{ field: `education[${i}].start`, excerpt: e.start }, { field: `education[${i}].end`, excerpt: e.end }],
        ));
      else if (years > MAX_DEGREE_YEARS)
        out.push(draft(
          texts('f_eduLong', [String(years), String(i + 1), e.school, e.start, e.end], { nextStep: 'f_eduDates_next' }),
          [{ field: `education[${i}].start`, excerpt: e.start }, { field: `education[${i}].end`, excerpt: e.end }],
        ));
    }

    // Work before about 16, taking the earliest first degree to start at about 18.
    const firsts = p.education
      .map((e, i) => ({ e, i }))
      .filter(({ e }) => e.start && !LATER_DEGREE.test(`${e.degree ?? ''}`) && (FIRST_DEGREE.test(`${e.degree ?? ''}`) || !e.degree))
      .sort((a, b) => a.e.start!.localeCompare(b.e.start!));
    const first = firsts[0];
    if (first) {
      const age16 = Number(first.e.start!.slice(0, 4)) - 2;
      const early = p.employment
        .map((w, i) => ({ w, i }))
        .filter(({ w }) => w.start && Number(w.start.slice(0, 4)) < age16);
      if (early.length)
        out.push(draft(texts('f_eduEarlyWork', [first.e.school, first.e.start!, early.map(({ w }) => `${w.company ?? '—'}: ${w.start}`).join(', ')]), [{ field: `education[${first.i}].start`, excerpt: first.e.start! }, ...early.map(({ w, i }) => ({ field: `employment[${i}].start`, excerpt: `${w.company ?? '(no company)'}: ${w.start}` }))]));
    }

    // Unverifiable schools: information only (severity info, never scored). Listed DPRK institutions are emp-front's.
    for (let i = 0; i < p.education.length; i++) {
      const e = p.education[i]!;
      if (!e.school.trim() || schoolMatch(e.school) || matchFrontName(e.school, INSTITUTION)) continue;
      out.push(draft(texts('f_eduUnknown', [e.school]), [{ field: `education[${i}].school`, excerpt: e.school }], 'info'));
    }
    return out;
  },
};
