import { describeIdentity } from '../history/describe';
import type { Rule } from './types';
import { SOURCES } from './sources';
import { identityP, listWordsP, nest, NONE, texts, draft } from './msg';

export const textTemplate: Rule = {
  meta: {
    id: 'text-template',
    title: 'Bio text reused by a profile with another name',
    category: 'text',
    severity: 'high',
    weight: 'strong',
    indicator: { source: 'ADV22', url: SOURCES.ADV22.url },
    description:
      'Compares the overview and headline (word 3-shingles, MinHash estimate confirmed on the exact shingles) with profiles checked before under other names and not linked to this one: 40% or more of shared three-word runs means the same template with a few words changed. The 2022 State/Treasury/FBI advisory notes the same bidding and profile templates used across accounts. Needs the history of checked profiles.',
  },
  check(p, ctx) {
    const hits = (ctx.history?.text ?? []).filter((h) => (h.field === 'overview' ? p.overview : p.headline));
    if (!hits.length) return [];
    const top = hits[0]!;
    return [
      draft(
        texts('f_textTemplate', [hits.length, nest(top.field === 'overview' ? 'f_textTemplate_overview' : 'f_textTemplate_headline'), Math.round(top.similarity * 100), listWordsP(hits.map((h) => nest('f_textTemplate_item', identityP(h.other), Math.round(h.similarity * 100)))), top.passage ? `${top.passage.slice(0, 240)}${top.passage.length > 240 ? '…' : ''}` : NONE], { explanation: top.passage ? 'f_textTemplatePassage_expl' : 'f_textTemplate_expl', ...(hits.length === 1 ? { title: 'f_textTemplateOne_title' } : {}) }),
        hits.map((h, i) => ({ field: i === 0 ? h.field : `history.text[${i}]`, excerpt: `${Math.round(h.similarity * 100)}% the same as ${describeIdentity(h.other)}${h.passage ? `: "${h.passage.slice(0, 160)}"` : ''}` })),
      ),
    ];
  },
};
