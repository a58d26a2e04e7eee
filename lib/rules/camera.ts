import type { FindingDraft, Rule } from './types';
import { SOURCES } from './sources';
import { checklistEvidence, concern } from './notes-helpers';
import { noteP, texts, draft } from './msg';

export const camera: Rule = {
  meta: {
    id: 'camera',
    title: 'Will not appear on camera, or time, place or look inconsistent on camera',
    category: 'interview',
    severity: 'high',
    weight: 'strong',
    indicator: { source: 'PSA23', url: SOURCES.PSA23.url },
    description:
      'Reads the hiring manager\'s interview checklist: a concern marked for "camera" (refused video or kept the camera off) or for "time or location" (on camera, the time of day, the place or the appearance did not fit the profile). The FBI guidance (PSA 2023) lists unwillingness to appear on camera, and inconsistencies seen on camera, among the red flags. Answers "no concern" and "not checked" are silent.',
  },
  check(_p, ctx) {
    const out: FindingDraft[] = [];
    const cam = concern(ctx, 'camera');
    if (cam)
      out.push(draft(texts('f_camera', [noteP(cam)]), [checklistEvidence('camera', cam)]));
    const tl = concern(ctx, 'timeLocation');
    if (tl)
      out.push(draft(texts('f_cameraTime', [noteP(tl)]), [checklistEvidence('timeLocation', tl)]));
    return out;
  },
};
