import { profileKey } from '../history/identity';
import type { Rule } from './types';
import { SOURCES } from './sources';
import { identityP, listWordsP, nest, texts, draft } from './msg';

export const photoVaries: Rule = {
  meta: {
    id: 'photo-varies',
    title: 'One identity shows very different photos',
    category: 'photo',
    severity: 'medium',
    weight: 'medium',
    indicator: { source: 'PSA23', url: SOURCES.PSA23.url },
    description:
      "Compares the current photo with this profile's earlier photos and with the photos of its linked accounts (the same name on another site, or profiles linking to each other) checked before: pictures whose perceptual hashes differ in 20 or more of 64 bits are different pictures. The FBI guidance (PSA 2023) notes different photos on several profiles of one identity. People do change their photos, so this is a medium sign that asks whether the faces are the same person.",
  },
  check(p, ctx) {
    const hits = ctx.history?.photoVaries ?? [];
    if (!hits.length || !p.photo) return [];
    const key = profileKey(p.source);
    const where = hits.map((h) => (h.other.key === key ? nest('f_photoVaries_earlier', h.url) : nest('f_photoVaries_other', h.url, identityP(h.other))));
    return [
      draft(texts('f_photoVaries', [listWordsP(where)]), [{ field: 'photo.url', excerpt: p.photo.url }, ...hits.map((h, i) => ({ field: `history.photoVaries[${i}]`, excerpt: `${h.url}: ${h.distance} of 64 bits differ` }))]),
    ];
  },
};
