import { faceBand } from '../face/match';
import { SOURCES } from './sources';
import type { Rule } from './types';
import { nest, texts, draft } from './msg';

export const photoSamePerson: Rule = {
  meta: {
    id: 'photo-same-person',
    title: 'The face looks like the one on another profile under another name',
    category: 'photo',
    severity: 'medium',
    weight: 'medium',
    indicator: { source: 'PSA23', url: SOURCES.PSA23.url },
    description:
      'Compares the face in the profile photo with the faces of profiles checked before (128-number face descriptors, kept only in your browser). The FBI guidance names the same person behind several profiles with different names among the signs. Face matching is a resemblance, and is weaker on some groups of people (darker skin, children), so a match is a question to verify, never a verdict.',
  },
  check(p, ctx) {
    const matches = ctx.history?.faces;
    if (!p.photo || !matches?.length) return [];
    const differentName = matches.filter((m) => m.other.name === null || p.name === null || m.other.name.trim().toLowerCase() !== p.name.trim().toLowerCase());
    return differentName.map((m) => {
      const band = faceBand(m.distance);
      const who = nest('f_photoSamePerson_who', m.other.name ?? nest('f_photoSamePerson_noName'), m.other.platform, m.other.url);
      return draft(
        texts('f_photoSamePerson', [m.other.name ?? nest('f_photoSamePerson_another'), who, m.distance.toFixed(2)], { explanation: band === 'same-photo' ? 'f_photoSamePersonSame_expl' : 'f_photoSamePersonSimilar_expl' }),
        [{ field: 'photo.url', excerpt: `${p.photo!.url} ~ ${m.other.url} (face distance ${m.distance.toFixed(2)})` }],
      );
    });
  },
};
