import { describeIdentity } from '../history/describe';
import type { Rule } from './types';
import { SOURCES } from './sources';
import { identityP, listWordsP, nest, NONE, texts, draft } from './msg';

export const photoReused: Rule = {
  meta: {
    id: 'photo-reused',
    title: 'The same photo on profiles with other names',
    category: 'photo',
    severity: 'high',
    weight: 'strong',
    indicator: { source: 'PSA23', url: SOURCES.PSA23.url },
    description:
      "Compares the profile photo's perceptual hash (pHash, also of the mirrored image) with the photos of every profile checked before: a near-duplicate (at most 10 of 64 bits differ) on a profile with another name and no link to this one is the same picture used by different identities. The FBI guidance (PSA 2023) names photo reuse across profiles among the signs. Needs the history of checked profiles and photo analysis on; a stock photo or a shared team picture can also explain it.",
  },
  check(p, ctx) {
    const hits = ctx.history?.photo ?? [];
    if (!hits.length || !p.photo) return [];
    const names = hits.map((h) => identityP(h.other));
    return [
      draft(
        texts('f_photoReused', [hits.length, listWordsP(names), hits.some((h) => h.mirrored) ? nest('f_photoReused_mirrored') : NONE], hits.length === 1 ? { title: 'f_photoReusedOne_title' } : {}),
        [{ field: 'photo.url', excerpt: p.photo.url }, ...hits.map((h, i) => ({ field: `history.photo[${i}]`, excerpt: `${describeIdentity(h.other)}: ${h.distance} of 64 bits differ${h.mirrored ? ' (mirrored image)' : ''}` }))],
      ),
    ];
  },
};
