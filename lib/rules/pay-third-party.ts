import type { FindingDraft, Rule } from './types';
import { hitEvidence, hitsOf, pasteAnalysis } from './notes-helpers';
import { THIRD_PARTY } from './patterns';
import { SOURCES } from './sources';
import { findSentences } from './text';
import { capP, nest, pasteNamesP, placesP, semiAnd, texts, draft } from './msg';

export const payThirdParty: Rule = {
  meta: {
    id: 'pay-third-party',
    title: 'Payment to another person\'s account',
    category: 'payment',
    severity: 'high',
    weight: 'strong',
    indicator: { source: 'ADV22', url: SOURCES.ADV22.url },
    description:
      'Looks in the overview, payment notes and review texts for payment sent to someone else\'s account (a partner\'s or friend\'s PayPal or Payoneer, an account registered to a different name). The 2022 State/Treasury/FBI advisory lists requests to pay another account, or one registered to a different name, as a red flag. In the payment instructions and messages the hiring manager pasted, it also compares the payee or account-holder name with the profile\'s name (case, accents, word order and initials ignored).',
  },
  check(p, ctx) {
    const out: FindingDraft[] = [];
    const a = pasteAnalysis(p, ctx);
    if (a) {
      const payees = hitsOf(a, 'payee').filter((h) => h.sameAsProfile === false);
      const other = hitsOf(a, 'third-party');
      if (payees.length || other.length) {
        const names = [...new Set(payees.map((h) => h.name))];
        const seen = [
          names.length
            ? nest(payees.length === 1 ? 'f_payThirdParty_payeeOne' : 'f_payThirdParty_payeeMany', pasteNamesP(payees), names.map((n) => `"${n}"`).join(', '), String(p.name))
            : null,
          other.length ? nest(other.length === 1 ? 'f_payThirdParty_otherOne' : 'f_payThirdParty_otherMany', pasteNamesP(other), other[0]!.match) : null,
        ].filter((x) => x !== null);
        out.push(draft(texts('f_payThirdPartyNotes', [semiAnd(seen)], { title: names.length ? 'f_payThirdPartyPayee_title' : 'f_payThirdPartyOther_title' }), hitEvidence([...payees, ...other])));
      }
    }
    const hits = findSentences(p, THIRD_PARTY);
    if (!hits.length) return out;
    return [
      ...out,
      draft(texts('f_payThirdParty', [capP(placesP(hits)), hits[0]!.match], { explanation: hits.length === 1 ? 'f_payThirdPartyOne_expl' : 'f_payThirdPartyMany_expl' }), hits.map(({ field, excerpt }) => ({ field, excerpt }))),
    ];
  },
};
