import type { FindingDraft, Rule } from './types';
import { SOURCES } from './sources';
import { checklistEvidence, concern, noteSuffix } from './notes-helpers';

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
      out.push({
        title: 'Camera refused or kept off in the interview (your notes)',
        explanation: `Your interview checklist marks a concern about the camera${noteSuffix(cam)}. The FBI guidance (PSA 2023) lists reluctance to appear on camera during interviews as a red flag for IT workers using false identities: a live face is what ties the person to the ID and the profile photo.`,
        evidence: [checklistEvidence('camera', cam)],
        nextStep: 'Insist on a live video call with the camera on before hiring; compare the face with the profile photo and with a government ID.',
      });
    const tl = concern(ctx, 'timeLocation');
    if (tl)
      out.push({
        title: 'Time or place on camera did not fit the profile (your notes)',
        explanation: `Your interview checklist marks a concern that the time of day, the place or the look on camera did not fit the claimed location${noteSuffix(tl)}. The FBI guidance (PSA 2023) lists such inconsistencies seen on camera as a red flag.`,
        evidence: [checklistEvidence('timeLocation', tl)],
        nextStep: 'Hold another live video call at a time agreed in the claimed time zone; verify the ID and the address (for example against the equipment shipping address).',
      });
    return out;
  },
};
