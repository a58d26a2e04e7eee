import { describeIdentity, listWords } from '../history/describe';
import type { Rule } from './types';
import { SOURCES } from './sources';

const KIND_WORDS = { link: 'link', email: 'e-mail address', phone: 'phone number', handle: 'messenger handle' } as const;

export const linksShared: Rule = {
  meta: {
    id: 'links-shared',
    title: 'The same link, e-mail, phone or handle under another identity',
    category: 'links',
    severity: 'high',
    weight: 'strong',
    indicator: { source: 'ADV22', url: SOURCES.ADV22.url },
    description:
      "Compares the profile's links, e-mail addresses, phone numbers and messenger handles (normalized: host without www, no tracking parameters, digits only) with profiles checked before under other names and not linked to this one. The 2022 State/Treasury/FBI advisory notes the same portfolio, accounts and contact details across different identities. Needs the history of checked profiles; a shared agency or employer page can also explain it.",
  },
  check(_p, ctx) {
    const hits = ctx.history?.contacts ?? [];
    if (!hits.length) return [];
    const values = [...new Set(hits.map((h) => `${KIND_WORDS[h.contact.kind]} ${h.contact.raw || h.contact.value}`))];
    const others = [...new Map(hits.map((h) => [h.other.key, describeIdentity(h.other)])).values()];
    return [
      {
        title: `${others.length === 1 ? 'A profile' : `${others.length} profiles`} with another name ${others.length === 1 ? 'shares' : 'share'} ${values.length === 1 ? 'a contact or link' : `${values.length} contacts or links`}`,
        explanation: `The ${listWords(values)} on this profile ${values.length === 1 ? 'also appears' : 'also appear'} on ${listWords(others)}, which you checked before. The 2022 State/Treasury/FBI advisory notes the same portfolio, accounts or contact details used by different identities. An agency, an employer or a shared portfolio can explain it: whose ${values.length === 1 ? 'is it' : 'are they'}?`,
        evidence: hits.map((h, i) => ({ field: `history.contacts[${i}]`, excerpt: `${h.contact.raw || h.contact.value} (normalized ${h.contact.value}) also on ${describeIdentity(h.other)}` })),
        nextStep: 'Open the other profile(s); ask the candidate about the shared link or contact; verify the portfolio or repository is theirs (commits under their name, a live demo in a video call).',
      },
    ];
  },
};
