import type { Rule } from './types';
import { squashSpace } from '../text/fold';
import { SOURCES } from './sources';
import { joinP, nest, texts, draft } from './msg';

/** Employer names that name no one. */
export const VAGUE_EMPLOYER =
  /^(?:freelanc\w*|self[- ]?employed|confidential(?: client| company)?|under nda|nda|\(?nda\)?|private (?:client|company|firm)|stealth(?: startup| mode)?|various(?: clients| companies)?|multiple clients|independent(?: contractor| consultant| developer)?|undisclosed(?: client| company)?|n\/?a|none|-+|\.+|remote|contract(?:or)?|client|company)$/i;

const BRACKET = /[()[\]]/;
const BRACKETS = /[()[\]]/g;

function vague(company: string | null): boolean {
  const raw = company ?? '';
  const c = squashSpace(BRACKET.test(raw) ? raw.replace(BRACKETS, ' ') : raw);
  return !c || VAGUE_EMPLOYER.test(c) || /\b(confidential|under nda|undisclosed)\b/i.test(c);
}
const unnamed = (company: string | null) => !company?.trim() || /\b(confidential|nda|undisclosed|stealth)\b/i.test(company);

export const empVague: Rule = {
  meta: {
    id: 'emp-vague',
    title: 'No named employer in the work history',
    category: 'employment',
    severity: 'low',
    weight: 'weak',
    indicator: { source: 'ADV22', url: SOURCES.ADV22.url },
    description:
      'Reports a work history in which every entry is unnamed or vague ("Freelance", "Self-employed", "Confidential", "NDA", or no company at all): two or more such entries, or one that hides the employer (confidential, NDA, missing). The 2022 State/Treasury/FBI advisory notes surprisingly simple profiles and unverifiable histories. Freelancing is common, so this is weak.',
  },
  check(p) {
    const n = p.employment.length;
    if (!n || !p.employment.every((e) => vague(e.company))) return [];
    if (n === 1 && !unnamed(p.employment[0]!.company)) return [];
    return [
      draft(
        texts('f_empVague', [n, joinP(p.employment.map((e) => (e.company?.trim() ? nest('f_empVague_company', e.company.trim()) : nest('f_empVague_noCompany'))))], { title: n === 1 ? 'f_empVagueOne_title' : 'f_empVagueMany_title' }),
        p.employment.map((e, i) => (e.company?.trim() ? { field: `employment[${i}].company`, excerpt: e.company } : { field: `employment[${i}].raw`, excerpt: e.raw || '(empty entry)' })),
      ),
    ];
  },
};
