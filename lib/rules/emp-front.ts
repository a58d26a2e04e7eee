import { matchFrontDomain, matchFrontName, type FrontEntry } from '../data';
import type { Evidence } from '../report/schema';
import type { Rule } from './types';
import { hitsOf, pasteAnalysis } from './notes-helpers';
import { SOURCES } from './sources';
import { where } from './text';
import { nest, texts, draft, type MsgParam } from './msg';

/** The kinds asked for (never changed by matchFrontName), made once. */
const COMPANY: FrontEntry['kind'][] = ['company'];
const INSTITUTION: FrontEntry['kind'][] = ['institution'];

export const empFront: Rule = {
  meta: {
    id: 'emp-front',
    title: 'Employer, school or link matches a named front company or seized site',
    category: 'employment',
    severity: 'high',
    weight: 'strong',
    indicator: { source: 'OFAC', url: SOURCES.OFAC.url },
    description:
      'Compares employers, schools and links with names on US sanctions and law-enforcement lists of DPRK IT-worker front companies, seized web sites and DPRK institutions (lib/data/front-companies.json, each with its source). In the payment instructions and messages the hiring manager pasted, it compares payee names, links and e-mail domains too. It also covers the catalogue\'s edu-dprk indicator (a school that is a DPRK institution named in the 2022 advisory).',
  },
  check(p, ctx) {
    const hits: { entry: FrontEntry; ev: Evidence }[] = [];
    for (let i = 0; i < p.employment.length; i++) {
      const e = p.employment[i]!;
      const m = e.company ? matchFrontName(e.company, COMPANY) : null;
      if (m) hits.push({ entry: m, ev: { field: `employment[${i}].company`, excerpt: e.company! } });
    }
    for (let i = 0; i < p.education.length; i++) {
      const e = p.education[i]!;
      const m = matchFrontName(e.school, INSTITUTION);
      if (m) hits.push({ entry: m, ev: { field: `education[${i}].school`, excerpt: e.school } });
    }
    for (let i = 0; i < p.links.length; i++) {
      const l = p.links[i]!;
      const m = matchFrontDomain(l.url);
      if (m) hits.push({ entry: m, ev: { field: `links[${i}].url`, excerpt: l.url } });
    }
    const a = pasteAnalysis(p, ctx);
    if (a) {
      const seen = new Set<string>();
      for (const h of hitsOf(a, 'payee', 'link', 'contact')) {
        const m =
          h.kind === 'payee' ? matchFrontName(h.name, COMPANY) : h.kind === 'link' ? matchFrontDomain(h.host) : h.kind === 'contact' && h.contact === 'email' ? matchFrontDomain(h.value.split('@')[1]!) : null;
        if (!m || seen.has(`${h.field}|${m.name}`)) continue;
        seen.add(`${h.field}|${m.name}`);
        hits.push({ entry: m, ev: { field: h.field, excerpt: h.excerpt } });
      }
    }
    return hits.map(({ entry, ev }) => {
      const inst = entry.kind === 'institution';
      const notes = ev.field.startsWith('notes.');
      const pasted = ev.field.match(/^notes\.pasted\[(\d+)\]/);
      const place: MsgParam = pasted ? nest('w_paste', Number(pasted[1]) + 1) : where(ev.field).replace(/ in your notes$/, '');
      return draft(
        texts('f_empFront', [entry.name, ev.excerpt, entry.note, entry.source, ...(notes ? [place] : [])], { title: inst ? 'f_empFrontInst_title' : 'f_empFront_title', explanation: notes ? 'f_empFrontNotes_expl' : 'f_empFront_expl', nextStep: inst ? 'f_empFrontInst_next' : 'f_empFront_next' }),
        [ev],
      );
    });
  },
};
