import type { FindingDraft, Rule } from './types';
import { hitEvidence, hitsOf, pasteAnalysis, pasteNames } from './notes-helpers';
import { OFF_PLATFORM as HANDLE } from './patterns';
import { SOURCES } from './sources';
import { cap, findSentences, places } from './text';


export const offPlatform: Rule = {
  meta: {
    id: 'off-platform',
    title: 'Invites contact or work off the platform',
    category: 'links',
    severity: 'low',
    weight: 'weak',
    indicator: { source: 'ADV22', url: SOURCES.ADV22.url },
    description:
      'Looks in the headline and overview for messaging handles (Telegram, WhatsApp, Skype, WeChat…) or invitations to move the conversation or the work off the platform. The 2022 State/Treasury/FBI advisory and the German BfV note that IT workers using false identities ask to move to outside messaging early. Many freelancers share such handles, so this is weak. Mentions of building bots or apps for these services are not counted. Messages the hiring manager pasted are read the same way.',
  },
  check(p, ctx) {
    const out: FindingDraft[] = [];
    const a = pasteAnalysis(p, ctx);
    const pasted = a ? hitsOf(a, 'off-platform') : [];
    if (pasted.length)
      out.push({
        title: 'Asks to move off the platform (your pasted messages)',
        explanation: `${cap(pasteNames(pasted))} in your notes invite${pasted.length === 1 ? 's' : ''} contact or work outside the platform ("${pasted[0]!.match}"). The 2022 State/Treasury/FBI advisory notes that IT workers using false identities ask early to move to messaging apps, where the platform's checks and records no longer apply. Many honest freelancers do this too; it is a weak sign.`,
        evidence: hitEvidence(pasted),
        nextStep: 'Keep messages, contracts and payment on the platform; hold a live video call with the camera on before hiring.',
      });
    const hits = findSentences(p, HANDLE, { fields: ['headline', 'overview'] });
    if (!hits.length) return out;
    return [
      ...out,
      {
        title: 'Messaging handle or off-platform contact in the profile',
        explanation: `${cap(places(hits))} invite${hits.length === 1 ? 's' : ''} contact outside the platform ("${hits[0]!.match}"). The 2022 State/Treasury/FBI advisory notes that IT workers using false identities ask early to move to messaging apps, where the platform's checks and records no longer apply. Many honest freelancers do this too; it is a weak sign.`,
        evidence: hits.map(({ field, excerpt }) => ({ field, excerpt })),
        nextStep: 'Keep messages, contracts and payment on the platform; hold a video call with the camera on before hiring.',
      },
    ];
  },
};
