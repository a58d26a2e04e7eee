import type { Rule } from './types';
import { SOURCES } from './sources';
import { cap, findSentences, places } from './text';

const ADVANCE =
  /\b(advance payment|payment in advance|paid in advance|pay(?:ment)? (?:in )?up[- ]?front|up[- ]?front (?:payment|deposit)|pre-?payment|prepaid|pay(?:ment)? before (?:i )?start(?:ing)?|\d{1,3}\s?% (?:up[- ]?front|in advance|before (?:i )?start(?:ing)?|advance|deposit)|deposit before|full payment before)/i;
/** "No upfront payment needed" is the opposite of the sign. */
const NEGATED = /\b(no|without|never|don'?t (?:need|ask|require)|not required)\b[^.]{0,25}(advance|up[- ]?front|pre-?pay)/i;

export const payAdvance: Rule = {
  meta: {
    id: 'pay-advance',
    title: 'Asks for payment in advance',
    category: 'payment',
    severity: 'medium',
    weight: 'medium',
    indicator: { source: 'PSA23', url: SOURCES.PSA23.url },
    description:
      'Looks in the headline, overview, payment notes and review texts for requests for advance or up-front payment. The FBI guidance (2023) and the 2022 advisory list repeated demands for advance payment, and payment without milestones, among the red flags. Offers of milestone payments through the platform are not counted.',
  },
  check(p) {
    const hits = findSentences(p, ADVANCE, { exclude: NEGATED });
    if (!hits.length) return [];
    return [
      {
        title: 'Advance payment requested',
        explanation: `${cap(places(hits))} ask${hits.length === 1 ? 's' : ''} for payment before work is done ("${hits[0]!.match}"). The FBI guidance (PSA 2023) and the 2022 State/Treasury/FBI advisory note that IT workers using false identities often demand advance payment and resist milestones.`,
        evidence: hits.map(({ field, excerpt }) => ({ field, excerpt })),
        nextStep: 'Use the platform\'s milestones or escrow and pay only for delivered work, through the platform.',
      },
    ];
  },
};
