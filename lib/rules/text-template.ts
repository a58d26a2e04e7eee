import { describeIdentity, listWords } from '../history/describe';
import type { Rule } from './types';
import { SOURCES } from './sources';

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
      {
        title: hits.length === 1 ? 'The bio matches a profile with another name' : `The bio matches ${hits.length} profiles with other names`,
        explanation: `The ${top.field} here is ${Math.round(top.similarity * 100)}% the same text as on ${listWords(hits.map((h) => `${describeIdentity(h.other)} (${Math.round(h.similarity * 100)}%)`))}${top.passage ? `; they share the passage "${top.passage.slice(0, 240)}${top.passage.length > 240 ? '…' : ''}"` : ''}. The 2022 State/Treasury/FBI advisory notes that the same templates are reused across accounts. Copied wording can also come from a shared template site: is this one writer behind several names?`,
        evidence: hits.map((h, i) => ({ field: i === 0 ? h.field : `history.text[${i}]`, excerpt: `${Math.round(h.similarity * 100)}% the same as ${describeIdentity(h.other)}${h.passage ? `: "${h.passage.slice(0, 160)}"` : ''}` })),
        nextStep: 'Open the other profile(s) and compare the texts; ask about specific projects in the bio in a video call with the camera on, and check them with the clients named.',
      },
    ];
  },
};
