import type { Evidence } from '../report/schema';
import type { Rule } from './types';
import { SOURCES } from './sources';
import { checklistEvidence, concern, hitEvidence, hitsOf, pasteAnalysis } from './notes-helpers';
import { listOf, nest, noteP, texts, draft } from './msg';

export const contactChanging: Rule = {
  meta: {
    id: 'contact-changing',
    title: 'Contact details incorrect or changing',
    category: 'links',
    severity: 'low',
    weight: 'weak',
    indicator: { source: 'ADV22', url: SOURCES.ADV22.url },
    description:
      'Reads the hiring manager\'s notes: a concern marked for "contact details" in the checklist, or e-mail addresses or phone numbers in the pasted messages that differ from the ones given earlier. The 2022 State/Treasury/FBI advisory lists incorrect or changing contact details among the red flags. People change numbers for ordinary reasons, so this is weak. The page-side part, handles and invitations off the platform, is the off-platform rule.',
  },
  check(p, ctx) {
    const a = concern(ctx, 'contactChanging');
    const analysis = pasteAnalysis(p, ctx);
    const changed = analysis ? hitsOf(analysis, 'contact').filter((h) => h.changed) : [];
    if (!a && !changed.length) return [];
    const evidence: Evidence[] = [];
    if (a) evidence.push(checklistEvidence('contactChanging', a));
    if (changed.length && analysis) {
      // Show the first one of each kind too, so the change is visible.
      const kinds = new Set(changed.map((h) => h.contact));
      const firsts = hitsOf(analysis, 'contact').filter((h) => kinds.has(h.contact) && !h.changed);
      evidence.push(...hitEvidence([...firsts, ...changed]));
    }
    const list = [...new Set(changed.map((h) => h.match))].join(', ');
    const kinds = [...new Set(changed.map((h) => (h.contact === 'email' ? 'f_contactChanging_email' : 'f_contactChanging_phone')))].map((k) => nest(k));
    const seen = [a ? nest('f_contactChanging_concern', noteP(a)) : null, changed.length ? nest('f_contactChanging_pasted', listOf(kinds), list) : null].filter((x) => x !== null);
    return [
      draft(texts('f_contactChanging', [seen.length === 2 ? nest('f_contactChanging_both', seen[0]!, seen[1]!) : seen[0]!]), evidence),
    ];
  },
};
