import type { FindingDraft, Rule } from './types';
import { SOURCES } from './sources';
import { checklistEvidence, concern, noteSuffix } from './notes-helpers';

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
      out.push({
        title: 'Undue concern about a drug test (your notes)',
        explanation: `Your interview checklist marks a concern about how the candidate reacted to a drug test${noteSuffix(dt)}. The FBI guidance (PSA 2023) lists undue concern about drug tests among the red flags, since a test in person ties the worker to an identity.`,
        evidence: [checklistEvidence('drugTest', dt)],
        nextStep: 'Keep the usual hiring steps the same for every candidate; verify identity on a live video call with the camera on and against a government ID.',
      });
    const ip = concern(ctx, 'inPerson');
    if (ip)
      out.push({
        title: 'Avoids any in-person meeting (your notes)',
        explanation: `Your interview checklist marks a concern that the candidate avoids meeting in person${noteSuffix(ip)}. The FBI guidance (PSA 2023) lists avoiding in-person meetings among the red flags.`,
        evidence: [checklistEvidence('inPerson', ip)],
        nextStep: 'Offer an in-person or notarised ID check, or at least a live video call with the camera on and the ID shown; verify the ID against the shipping address.',
      });
    return out;
  },
};
