import type { Evidence } from '../report/schema';
import type { FindingDraft, Rule } from './types';
import { checklistEvidence, concern, hitEvidence, hitsOf, pasteAnalysis } from './notes-helpers';
import { ADVANCE, ADVANCE_NEGATED as NEGATED } from './patterns';
import { SOURCES } from './sources';
import { findSentences } from './text';
import { capP, nest, noteP, pasteNamesP, placesP, semiAnd, texts, draft } from './msg';

export const payAdvance: Rule = {
  meta: {
    id: 'pay-advance',
    title: 'Asks for payment in advance',
    category: 'payment',
    severity: 'medium',
    weight: 'medium',
    indicator: { source: 'PSA23', url: SOURCES.PSA23.url },
    description:
      'Looks in the headline, overview, payment notes and review texts for requests for advance or up-front payment. The FBI guidance (2023) and the 2022 advisory list repeated demands for advance payment, and payment without milestones, among the red flags. Offers of milestone payments through the platform are not counted. From the hiring manager\'s notes it also reads the checklist item "advance payment" (marked as a concern) and pasted payment instructions and messages.',
  },
  check(p, ctx) {
    const out: FindingDraft[] = [];
    const c = concern(ctx, 'advancePay');
    const a = pasteAnalysis(p, ctx);
    const pasted = a ? hitsOf(a, 'advance') : [];
    if (c || pasted.length) {
      const evidence: Evidence[] = [...(c ? [checklistEvidence('advancePay', c)] : []), ...hitEvidence(pasted)];
      const seen = [
        c ? nest('f_payAdvance_concern', noteP(c)) : null,
        pasted.length ? nest(pasted.length === 1 ? 'f_payAdvance_pastedOne' : 'f_payAdvance_pastedMany', pasteNamesP(pasted), pasted[0]!.match) : null,
      ].filter((x) => x !== null);
      out.push(draft(texts('f_payAdvanceNotes', [semiAnd(seen)]), evidence));
    }
    const hits = findSentences(p, ADVANCE, { exclude: NEGATED });
    if (!hits.length) return out;
    return [
      ...out,
      draft(texts('f_payAdvance', [capP(placesP(hits)), hits[0]!.match], { explanation: hits.length === 1 ? 'f_payAdvanceOne_expl' : 'f_payAdvanceMany_expl' }), hits.map(({ field, excerpt }) => ({ field, excerpt }))),
    ];
  },
};
