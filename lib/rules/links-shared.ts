import { describeIdentity } from '../history/describe';
import type { Rule } from './types';
import { SOURCES } from './sources';
import { identityP, listWordsP, nest, texts, draft } from './msg';

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
    const byValue = new Map(hits.map((h) => [`${KIND_WORDS[h.contact.kind]} ${h.contact.raw || h.contact.value}`, nest(`f_linksShared_${h.contact.kind}`, h.contact.raw || h.contact.value)]));
    const values = [...byValue.values()];
    const others = [...new Map(hits.map((h) => [h.other.key, identityP(h.other)])).values()];
    const one = others.length === 1;
    return [
      draft(
        texts('f_linksShared', [one ? nest('f_linksShared_oneProfile') : nest('f_linksShared_profiles', others.length), nest(one ? 'f_linksShared_shares' : 'f_linksShared_share'), values.length === 1 ? nest('f_linksShared_oneValue') : nest('f_linksShared_values', values.length), listWordsP(values), listWordsP(others)], { explanation: values.length === 1 ? 'f_linksSharedOne_expl' : 'f_linksSharedMany_expl' }),
        hits.map((h, i) => ({ field: `history.contacts[${i}]`, excerpt: `${h.contact.raw || h.contact.value} (normalized ${h.contact.value}) also on ${describeIdentity(h.other)}` })),
      ),
    ];
  },
};
