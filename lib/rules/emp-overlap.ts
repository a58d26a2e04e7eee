import type { Employment } from '../profile/schema';
import type { Evidence } from '../report/schema';
import type { Rule } from './types';
import { SOURCES } from './sources';
import { monthIndex, monthOf } from './text';
import { joinP, nest, texts, draft } from './msg';

/** Roles that normally run alongside others: side work is not a contradiction. */
const SIDE_ROLE = /\b(freelanc\w*|self[- ]employed|independent|contract(?:or)?|consultant|part[- ]time|volunteer|intern(?:ship)?|advisor|mentor|teaching assistant|upwork|fiverr|toptal|open[- ]source)\b/i;
export const OVERLAP_MONTHS = 6;

/**
 * The months a role certainly covered. A bare year is read narrowly (a start of "2019" as December 2019, an end of
 * "2020" as January 2020) so imprecise dates never invent an overlap. A role without a start is skipped; no end
 * means current.
 */
function span(e: Employment, nowMonth: number): [number, number] | null {
  if (!e.start) return null;
  const a = monthIndex(e.start, 'last');
  const b = e.end ? monthIndex(e.end, 'first') : nowMonth;
  return b >= a ? [a, b] : null;
}

export const empOverlap: Rule = {
  meta: {
    id: 'emp-overlap',
    title: 'Full-time roles that overlap for more than six months',
    category: 'employment',
    severity: 'medium',
    weight: 'medium',
    indicator: { source: 'ADV22', url: SOURCES.ADV22.url },
    description: `Compares the dates of the employment entries and reports two or more roles that overlap by more than ${OVERLAP_MONTHS} months (current roles count up to the time of the check). The 2022 State/Treasury/FBI advisory lists inconsistent work histories among the red flags. Freelance, contract, part-time and similar side roles are left out, and year-only dates are read narrowly so they never invent an overlap.`,
  },
  check(p, ctx) {
    if (p.employment.length < 2) return [];
    const now = monthOf(ctx.now);
    const roles: { i: number; s: [number, number] }[] = [];
    for (let i = 0; i < p.employment.length; i++) {
      const e = p.employment[i]!;
      const s = span(e, now);
      if (s && !SIDE_ROLE.test(`${e.company ?? ''} ${e.title ?? ''}`)) roles.push({ i, s });
    }
    const pairs: { a: number; b: number; months: number }[] = [];
    for (let x = 0; x < roles.length; x++)
      for (let y = x + 1; y < roles.length; y++) {
        const [a0, a1] = roles[x]!.s;
        const [b0, b1] = roles[y]!.s;
        const months = Math.min(a1, b1) - Math.max(a0, b0) + 1;
        if (months > OVERLAP_MONTHS) pairs.push({ a: roles[x]!.i, b: roles[y]!.i, months });
      }
    if (!pairs.length) return [];
    const idx = [...new Set(pairs.flatMap((q) => [q.a, q.b]))].sort((a, b) => a - b);
    const evidence: Evidence[] = idx.flatMap((i) => {
      const e = p.employment[i]!;
      return [{ field: `employment[${i}].start`, excerpt: `${e.company ?? '(no company)'}: ${e.start} – ${e.end ?? 'present'}` }];
    });
    const name = (i: number) => nest('f_empOverlap_role', p.employment[i]!.title ?? nest('f_empOverlap_aRole'), p.employment[i]!.company ?? nest('f_empOverlap_unnamed'));
    const list = joinP(
      pairs.map((q) => nest('f_empOverlap_pair', name(q.a), name(q.b), q.months)),
      'l_semi',
    );
    return [
      draft(texts('f_empOverlap', [list, idx.length, OVERLAP_MONTHS], { title: 'f_empOverlap_title' }), evidence),
    ];
  },
};
