import type { Evidence } from '../report/schema';
import type { FindingDraft, Rule } from './types';
import { checklistEvidence, concern, hitEvidence, hitsOf, noteSuffix, pasteAnalysis, pasteNames } from './notes-helpers';
import { ADVANCE, ADVANCE_NEGATED as NEGATED } from './patterns';
import { SOURCES } from './sources';
import { cap, findSentences, places } from './text';

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
      const seen = [c ? `your checklist marks a demand for advance payment${noteSuffix(c)}` : null, pasted.length ? `${pasteNames(pasted)} ask${pasted.length === 1 ? 's' : ''} for payment before work is done ("${pasted[0]!.match}")` : null].filter(Boolean);
      out.push({
        title: 'Advance payment demanded (your notes)',
        explanation: `In your notes, ${seen.join('; and ')}. The FBI guidance (PSA 2023) and the 2022 State/Treasury/FBI advisory note that IT workers using false identities often demand advance payment, resist milestones and check-ins, and can turn aggressive when refused.`,
        evidence,
        nextStep: 'Use the platform\'s milestones or escrow and pay only for delivered work, through the platform, to the verified account holder.',
      });
    }
    const hits = findSentences(p, ADVANCE, { exclude: NEGATED });
    if (!hits.length) return out;
    return [
      ...out,
      {
        title: 'Advance payment requested',
        explanation: `${cap(places(hits))} ask${hits.length === 1 ? 's' : ''} for payment before work is done ("${hits[0]!.match}"). The FBI guidance (PSA 2023) and the 2022 State/Treasury/FBI advisory note that IT workers using false identities often demand advance payment and resist milestones.`,
        evidence: hits.map(({ field, excerpt }) => ({ field, excerpt })),
        nextStep: 'Use the platform\'s milestones or escrow and pay only for delivered work, through the platform.',
      },
    ];
  },
};
