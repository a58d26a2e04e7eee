/**
 * Reference data for the rules: universities with their countries (Hipo list, MIT; see universities.SOURCE.md) and
 * named front companies / seized domains (front-companies.json, each entry with its source). Pure: no browser APIs.
 */
import { distance } from 'fastest-levenshtein';
import frontData from './front-companies.json';
import universityRows from './universities.json';
import { boundedMemo } from '../memo';

const ASCII_PLAIN = /^[A-Za-z0-9 ]*$/;
export const normalizeName: (s: string) => string = boundedMemo(5000, (s: string) =>
  ASCII_PLAIN.test(s) ? s.toLowerCase().replace(/ +/g, ' ').replace(/^the /, '').trim() : normalizeSlow(s),
);

function normalizeSlow(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/^the /, '')
    .trim();
}

let uniIndex: Map<string, string> | null = null;
/** Listed names of two or more words (10+ characters), by their first word, each list longest first. */
let uniByFirstWord = new Map<string, string[]>();
function universities(): Map<string, string> {
  if (!uniIndex) {
    uniIndex = new Map();
    for (const [name, cc] of universityRows as [string, string][]) {
      const n = normalizeSlow(name);
      if (!uniIndex.has(n)) uniIndex.set(n, cc);
    }
    uniByFirstWord = new Map();
    for (const n of uniIndex.keys()) {
      const sp = n.indexOf(' ');
      if (sp < 0 || n.length < 10) continue;
      const w = n.slice(0, sp);
      const list = uniByFirstWord.get(w);
      if (list) list.push(n);
      else uniByFirstWord.set(w, [n]);
    }
    for (const list of uniByFirstWord.values()) list.sort((a, b) => b.length - a.length);
  }
  return uniIndex;
}

export interface SchoolMatch {
  name: string;
  country: string;
  how: 'exact' | 'contained';
}

/** The country of a school by the university list, or null when the school is not in the list (unverifiable). */
export function lookupSchool(school: string): SchoolMatch | null {
  const r = schoolMatch(school);
  return r && { ...r };
}

/**
 * The same answer without the copy, for callers that only read it (the rules): never modify it. Remembered: the list
 * is static, so a school's answer never changes, and several rules ask about the same schools.
 */
export const schoolMatch: (school: string) => Readonly<SchoolMatch> | null = boundedMemo(2000, (school: string) => lookupSchoolUncached(school));

function lookupSchoolUncached(school: string): SchoolMatch | null {
  const idx = universities();
  const n = normalizeName(school);
  if (!n) return null;
  const exact = idx.get(n);
  if (exact) return { name: school, country: exact, how: 'exact' };
  // "Dalian University of Technology, Dalian, China" → the longest listed name contained as whole words. Only names
  // whose first word occurs in the text can be contained in it.
  const padded = ` ${n} `;
  const words = n.split(' ');
  let best: string | null = null;
  for (let i = 0; i < words.length; i++) {
    for (const u of uniByFirstWord.get(words[i]!) ?? []) {
      if (best && u.length <= best.length) break;
      if (padded.includes(` ${u} `)) {
        best = u;
        break;
      }
    }
  }
  return best ? { name: best, country: idx.get(best)!, how: 'contained' } : null;
}

export interface FrontEntry {
  name: string;
  variants: string[];
  domains: string[];
  kind: 'company' | 'institution';
  country: string | null;
  note: string;
  source: string;
}

export const FRONT_ENTRIES: FrontEntry[] = (frontData as { entries: FrontEntry[] }).entries;

const LEGAL = /\b(co|company|corp|corporation|inc|incorporated|llc|l l c|ltd|limited|plc|gmbh|pte|pvt|private|sa|srl|bv|oy|ab|trading)\b/g;
function coreOf(normalized: string): string {
  return normalized.replace(LEGAL, ' ').replace(/\s+/g, ' ').trim();
}

const frontCores = FRONT_ENTRIES.flatMap((e) =>
  [e.name, ...e.variants].map((n) => {
    const full = normalizeName(n);
    const core = coreOf(full);
    return { full, core, squashed: core.replace(/ /g, ''), words: core.split(' ').length, entry: e };
  }),
);
const frontFull = new Set(frontCores.map((f) => f.full));

/**
 * A named front company or institution matching a name, tolerant of legal suffixes (Co., Ltd., LLC), spacing and
 * punctuation, and one or two typos on longer names. Null when nothing matches.
 */
export function matchFrontName(name: string, kinds: FrontEntry['kind'][] = ['company', 'institution']): FrontEntry | null {
  // The list is static: remember answers (rules ask about the same employers and schools on every check), per set of
  // kinds and then by the name itself (no key string built per lookup).
  const kindsKey = kinds.length === 1 ? kinds[0]! : kinds.join(',');
  let match = frontCache.get(kindsKey);
  if (!match) frontCache.set(kindsKey, (match = boundedMemo(2000, (n: string) => matchFrontNameUncached(n, kinds))));
  return match(name);
}
const frontCache = new Map<string, (name: string) => FrontEntry | null>();

function matchFrontNameUncached(name: string, kinds: FrontEntry['kind'][]): FrontEntry | null {
  const full = normalizeName(name);
  const c = coreOf(full);
  const squashed = c.replace(/ /g, '');
  const padded = ` ${c} `;
  const maybeExact = frontFull.has(full);
  for (const { full: listedFull, core, squashed: cs, words, entry } of frontCores) {
    if (!kinds.includes(entry.kind)) continue;
    if (maybeExact && full === listedFull) return entry; // exact full name, even when short ("WKJ LLC")
    if (c.length < 4 || core.length < 4) continue;
    if (c === core || squashed === cs) return entry;
    if (words >= 2 && padded.includes(` ${core} `)) return entry;
    const tolerance = cs.length >= 14 ? 2 : cs.length >= 8 ? 1 : 0;
    if (tolerance && Math.abs(squashed.length - cs.length) <= tolerance && distance(squashed, cs) <= tolerance) return entry;
  }
  return null;
}

/** A seized or front-company domain that a URL or host belongs to, or null. */
export const matchFrontDomain: (urlOrHost: string) => FrontEntry | null = boundedMemo(2000, (urlOrHost: string) => matchFrontDomainUncached(urlOrHost));

function matchFrontDomainUncached(urlOrHost: string): FrontEntry | null {
  let host: string;
  try {
    host = new URL(urlOrHost.includes('://') ? urlOrHost : `https://${urlOrHost}`).hostname.toLowerCase();
  } catch {
    return null;
  }
  for (const e of FRONT_ENTRIES) for (const d of e.domains) if (host === d || host.endsWith(`.${d}`)) return e;
  return null;
}
