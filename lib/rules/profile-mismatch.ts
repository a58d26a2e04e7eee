import { PLATFORM_LABELS } from '../history/describe';
import { namesCompatible } from '../history/match';
import { foldText } from '../text/fold';
import type { HistoryMatches, ProfileSnapshot } from '../history/schema';
import type { Profile } from '../profile/schema';
import type { Evidence } from '../report/schema';
import { VAGUE_EMPLOYER } from './emp-vague';
import { identityP, texts, draft as makeDraft, type MsgParam } from './msg';
import { SOURCES } from './sources';
import type { FindingDraft, Rule } from './types';

type Linked = NonNullable<HistoryMatches['linked']>[number];

/** Words that say what kind of organization it is, not which one. */
const GENERIC = new Set(
  (
    'inc llc ltd limited gmbh ag ab oy as sa srl sas bv nv plc pty co corp corporation company group holding holdings international global ' +
    'the of and at in de la le der fur for & technologies technology tech software solutions systems services digital labs lab studio studios ' +
    'consulting analytics data health bank retail partners ventures media agency network networks it dev development ' +
    'university universitat universite universidad universidade college school institute institut academy polytechnic national state royal ' +
    'faculty department campus higher education center centre'
  ).split(' '),
);
/** The words that name the organization ("Nordlys Analytics AB" → nordlys; "KTH Royal Institute of Technology" → kth). */
function nameWords(s: string): string[] {
  const all = foldText(s).split(' ').filter(Boolean);
  const own = all.filter((w) => !GENERIC.has(w) && w.length > 1);
  return own.length ? own : all;
}
/** Two organization names that can be the same place: a naming word in common ("Acme" and "Acme Corp"). */
function sameOrg(a: string, b: string): boolean {
  const x = new Set(nameWords(a));
  return nameWords(b).some((w) => x.has(w));
}
/** Person names as sites show them: initials, order and a missing surname ("Daniel" on GitHub) are allowed. */
function sameName(a: string, b: string): boolean {
  if (namesCompatible(a, b)) return true;
  const [x, y] = [foldText(a).split(' ').filter(Boolean), foldText(b).split(' ').filter(Boolean)];
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (!short.length) return true;
  return short.every((t) => long.some((u) => u === t || (t.length === 1 && u.startsWith(t)) || (u.length === 1 && t.startsWith(u))));
}
const named = (companies: (string | null)[]): string[] => companies.filter((c): c is string => !!c?.trim() && !VAGUE_EMPLOYER.test(c.trim()));

const KEYS = {
  name: 'f_profMismatchName',
  location: 'f_profMismatchLocation',
  employers: 'f_profMismatchEmployers',
  schools: 'f_profMismatchSchools',
} as const;

/** `params[0]` is the other profile's site (the title's $1); the explanation uses the rest (lib/rules/msg.ts texts). */
function draft(kind: keyof typeof KEYS, params: MsgParam[], evidence: Evidence[], severity?: FindingDraft['severity']): FindingDraft {
  return makeDraft(texts(KEYS[kind], params), evidence, severity);
}

const quoteList = (xs: readonly string[]): string => xs.map((x) => `"${x}"`).join(', ');

/** A move shown with dates: a dated job in the other profile's country, on either profile. */
function moved(p: Profile, s: ProfileSnapshot, here: string, there: string): boolean {
  return p.employment.some((e) => e.start && e.country === there) || s.employment.some((e) => e.start && e.country === here);
}

function compare(p: Profile, l: Linked, i: number): FindingDraft[] {
  const s = l.snapshot;
  const site = PLATFORM_LABELS[l.other.platform];
  const who = identityP(l.other);
  const when = l.checkedAt.slice(0, 10);
  const at = `history.linked[${i}].snapshot`;
  const out: FindingDraft[] = [];

  if (p.name && s.name && !sameName(p.name, s.name))
    out.push(draft('name', [site, p.name, who, s.name, when], [{ field: 'name', excerpt: p.name }, { field: `${at}.name`, excerpt: `${s.name} (${site})` }]));

  const here = p.location?.country;
  const there = s.location?.country;
  if (here && there && here !== there && !moved(p, s, here, there))
    out.push(
      draft(
        'location',
        [site, p.location!.raw, here, who, s.location!.raw, there, when],
        [{ field: 'location.raw', excerpt: p.location!.raw }, { field: `${at}.location.raw`, excerpt: `${s.location!.raw} (${site})` }],
      ),
    );

  const mine = named(p.employment.map((e) => e.company));
  const theirs = named(s.employment.map((e) => e.company));
  if (mine.length >= 2 && theirs.length >= 2 && !mine.some((a) => theirs.some((b) => sameOrg(a, b))))
    out.push(
      draft(
        'employers',
        [site, quoteList(mine), who, quoteList(theirs), when],
        [...p.employment.flatMap((e, k) => (e.company && mine.includes(e.company) ? [{ field: `employment[${k}].company`, excerpt: e.company }] : [])), ...s.employment.flatMap((e, k) => (e.company && theirs.includes(e.company) ? [{ field: `${at}.employment[${k}].company`, excerpt: `${e.company} (${site})` }] : []))],
        'medium',
      ),
    );

  const schools = p.education.map((e) => e.school).filter((x) => x.trim());
  const theirSchools = s.education.map((e) => e.school).filter((x) => x.trim());
  if (schools.length && theirSchools.length && !schools.some((a) => theirSchools.some((b) => sameOrg(a, b))))
    out.push(
      draft(
        'schools',
        [site, quoteList(schools), who, quoteList(theirSchools), when],
        [...p.education.flatMap((e, k) => (e.school.trim() ? [{ field: `education[${k}].school`, excerpt: e.school }] : [])), ...s.education.flatMap((e, k) => (e.school.trim() ? [{ field: `${at}.education[${k}].school`, excerpt: `${e.school} (${site})` }] : []))],
        'low',
      ),
    );
  return out;
}

export const profileMismatch: Rule = {
  meta: {
    id: 'profile-mismatch',
    title: "Name, location, education or work history differ between this person's profiles",
    category: 'text',
    severity: 'high',
    weight: 'strong',
    indicator: { source: 'ADV22', url: SOURCES.ADV22.url },
    description:
      "Compares the profile with the same person's other accounts that you checked before and that the pages link together (this profile links to a LinkedIn, GitHub or other marketplace profile, or that profile links to this one): a different name (initials, word order and a missing surname allowed), another country (unless a dated job on either profile shows a move there), no employer in common when both list two or more named ones (medium), no school in common (low). The 2022 State/Treasury/FBI advisory and the FBI guidance (2023) list profiles that do not match the same person's résumé or other accounts as a red flag. Needs the history of checked profiles; the over-time part (one account changing between checks) is profile-changed.",
  },
  check(p, ctx) {
    const linked = ctx.history?.linked ?? [];
    return linked.flatMap((l, i) => compare(p, l, i));
  },
};
