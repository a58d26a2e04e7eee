import type { Change } from '../history/schema';
import type { Rule } from './types';
import { SOURCES } from './sources';
import { joinP, nest, texts, draft } from './msg';

const WATCHED: readonly Change['field'][] = ['name', 'photo', 'location', 'payment'];
const WORDS: Record<Change['field'], string> = { name: 'name', photo: 'photo', location: 'location', payment: 'payment details', links: 'links', headline: 'headline' };
const PATH: Record<Change['field'], string> = { name: 'name', photo: 'photo.url', location: 'location.raw', payment: 'paymentMentions', links: 'links', headline: 'headline' };

export const profileChanged: Rule = {
  meta: {
    id: 'profile-changed',
    title: 'Name, photo, location or payment details changed between checks',
    category: 'account',
    severity: 'medium',
    weight: 'medium',
    indicator: { source: 'ADV22', url: SOURCES.ADV22.url },
    description:
      "The over-time part of the catalogue's profile-mismatch indicator: compares this profile with what it showed when you checked it before. A changed name, a different photo, a new location or changed payment details on one account are among the inconsistencies the 2022 State/Treasury/FBI advisory and the FBI guidance (PSA 2023) list (accounts are rented, sold or reused by other people). A field missing from a partial read is not counted as a change. People move and update profiles, so this is a medium sign.",
  },
  check(p, ctx) {
    const h = ctx.history;
    if (!h) return [];
    // A different photo is reported by photo-varies when its hashes are known; do not count it twice.
    const photoElsewhere = h.photoVaries.length > 0;
    const changes = h.changes.filter((c) => WATCHED.includes(c.field) && !(c.field === 'photo' && photoElsewhere));
    if (!changes.length) return [];
    const onPage = (f: Change['field']) => (f === 'photo' ? !!p.photo : f === 'location' ? !!p.location : f === 'payment' ? p.paymentMentions.length > 0 : !!p.name);
    const fields = [...new Set(changes.map((c) => c.field))].map((f) => nest(`f_profileChanged_${f}`));
    const show = (c: Change) => `${WORDS[c.field]}: "${(c.from ?? '—').slice(0, 120)}" → "${(c.to ?? '—').slice(0, 120)}" (seen ${c.at.slice(0, 10)})`;
    return [
      draft(
        texts('f_profileChanged', [joinP(fields), joinP(changes.slice(-3).map((c) => nest('f_profileChanged_show', nest(`f_profileChanged_${c.field}`), (c.from ?? '—').slice(0, 120), (c.to ?? '—').slice(0, 120), c.at.slice(0, 10))), 'l_semi')]),
        changes.slice(-5).map((c) => ({ field: onPage(c.field) ? PATH[c.field] : 'history.changes', excerpt: show(c) })),
      ),
    ];
  },
};
