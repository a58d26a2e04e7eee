import { describeIdentity, listWords } from '../history/describe';
import type { Rule } from './types';
import { SOURCES } from './sources';

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
    const names = hits.map((h) => describeIdentity(h.other));
    return [
      {
        title: hits.length === 1 ? 'The same photo is on a profile with another name' : `The same photo is on ${hits.length} profiles with other names`,
        explanation: `This profile's photo is a near-duplicate of the photo on ${listWords(names)}, which you checked before${hits.some((h) => h.mirrored) ? ' (one of them mirrored)' : ''}. The FBI guidance (PSA 2023) lists the same photo under different names or accounts among the signs of false identities. A stock picture or a shared agency photo can also explain it: is this one person with several accounts, or one picture used by several people?`,
        evidence: [
          { field: 'photo.url', excerpt: p.photo.url },
          ...hits.map((h, i) => ({ field: `history.photo[${i}]`, excerpt: `${describeIdentity(h.other)}: ${h.distance} of 64 bits differ${h.mirrored ? ' (mirrored image)' : ''}` })),
        ],
        nextStep: 'Open the other profile(s) and compare; run a reverse image search on the photo; in a video call with the camera on, compare the person with the photo and with an ID.',
      },
    ];
  },
};
