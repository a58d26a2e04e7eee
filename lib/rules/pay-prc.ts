import type { Rule } from './types';
import { SOURCES } from './sources';
import { cap, findSentences, places } from './text';

const PRC =
  /\b(alipay|wechat ?pay|weixin ?pay|tenpay|union ?pay|china unionpay|chinese bank(?: account)?|bank of china|icbc|china construction bank|agricultural bank of china|bank(?: account)? in (?:china|the prc)|prc bank)\b/i;
/** Building payment integrations for clients is ordinary work. */
const INTEGRATION = /\b(integrat\w*|sdk|api|gateway|checkout|plugin|module|implemented|built|developed|e-?commerce|mini[- ]?program)\b/i;

export const payPrc: Rule = {
  meta: {
    id: 'pay-prc',
    title: 'Payment through Chinese payment services or banks',
    category: 'payment',
    severity: 'medium',
    weight: 'medium',
    indicator: { source: 'ADV22', url: SOURCES.ADV22.url },
    description:
      'Looks in the overview, payment notes and review texts for payment through PRC-linked services (Alipay, WeChat Pay, UnionPay) or to Chinese bank accounts. The 2022 State/Treasury/FBI advisory names the use of digital payment services, especially PRC-linked ones, and transfers to PRC bank accounts as red flags. Sentences about integrating these services for clients are not counted.',
  },
  check(p) {
    const hits = findSentences(p, PRC, { exclude: INTEGRATION });
    if (!hits.length) return [];
    const names = [...new Set(hits.map((h) => h.match))].join(', ');
    return [
      {
        title: 'Payment through a PRC-linked service',
        explanation: `${cap(places(hits))} mention${hits.length === 1 ? 's' : ''} being paid through ${names}. The 2022 State/Treasury/FBI advisory lists PRC-linked digital payment services and transfers to PRC bank accounts as red flags for IT workers using false identities. Many people legitimately use these services; it matters together with other signs.`,
        evidence: hits.map(({ field, excerpt }) => ({ field, excerpt })),
        nextStep: 'Pay only through the platform to the verified account holder, and verify identity on a video call with the camera on.',
      },
    ];
  },
};
