import type { FindingDraft, Rule } from './types';
import { hitEvidence, hitsOf, pasteAnalysis } from './notes-helpers';
import { INTEGRATION, PRC } from './patterns';
import { SOURCES } from './sources';
import { findSentences } from './text';
import { capP, pasteNamesP, placesP, texts, draft } from './msg';

export const payPrc: Rule = {
  meta: {
    id: 'pay-prc',
    title: 'Payment through Chinese payment services or banks',
    category: 'payment',
    severity: 'medium',
    weight: 'medium',
    indicator: { source: 'ADV22', url: SOURCES.ADV22.url },
    description:
      'Looks in the overview, payment notes and review texts for payment through PRC-linked services (Alipay, WeChat Pay, UnionPay) or to Chinese bank accounts. The 2022 State/Treasury/FBI advisory names the use of digital payment services, especially PRC-linked ones, and transfers to PRC bank accounts as red flags. Sentences about integrating these services for clients are not counted. The payment instructions and messages the hiring manager pasted are read too (PRC services, Chinese banks and SWIFT codes, Payoneer with a PRC account or place named).',
  },
  check(p, ctx) {
    const out: FindingDraft[] = [];
    const a = pasteAnalysis(p, ctx);
    const prc = a ? hitsOf(a, 'provider').filter((h) => h.prc) : [];
    if (prc.length)
      out.push(draft(
        texts('f_payPrcNotes', [capP(pasteNamesP(prc)), [...new Set(prc.map((h) => h.label))].join('; ')], { explanation: prc.length === 1 ? 'f_payPrcNotesOne_expl' : 'f_payPrcNotesMany_expl' }),
        hitEvidence(prc),
      ));
    const hits = findSentences(p, PRC, { exclude: INTEGRATION });
    if (!hits.length) return out;
    const names = [...new Set(hits.map((h) => h.match))].join(', ');
    return [
      ...out,
      draft(texts('f_payPrc', [capP(placesP(hits)), names], { explanation: hits.length === 1 ? 'f_payPrcOne_expl' : 'f_payPrcMany_expl' }), hits.map(({ field, excerpt }) => ({ field, excerpt }))),
    ];
  },
};
