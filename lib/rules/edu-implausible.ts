import { lookupSchool, matchFrontName } from '../data';
import type { FindingDraft, Rule } from './types';
import { SOURCES } from './sources';
import { monthIndex } from './text';

export const MAX_DEGREE_YEARS = 10;
/** Degrees that usually start at about 18 (a bachelor's, an associate degree, or no degree named). */
const FIRST_DEGREE = /\b(bachelor|b\.?\s?(?:sc|s|a|eng|e|tech)\b|bs\b|ba\b|beng|btech|associate|undergraduate|diploma|licen[cs]iatura|licence)/i;
const LATER_DEGREE = /\b(master|m\.?\s?(?:sc|s|a|eng|tech|ba)\b|ms\b|msc|mba|phd|ph\.d|doctor|postgrad|post-graduate)/i;

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
    p.education.forEach((e, i) => {
      if (!e.start || !e.end) return;
      const years = Number(e.end.slice(0, 4)) - Number(e.start.slice(0, 4));
      if (monthIndex(e.end, 'last') < monthIndex(e.start, 'first'))
        out.push({
          title: 'A degree ends before it starts',
          explanation: `Education entry ${i + 1} (${e.school}) ends in ${e.end} but starts in ${e.start}. The 2022 State/Treasury/FBI advisory lists inconsistent educational histories as a red flag. It may be a typo.`,
          evidence: [
            { field: `education[${i}].start`, excerpt: e.start },
            { field: `education[${i}].end`, excerpt: e.end },
          ],
          nextStep: 'Ask about the dates and verify the degree with the school (registrar or a degree-verification service).',
          msg: { title: 'f_eduReversed_title', explanation: 'f_eduReversed_expl', nextStep: 'f_eduDates_next', params: [String(i + 1), e.school, e.end, e.start] },
        });
      else if (years > MAX_DEGREE_YEARS)
        out.push({
          title: `A degree spans ${years} years`,
          explanation: `Education entry ${i + 1} (${e.school}) runs from ${e.start} to ${e.end}, ${years} years. The 2022 State/Treasury/FBI advisory lists inconsistent educational histories as a red flag. Part-time study and breaks can explain a long span.`,
          evidence: [
            { field: `education[${i}].start`, excerpt: e.start },
            { field: `education[${i}].end`, excerpt: e.end },
          ],
          nextStep: 'Ask about the dates and verify the degree with the school (registrar or a degree-verification service).',
          msg: { title: 'f_eduLong_title', explanation: 'f_eduLong_expl', nextStep: 'f_eduDates_next', params: [String(years), String(i + 1), e.school, e.start, e.end] },
        });
    });

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
        out.push({
          title: 'Work history starts before about age 16',
          explanation: `The first degree (${first.e.school}) starts in ${first.e.start}, which usually means an age of about 18 then, yet ${early.map(({ w }) => `${w.company ?? 'a role'} starts in ${w.start}`).join(', ')}, that is before about age 16. The 2022 State/Treasury/FBI advisory lists inconsistent work and education histories as a red flag. Mature students and early careers exist; ask.`,
          evidence: [{ field: `education[${first.i}].start`, excerpt: first.e.start! }, ...early.map(({ w, i }) => ({ field: `employment[${i}].start`, excerpt: `${w.company ?? '(no company)'}: ${w.start}` }))],
          nextStep: 'Ask about the timeline, verify the degree with the school and call the early employers on numbers you find yourself.',
          msg: {
            title: 'f_eduEarlyWork_title',
            explanation: 'f_eduEarlyWork_expl',
            nextStep: 'f_eduEarlyWork_next',
            params: [first.e.school, first.e.start!, early.map(({ w }) => `${w.company ?? '—'}: ${w.start}`).join(', ')],
          },
        });
    }

    // Unverifiable schools: information only (severity info, never scored). Listed DPRK institutions are emp-front's.
    p.education.forEach((e, i) => {
      if (!e.school.trim() || lookupSchool(e.school) || matchFrontName(e.school, ['institution'])) return;
      out.push({
        severity: 'info',
        title: 'School not found in the university list',
        explanation: `"${e.school}" is not in Vetter's list of about 10,000 universities, so its country and existence could not be checked. This is not a red flag: the list misses many schools, spellings and abbreviations.`,
        evidence: [{ field: `education[${i}].school`, excerpt: e.school }],
        nextStep: 'If the degree matters for the job, verify it with the school directly or through a degree-verification service.',
        msg: { title: 'f_eduUnknown_title', explanation: 'f_eduUnknown_expl', nextStep: 'f_eduUnknown_next', params: [e.school] },
      });
    });
    return out;
  },
};
