import type { Rule } from './types';
import { SOURCES } from './sources';
import { cap, findSentences, places } from './text';

const APP = '(?:telegram|whats ?app|skype|signal|discord|wechat|weixin|kakao ?talk|viber|line (?:id|app))';
/** A handle, number or id next to a messaging app, or an invitation to talk there. */
const HANDLE = new RegExp(
  [
    `\\b${APP}\\b\\s*(?:id|handle|number|no\\.?)?\\s*[:\\-]?\\s*(?:@[\\w.]{3,}|\\+?\\d[\\d \\-]{6,}|live:[\\w.]+|t\\.me/\\w+)`,
    `\\b(?:contact|reach|message|text|ping|add|call|talk(?:\\s+to)?|chat(?:\\s+with)?|find|dm)\\s+me\\b[^.!?]{0,40}\\b${APP}\\b`,
    `\\b(?:let'?s|we can|we could|please)\\s+(?:talk|chat|connect|continue|discuss|move)\\b[^.!?]{0,30}\\b(?:on|via|over|to)\\s+${APP}\\b`,
    `\\bt\\.me/\\w+`,
    `\\b(?:outside (?:of )?(?:upwork|fiverr|freelancer|the platform|this platform|the site)|off[- ]platform)\\b`,
  ].join('|'),
  'i',
);

export const offPlatform: Rule = {
  meta: {
    id: 'off-platform',
    title: 'Invites contact or work off the platform',
    category: 'links',
    severity: 'low',
    weight: 'weak',
    indicator: { source: 'ADV22', url: SOURCES.ADV22.url },
    description:
      'Looks in the headline and overview for messaging handles (Telegram, WhatsApp, Skype, WeChat…) or invitations to move the conversation or the work off the platform. The 2022 State/Treasury/FBI advisory and the German BfV note that IT workers using false identities ask to move to outside messaging early. Many freelancers share such handles, so this is weak. Mentions of building bots or apps for these services are not counted.',
  },
  check(p) {
    const hits = findSentences(p, HANDLE, { fields: ['headline', 'overview'] });
    if (!hits.length) return [];
    return [
      {
        title: 'Messaging handle or off-platform contact in the profile',
        explanation: `${cap(places(hits))} invite${hits.length === 1 ? 's' : ''} contact outside the platform ("${hits[0]!.match}"). The 2022 State/Treasury/FBI advisory notes that IT workers using false identities ask early to move to messaging apps, where the platform's checks and records no longer apply. Many honest freelancers do this too; it is a weak sign.`,
        evidence: hits.map(({ field, excerpt }) => ({ field, excerpt })),
        nextStep: 'Keep messages, contracts and payment on the platform; hold a video call with the camera on before hiring.',
      },
    ];
  },
};
