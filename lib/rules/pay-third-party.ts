import type { Rule } from './types';
import { SOURCES } from './sources';
import { cap, findSentences, places } from './text';

const OTHER_PERSON = "(?:partner|friend|brother|sister|cousin|wife|husband|colleague|relative|uncle|aunt|father|mother|boss|manager|teammate|agent|someone else|another person|other person|third[- ]party)";
const ACCOUNT = '(?:account|paypal|payoneer|wise|bank|card|wallet|iban)';
const THIRD_PARTY = new RegExp(
  [
    `\\b${OTHER_PERSON}(?:'s|’s|s')?\\s+(?:\\w+\\s+){0,3}${ACCOUNT}`,
    `\\b${ACCOUNT}\\s+(?:\\w+\\s+){0,3}(?:registered|opened|held|in)\\s+(?:to|under|in)?\\s*(?:a |an )?(?:different|another|other|someone else'?s|my \\w+'?s) name`,
    `\\b(?:different|another) (?:person'?s )?name on the (?:account|payment)`,
    `\\bpay(?:ment)? (?:to|into|via) (?:my|his|her) ${OTHER_PERSON}`,
  ].join('|'),
  'i',
);

export const payThirdParty: Rule = {
  meta: {
    id: 'pay-third-party',
    title: 'Payment to another person\'s account',
    category: 'payment',
    severity: 'high',
    weight: 'strong',
    indicator: { source: 'ADV22', url: SOURCES.ADV22.url },
    description:
      'Looks in the overview, payment notes and review texts for payment sent to someone else\'s account (a partner\'s or friend\'s PayPal or Payoneer, an account registered to a different name). The 2022 State/Treasury/FBI advisory lists requests to pay another account, or one registered to a different name, as a red flag.',
  },
  check(p) {
    const hits = findSentences(p, THIRD_PARTY);
    if (!hits.length) return [];
    return [
      {
        title: 'Payment to another person\'s account',
        explanation: `${cap(places(hits))} say${hits.length === 1 ? 's' : ''} payment went or should go to another person's account ("${hits[0]!.match}"). The 2022 State/Treasury/FBI advisory lists payment to an account in a different name as a red flag: the person doing the work may not be the person the account and ID belong to.`,
        evidence: hits.map(({ field, excerpt }) => ({ field, excerpt })),
        nextStep: 'Pay only through the platform to the verified account holder; confirm on a video call with the camera on that the account holder is the person doing the work.',
      },
    ];
  },
};
