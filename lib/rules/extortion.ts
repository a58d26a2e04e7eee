import type { Evidence } from '../report/schema';
import type { Rule } from './types';
import { SOURCES } from './sources';
import { checklistEvidence, concern, hitEvidence, hitsOf, pasteAnalysis } from './notes-helpers';
import { nest, noteP, pasteNamesP, semiAnd, texts, draft } from './msg';

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
    const seen = [
      a ? nest('f_extortion_concern', noteP(a)) : null,
      hits.length ? nest(hits.length === 1 ? 'f_extortion_pastedOne' : 'f_extortion_pastedMany', pasteNamesP(hits), hits[0]!.match) : null,
    ].filter((x) => x !== null);
    return [
      draft(texts('f_extortion', [semiAnd(seen)]), evidence),
    ];
  },
};
