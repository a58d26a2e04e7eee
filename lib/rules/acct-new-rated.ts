import type { Evidence } from '../report/schema';
import type { Rule } from './types';
import { SOURCES } from './sources';
import { monthIndex, monthOf } from './text';
import { listOf, nest, texts, draft, type MsgParam } from './msg';

export const YOUNG_MONTHS = 12;
export const MANY_JOBS = 10;
/** Earnings (USD) that are high for an account under a year old. */
export const HIGH_EARNINGS = 20_000;

export const acctNewRated: Rule = {
  meta: {
    id: 'acct-new-rated',
    title: 'A young account with top ratings or high earnings',
    category: 'account',
    severity: 'medium',
    weight: 'medium',
    indicator: { source: 'ADV22', url: SOURCES.ADV22.url },
    description: `Reports an account that joined within ${YOUNG_MONTHS} months of the check and already has a rating of 4.9 or more over ${MANY_JOBS}+ jobs or reviews, or $${HIGH_EARNINGS.toLocaleString('en')}+ in earnings. The 2022 State/Treasury/FBI advisory notes rating boosting (many high ratings in a short time, often from the same clients). Skipped when the join date is not shown.`,
  },
  check(p, ctx) {
    const a = p.account;
    if (!a.memberSince) return [];
    const age = monthOf(ctx.now) - monthIndex(a.memberSince, 'first');
    if (age < 0 || age > YOUNG_MONTHS) return [];
    const jobs = Math.max(a.jobsCompleted ?? 0, a.reviewCount ?? 0);
    const rated = a.rating !== null && a.rating >= 4.9 && jobs >= MANY_JOBS;
    const usd = !a.totalEarnings?.currency || /^(usd|us\$|\$)$/i.test(a.totalEarnings.currency);
    const rich = !!a.totalEarnings && usd && a.totalEarnings.amount >= HIGH_EARNINGS;
    if (!rated && !rich) return [];
    const evidence: Evidence[] = [{ field: 'account.memberSince', excerpt: a.memberSince }];
    const what: MsgParam[] = [];
    if (rated) {
      evidence.push({ field: 'account.rating', excerpt: String(a.rating) });
      evidence.push(a.jobsCompleted !== null && a.jobsCompleted >= MANY_JOBS ? { field: 'account.jobsCompleted', excerpt: String(a.jobsCompleted) } : { field: 'account.reviewCount', excerpt: String(a.reviewCount) });
      what.push(nest('f_acctNewRated_rating', String(a.rating), jobs));
    }
    if (rich) {
      evidence.push({ field: 'account.totalEarnings', excerpt: a.totalEarnings!.raw });
      what.push(nest('f_acctNewRated_earned', a.totalEarnings!.raw));
    }
    return [
      draft(texts('f_acctNewRated', [age, listOf(what), a.memberSince], age === 1 ? { title: 'f_acctNewRatedOne_title' } : {}), evidence),
    ];
  },
};
