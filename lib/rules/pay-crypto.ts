import type { FindingDraft, Rule } from './types';
import { hitEvidence, hitsOf, pasteAnalysis } from './notes-helpers';
import { CRYPTO, PAYMENT_CONTEXT as PAYMENT } from './patterns';
import { SOURCES } from './sources';
import { findSentences } from './text';
import { capP, nest, pasteNamesP, placesP, texts, draft } from './msg';

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
        out.push(draft(
          texts('f_payCryptoNotes', [capP(pasteNamesP(all)), wallets.length ? nest(all.length === 1 ? 'f_payCrypto_containOne' : 'f_payCrypto_containMany', wallets.length === 1 ? nest('f_payCrypto_oneWallet') : nest('f_payCrypto_wallets', wallets.length), [...new Set(wallets.map((w) => w.label))].join('; ')) : nest(all.length === 1 ? 'f_payCrypto_askOne' : 'f_payCrypto_askMany', [...new Set(mentions.map((m) => m.match))].join(', '))], { title: wallets.length ? 'f_payCryptoWallet_title' : 'f_payCryptoAsk_title' }),
          hitEvidence(all),
        ));
    }
    const hits = findSentences(p, CRYPTO, { context: PAYMENT });
    if (!hits.length) return out;
    const words = [...new Set(hits.map((h) => h.match))].join(', ');
    return [
      ...out,
      draft(texts('f_payCrypto', [capP(placesP(hits)), words], { explanation: hits.length === 1 ? 'f_payCryptoOne_expl' : 'f_payCryptoMany_expl' }), hits.map(({ field, excerpt }) => ({ field, excerpt }))),
    ];
  },
};
