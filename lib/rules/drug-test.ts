import type { FindingDraft, Rule } from './types';
import { SOURCES } from './sources';
import { checklistEvidence, concern } from './notes-helpers';
import { noteP, texts, draft } from './msg';

export const drugTest: Rule = {
  meta: {
    id: 'drug-test',
    title: 'Undue concern about drug tests or in-person meetings',
    category: 'interview',
    severity: 'medium',
    weight: 'medium',
    indicator: { source: 'PSA23', url: SOURCES.PSA23.url },
    description:
      'Reads the hiring manager\'s interview checklist: a concern marked for "drug test" (undue worry about, or avoidance of, a drug test) or for "in-person meeting" (avoids any in-person meeting). The FBI guidance (PSA 2023) lists undue concern about drug tests and in-person meetings among the red flags. Many people dislike tests or travel for ordinary reasons, so this is a medium sign that calls for verification.',
  },
  check(_p, ctx) {
    const out: FindingDraft[] = [];
    const dt = concern(ctx, 'drugTest');
    if (dt)
      out.push(draft(texts('f_drugTest', [noteP(dt)]), [checklistEvidence('drugTest', dt)]));
    const ip = concern(ctx, 'inPerson');
    if (ip)
      out.push(draft(texts('f_inPerson', [noteP(ip)]), [checklistEvidence('inPerson', ip)]));
    return out;
  },
};
