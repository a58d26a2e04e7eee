import type { Evidence } from '../report/schema';
import type { Rule } from './types';
import { SOURCES } from './sources';
import { checklistEvidence, concern, hitEvidence, hitsOf, noteSuffix, pasteAnalysis, pasteNames } from './notes-helpers';

export const extortion: Rule = {
  meta: {
    id: 'extortion',
    title: 'Threatens to release code or data unless paid',
    category: 'interview',
    severity: 'high',
    weight: 'strong',
    indicator: { source: 'PSA23', url: SOURCES.PSA23.url },
    description:
      'Reads the hiring manager\'s notes: a concern marked for "threats" in the checklist, or pasted messages that threaten to release, leak, sell or destroy source code or data unless paid ("unless", "or else", "pay now"). The FBI guidance (PSA 2023) warns that IT workers using false identities have threatened to publish proprietary code after being let go. Promises to hand over code once a milestone is paid are not counted.',
  },
  check(p, ctx) {
    const a = concern(ctx, 'threats');
    const analysis = pasteAnalysis(p, ctx);
    const hits = analysis ? hitsOf(analysis, 'threat') : [];
    if (!a && !hits.length) return [];
    const evidence: Evidence[] = [...(a ? [checklistEvidence('threats', a)] : []), ...hitEvidence(hits)];
    const seen = [a ? `your checklist marks a threat${noteSuffix(a)}` : null, hits.length ? `${pasteNames(hits)} threaten${hits.length === 1 ? 's' : ''} to "${hits[0]!.match}" unless paid` : null].filter(Boolean);
    return [
      {
        title: 'Threat to release code or data (your notes)',
        explanation: `In your notes, ${seen.join('; and ')}. The FBI guidance (PSA 2023) reports IT workers using false identities threatening to publish proprietary source code unless paid, and treats this as a serious sign.`,
        evidence,
        nextStep: 'Keep the messages; revoke the person\'s access to code, systems and data; involve your security or legal team, and report extortion to the FBI (ic3.gov). Do not pay outside the platform.',
      },
    ];
  },
};
