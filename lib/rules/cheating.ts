import type { Rule } from './types';
import { SOURCES } from './sources';
import { checklistEvidence, concern } from './notes-helpers';
import { noteP, texts, draft } from './msg';

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
      draft(texts('f_cheating', [noteP(ra)]), [checklistEvidence('readingAnswers', ra)]),
    ];
  },
};
