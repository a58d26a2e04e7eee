import type { Rule } from './types';
import { SOURCES } from './sources';
import { nest, texts, draft } from './msg';

/** An hourly rate (USD) far below the market for software work anywhere the platforms publish rates. */
export const LOW_RATE_USD = 15;
const SENIOR = /\b(senior|lead|principal|architect|expert|staff)\b/i;

export const rateDiscount: Rule = {
  meta: {
    id: 'rate-discount',
    title: 'Top ratings at a rate far below the market',
    category: 'account',
    severity: 'low',
    weight: 'weak',
    indicator: { source: 'BfV', url: SOURCES.BfV.url },
    description: `Reports an hourly rate under $${LOW_RATE_USD} (USD) together with a rating of 4.9+ (or a job-success score of 95%+) and a senior title in the headline. The German BfV and the Security Alliance framework note that IT workers using false identities undercut the market to win work. Low rates are common in many countries, so this is weak and never raises the level on its own.`,
  },
  check(p) {
    const a = p.account;
    const r = a.hourlyRate;
    if (!r || (r.currency && !/^(usd|us\$|\$)$/i.test(r.currency)) || r.amount <= 0 || r.amount >= LOW_RATE_USD) return [];
    const topRated = (a.rating !== null && a.rating >= 4.9) || (a.jobSuccess !== null && a.jobSuccess >= 95);
    const senior = !!p.headline && SENIOR.test(p.headline);
    if (!topRated || !senior) return [];
    return [
      draft(
        texts('f_rateDiscount', [r.raw, a.rating !== null && a.rating >= 4.9 ? nest('f_rateDiscount_rating', String(a.rating)) : nest('f_rateDiscount_jss', String(a.jobSuccess)), String(p.headline)]),
        [{ field: 'account.hourlyRate', excerpt: r.raw }, a.rating !== null && a.rating >= 4.9 ? { field: 'account.rating', excerpt: String(a.rating) } : { field: 'account.jobSuccess', excerpt: `${a.jobSuccess}%` }, { field: 'headline', excerpt: p.headline! }],
      ),
    ];
  },
};
