import type { Rule } from './types';
import { SOURCES } from './sources';
import { texts, draft } from './msg';

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
        draft(texts('f_photoNone', [], { nextStep: 'f_photo_next' }), [{ field: 'photo', excerpt: p.missing.includes('photo') ? 'no photo found on the page' : 'photo is empty' }]),
      ];
    }
    if (DEFAULT_AVATAR.test(p.photo.url)) {
      return [
        draft(texts('f_photoAvatar', [p.photo.url], { nextStep: 'f_photo_next' }), [{ field: 'photo.url', excerpt: p.photo.url }]),
      ];
    }
    return [];
  },
};
