import type { Evidence } from '../report/schema';
import type { Rule } from './types';
import { SOURCES } from './sources';
import { checklistEvidence, concern, hitEvidence, hitsOf, noteSuffix, pasteAnalysis, pasteNames } from './notes-helpers';

export const proxyAccount: Rule = {
  meta: {
    id: 'proxy-account',
    title: 'The account owner is not the worker',
    category: 'account',
    severity: 'high',
    weight: 'strong',
    indicator: { source: 'ADV22', url: SOURCES.ADV22.url },
    description:
      'Reads the hiring manager\'s notes: a concern marked for "account owner" in the checklist (the person on calls is not the person on the account), or pasted messages about renting, buying or borrowing a platform account. The 2022 State/Treasury/FBI advisory and the Republic of Korea advisory (2022) describe IT workers using accounts rented from or opened by other people. A payee name that differs from the profile is the pay-third-party rule.',
  },
  check(p, ctx) {
    const a = concern(ctx, 'proxyAccount');
    const analysis = pasteAnalysis(p, ctx);
    const hits = analysis ? hitsOf(analysis, 'account-rental') : [];
    if (!a && !hits.length) return [];
    const evidence: Evidence[] = [...(a ? [checklistEvidence('proxyAccount', a)] : []), ...hitEvidence(hits)];
    const seen = [
      a ? `your checklist marks a concern that the account owner and the worker are different people${noteSuffix(a)}` : null,
      hits.length ? `${pasteNames(hits)} talk${hits.length === 1 ? 's' : ''} of renting or borrowing an account ("${hits[0]!.match}")` : null,
    ].filter(Boolean);
    return [
      {
        title: 'Account may be used by someone other than its owner (your notes)',
        explanation: `In your notes, ${seen.join('; and ')}. The 2022 State/Treasury/FBI advisory lists accounts opened or rented from other people, so that the worker is not the verified account holder, as a red flag.`,
        evidence,
        nextStep: 'Verify on a live video call with the camera on that the person doing the work is the verified account holder (ID shown on camera); pay only through the platform to that account holder. Platforms forbid account sharing: you can report it to the platform.',
      },
    ];
  },
};
