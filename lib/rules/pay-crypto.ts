import type { FindingDraft, Rule } from './types';
import { hitEvidence, hitsOf, pasteAnalysis, pasteNames } from './notes-helpers';
import { CRYPTO, PAYMENT_CONTEXT as PAYMENT } from './patterns';
import { SOURCES } from './sources';
import { cap, findSentences, places } from './text';

/** Only sentences about how the freelancer is paid count: building crypto products is ordinary work. */

export const payCrypto: Rule = {
  meta: {
    id: 'pay-crypto',
    title: 'Asks to be paid in cryptocurrency',
    category: 'payment',
    severity: 'medium',
    weight: 'medium',
    indicator: { source: 'ADV22', url: SOURCES.ADV22.url },
    description:
      'Looks in the headline, overview, payment notes and review texts for sentences about being paid in virtual currency (USDT, Bitcoin, "crypto"…), and in the payment instructions and messages the hiring manager pasted for wallet addresses (Bitcoin, Ethereum-style, TRON) and crypto payment requests. The 2022 State/Treasury/FBI advisory lists requests for payment in virtual currency among the red flags. Sentences about building crypto or blockchain products are not counted.',
  },
  check(p, ctx) {
    const out: FindingDraft[] = [];
    const a = pasteAnalysis(p, ctx);
    if (a) {
      const wallets = hitsOf(a, 'wallet');
      const mentions = hitsOf(a, 'crypto');
      const all = [...wallets, ...mentions];
      if (all.length)
        out.push({
          title: wallets.length ? 'Crypto wallet address in your pasted text' : 'Crypto payment asked for in your pasted text',
          explanation: `${cap(pasteNames(all))} in your notes ${wallets.length ? `contain${all.length === 1 ? 's' : ''} ${wallets.length === 1 ? 'a wallet address' : `${wallets.length} wallet addresses`}: ${[...new Set(wallets.map((w) => w.label))].join('; ')}` : `ask${all.length === 1 ? 's' : ''} for payment in virtual currency (${[...new Set(mentions.map((m) => m.match))].join(', ')})`}. The 2022 US State/Treasury/FBI advisory lists requests to be paid in virtual currency as a red flag, because it moves money outside the platform's identity and payment checks.`,
          evidence: hitEvidence(all),
          nextStep: 'Pay only through the platform, in ordinary currency, to the verified account holder; ask why crypto is wanted, and verify identity on a live video call with the camera on.',
        });
    }
    const hits = findSentences(p, CRYPTO, { context: PAYMENT });
    if (!hits.length) return out;
    const words = [...new Set(hits.map((h) => h.match))].join(', ');
    return [
      ...out,
      {
        title: 'Payment in cryptocurrency mentioned',
        explanation: `${cap(places(hits))} mention${hits.length === 1 ? 's' : ''} payment in virtual currency (${words}). The 2022 US State/Treasury/FBI advisory on IT workers using false identities lists requests to be paid in virtual currency as a red flag, because it moves money outside the platform's identity and payment checks.`,
        evidence: hits.map(({ field, excerpt }) => ({ field, excerpt })),
        nextStep: 'Pay only through the platform in ordinary currency; ask why crypto is preferred, and verify identity on a video call with the camera on.',
      },
    ];
  },
};
