import type { FindingDraft, Rule } from './types';
import { hitEvidence, hitsOf, pasteAnalysis } from './notes-helpers';
import { OFF_PLATFORM as HANDLE } from './patterns';
import { SOURCES } from './sources';
import { findSentences } from './text';
import { capP, pasteNamesP, placesP, texts, draft } from './msg';

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
      out.push(draft(
        texts('f_offPlatformPasted', [capP(pasteNamesP(pasted)), pasted[0]!.match], { explanation: pasted.length === 1 ? 'f_offPlatformPastedOne_expl' : 'f_offPlatformPastedMany_expl' }),
        hitEvidence(pasted),
      ));
    const hits = findSentences(p, HANDLE, { fields: ['headline', 'overview'] });
    if (!hits.length) return out;
    return [
      ...out,
      draft(texts('f_offPlatform', [capP(placesP(hits)), hits[0]!.match], { explanation: hits.length === 1 ? 'f_offPlatformOne_expl' : 'f_offPlatformMany_expl' }), hits.map(({ field, excerpt }) => ({ field, excerpt }))),
    ];
  },
};
