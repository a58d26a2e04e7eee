import type { Rule } from './types';
import { SOURCES } from './sources';
import { cap, findSentences, places } from './text';

const CRYPTO = /\b(usdt|usdc|tether|bitcoin|btc|ethereum|eth|crypto(?:currenc(?:y|ies))?|stablecoins?|litecoin|ltc|monero|xmr|binance pay|trc-?20|erc-?20|bep-?20|virtual currenc(?:y|ies)|digital currenc(?:y|ies))\b/i;
/** Only sentences about how the freelancer is paid count: building crypto products is ordinary work. */
const PAYMENT = /\b(pay|paid|payment|payments|payout|invoice|wallet|transfer|send|sent|receive|accept|prefer|settle)/i;

export const payCrypto: Rule = {
  meta: {
    id: 'pay-crypto',
    title: 'Asks to be paid in cryptocurrency',
    category: 'payment',
    severity: 'medium',
    weight: 'medium',
    indicator: { source: 'ADV22', url: SOURCES.ADV22.url },
    description:
      'Looks in the headline, overview, payment notes and review texts for sentences about being paid in virtual currency (USDT, Bitcoin, "crypto"…). The 2022 State/Treasury/FBI advisory lists requests for payment in virtual currency among the red flags. Sentences about building crypto or blockchain products are not counted.',
  },
  check(p) {
    const hits = findSentences(p, CRYPTO, { context: PAYMENT });
    if (!hits.length) return [];
    const words = [...new Set(hits.map((h) => h.match))].join(', ');
    return [
      {
        title: 'Payment in cryptocurrency mentioned',
        explanation: `${cap(places(hits))} mention${hits.length === 1 ? 's' : ''} payment in virtual currency (${words}). The 2022 US State/Treasury/FBI advisory on IT workers using false identities lists requests to be paid in virtual currency as a red flag, because it moves money outside the platform's identity and payment checks.`,
        evidence: hits.map(({ field, excerpt }) => ({ field, excerpt })),
        nextStep: 'Pay only through the platform in ordinary currency; ask why crypto is preferred, and verify identity on a video call with the camera on.',
      },
    ];
  },
};
