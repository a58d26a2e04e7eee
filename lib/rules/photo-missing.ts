import type { Rule } from './types';
import { SOURCES } from './sources';

/** Default-avatar images as the marketplaces name them (file names and paths seen in their public markup). */
export const DEFAULT_AVATAR = /(default[-_]?avatar|no[-_]?photo|placeholder|avatar[-_]?default|blank[-_]?profile|ghost[-_]?person|anonymous|identicon|\/static\/.*avatar.*\.svg)/i;

export const photoMissing: Rule = {
  meta: {
    id: 'photo-missing',
    title: 'No profile photo, or a default avatar',
    category: 'photo',
    severity: 'low',
    weight: 'weak',
    indicator: { source: 'PSA23', url: SOURCES.PSA23.url },
    description:
      'The FBI guidance lists profiles without a photo among the signs to check. Many honest freelancers have no photo, so this is a weak signal that never raises the level on its own.',
  },
  check(p) {
    if (!p.photo) {
      return [
        {
          title: 'No profile photo',
          explanation:
            'The profile shows no photo. The FBI guidance (PSA 2023) notes that accounts used by DPRK IT workers often have no photo or reuse photos. On its own this is common and weak.',
          evidence: [{ field: 'photo', excerpt: p.missing.includes('photo') ? 'no photo found on the page' : 'photo is empty' }],
          nextStep: 'Hold a video call with the camera on and compare the person with any ID they provide.',
          msg: { title: 'f_photoNone_title', explanation: 'f_photoNone_expl', nextStep: 'f_photo_next', params: [] },
        },
      ];
    }
    if (DEFAULT_AVATAR.test(p.photo.url)) {
      return [
        {
          title: 'Default avatar instead of a photo',
          explanation: `The profile picture is the site's default avatar (${p.photo.url}), not a photo of a person. The FBI guidance (PSA 2023) lists missing or odd profile photos among the signs to check.`,
          evidence: [{ field: 'photo.url', excerpt: p.photo.url }],
          nextStep: 'Hold a video call with the camera on and compare the person with any ID they provide.',
          msg: { title: 'f_photoAvatar_title', explanation: 'f_photoAvatar_expl', nextStep: 'f_photo_next', params: [p.photo.url] },
        },
      ];
    }
    return [];
  },
};
