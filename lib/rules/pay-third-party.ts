import type { FindingDraft, Rule } from './types';
import { hitEvidence, hitsOf, pasteAnalysis, pasteNames } from './notes-helpers';
import { THIRD_PARTY } from './patterns';
import { SOURCES } from './sources';
import { cap, findSentences, places } from './text';

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
          names.length ? `${pasteNames(payees)} name${payees.length === 1 ? 's' : ''} the payee as ${names.map((n) => `"${n}"`).join(', ')}, which does not match the profile name "${p.name}"` : null,
          other.length ? `${pasteNames(other)} ask${other.length === 1 ? 's' : ''} for payment to another person's account ("${other[0]!.match}")` : null,
        ].filter(Boolean);
        out.push({
          title: names.length ? 'Payee name differs from the profile (your notes)' : 'Payment to another person\'s account (your notes)',
          explanation: `In your notes, ${seen.join('; and ')}. The 2022 State/Treasury/FBI advisory lists requests to pay an account registered to a different name as a red flag: the person doing the work may not be the person the account and ID belong to.`,
          evidence: hitEvidence([...payees, ...other]),
          nextStep: 'Pay only through the platform to the verified account holder; ask who the payee is, and confirm on a live video call with the camera on that the account holder is the person doing the work.',
        });
      }
    }
    const hits = findSentences(p, THIRD_PARTY);
    if (!hits.length) return out;
    return [
      ...out,
      {
        title: 'Payment to another person\'s account',
        explanation: `${cap(places(hits))} say${hits.length === 1 ? 's' : ''} payment went or should go to another person's account ("${hits[0]!.match}"). The 2022 State/Treasury/FBI advisory lists payment to an account in a different name as a red flag: the person doing the work may not be the person the account and ID belong to.`,
        evidence: hits.map(({ field, excerpt }) => ({ field, excerpt })),
        nextStep: 'Pay only through the platform to the verified account holder; confirm on a video call with the camera on that the account holder is the person doing the work.',
      },
    ];
  },
};
