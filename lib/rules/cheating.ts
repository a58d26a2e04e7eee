import type { Rule } from './types';
import { SOURCES } from './sources';
import { checklistEvidence, concern, noteSuffix } from './notes-helpers';

export const cheating: Rule = {
  meta: {
    id: 'cheating',
    title: 'Signs of reading answers or being coached in the interview',
    category: 'interview',
    severity: 'medium',
    weight: 'medium',
    indicator: { source: 'PSA23', url: SOURCES.PSA23.url },
    description:
      'Reads the hiring manager\'s interview checklist: a concern marked for "reading answers" (pauses and stalls, eyes scanning as if reading, wrong but plausible-sounding answers). The FBI guidance (PSA 2023) lists these interview behaviours among the red flags. Nervousness and a second language cause pauses too, so this is a medium sign.',
  },
  check(_p, ctx) {
    const ra = concern(ctx, 'readingAnswers');
    if (!ra) return [];
    return [
      {
        title: 'Seemed to read answers in the interview (your notes)',
        explanation: `Your interview checklist marks a concern that the candidate seemed to read or be fed answers${noteSuffix(ra)}. The FBI guidance (PSA 2023) describes pauses, stalling, eyes scanning as if reading, and wrong but plausible answers as signs that someone else may be answering.`,
        evidence: [checklistEvidence('readingAnswers', ra)],
        nextStep: 'Hold a follow-up live video call with the camera on and ask open, hands-on questions about the candidate\'s own past work (for example, a screen-shared walk through their code).',
      },
    ];
  },
};
