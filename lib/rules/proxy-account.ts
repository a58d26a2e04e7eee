import type { Evidence } from '../report/schema';
import type { Rule } from './types';
import { SOURCES } from './sources';
import { checklistEvidence, concern, hitEvidence, hitsOf, pasteAnalysis } from './notes-helpers';
import { nest, noteP, pasteNamesP, semiAnd, texts, draft } from './msg';

export const proxyAccount: Rule = {
  meta: {
    id: 'proxy-account',
    title: 'The account owner is not the worker',
    category: 'account',
    severity: 'high',
    weight: 'strong',
    indicator: { source: 'ADV22', url: SOURCES.ADV22.url },
    description:
      'Reads the hiring manager\'s notes: a concern marked for "account owner" in the checklist (the person on calls is not the person on the account), or pasted messages about renting, buying or borrowing a platform account. The 2022 State/Treasury/FBI advisory and the Republic of Korea advisory (2022) describe IT workers using accounts rented from or opened by other people. A payee name that differs from the profile is the pay-third-party rule.',
  },
  check(p, ctx) {
    const a = concern(ctx, 'proxyAccount');
    const analysis = pasteAnalysis(p, ctx);
    const hits = analysis ? hitsOf(analysis, 'account-rental') : [];
    if (!a && !hits.length) return [];
    const evidence: Evidence[] = [...(a ? [checklistEvidence('proxyAccount', a)] : []), ...hitEvidence(hits)];
    const seen = [
      a ? nest('f_proxyAccount_concern', noteP(a)) : null,
      hits.length ? nest(hits.length === 1 ? 'f_proxyAccount_pastedOne' : 'f_proxyAccount_pastedMany', pasteNamesP(hits), hits[0]!.match) : null,
    ].filter((x) => x !== null);
    return [
      draft(texts('f_proxyAccount', [semiAnd(seen)]), evidence),
    ];
  },
};
