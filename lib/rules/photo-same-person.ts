import { faceBand } from '../face/match';
import { SOURCES } from './sources';
import type { Rule } from './types';

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
      const who = `${m.other.name ?? 'a profile without a name'} (${m.other.platform}, ${m.other.url})`;
      const how = band === 'same-photo' ? 'very close to (the same photo, or the same person in a very similar shot)' : 'similar to (possibly the same person)';
      return {
        title: `Same person as ${m.other.name ?? 'another profile'} under another name?`,
        explanation: `The face in this profile photo is ${how} the face on ${who}, which you checked before under another name (face distance ${m.distance.toFixed(2)}; below 0.40 is usually the same photo, 0.40–0.55 often the same person). The FBI guidance (PSA 2023) lists one person behind several profiles with different names among the signs to check. Faces can resemble each other, and the face model errs more on some groups of people, so this is a question to verify, not a finding about the person.`,
        evidence: [{ field: 'photo.url', excerpt: `${p.photo!.url} ~ ${m.other.url} (face distance ${m.distance.toFixed(2)})` }],
        nextStep: `Open both profiles and compare the photos yourself; on a video call with the camera on, compare the person with both photos and with their ID, and ask about the other profile.`,
      };
    });
  },
};
