import { DEFAULT_AVATAR } from './photo-missing';
import { SOURCES } from './sources';
import type { Rule } from './types';
import { texts, draft } from './msg';

export const photoNoFace: Rule = {
  meta: {
    id: 'photo-no-face',
    title: 'The profile photo shows no human face',
    category: 'photo',
    severity: 'low',
    weight: 'weak',
    indicator: { source: 'PSA23', url: SOURCES.PSA23.url },
    description:
      'Runs a face detector (tiny face detector of face-api, inside the extension) on the profile photo: a logo, cartoon, animal or object instead of a face. The FBI guidance lists profiles without a real photo among the signs to check; agencies and many honest freelancers use a logo or an avatar, so, like a missing photo, this is a weak signal that never raises the level on its own.',
  },
  check(p, ctx) {
    const face = ctx.face;
    // Silent without an analysis, without a photo, or on the site's default avatar (photo-missing says that already).
    if (!face || !p.photo || DEFAULT_AVATAR.test(p.photo.url) || face.faces.length > 0) return [];
    return [
      draft(texts('f_photoNoFace', [face.image.width, face.image.height]), [{ field: 'photo.url', excerpt: `${p.photo.url}: no face found by the detector (${face.image.width}×${face.image.height})` }]),
    ];
  },
};
