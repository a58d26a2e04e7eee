import { formatEyeEvidence } from '../face/evidence';
import { SOURCES } from './sources';
import type { Rule } from './types';
import { texts, draft } from './msg';

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

export const photoSynthetic: Rule = {
  meta: {
    id: 'photo-synthetic',
    title: 'Photo framing consistent with generated faces (StyleGAN)',
    category: 'photo',
    severity: 'medium',
    weight: 'medium',
    indicator: { source: 'PSA23', url: SOURCES.PSA23.url },
    description:
      'Measures where the eyes sit in the profile photo (68 face landmarks, inside the extension). Faces made by StyleGAN, the generator behind thispersondoesnotexist, come out square with both eyes at the same fixed spots of the frame (FFHQ alignment: 37.5% and 62.5% across, 47.3% down, a quarter of the width apart). Fake LinkedIn profiles with such faces were found this way (Stanford Internet Observatory, 2022); the FBI guidance asks to check photos whose appearance is strange. It does not detect other generators, and a real photo cropped the same way also matches, so it is a reason to look closer, not proof.',
  },
  check(p, ctx) {
    const face = ctx.face;
    if (!face?.framing?.consistentWithStyleGAN || !face.eyes || !p.photo) return [];
    const { framing, eyes, image } = face;
    return [
      draft(
        texts('f_photoSynthetic', [image.width, image.height, pct(framing.eyeError), pct(framing.interocular)]),
        [{ field: 'photo.url', excerpt: formatEyeEvidence(eyes) }, { field: 'photo.url', excerpt: 'cues to check by eye: earrings that differ or only one earring, a smeared or warped background, hair melting into the background, odd teeth, glasses whose two sides differ' }],
      ),
    ];
  },
};
