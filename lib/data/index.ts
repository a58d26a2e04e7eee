/**
 * Reference data for the rules: universities with their countries (Hipo list, MIT; see universities.SOURCE.md) and
 * named front companies / seized domains (front-companies.json, each entry with its source). Pure: no browser APIs.
 */
import { distance } from 'fastest-levenshtein';
import frontData from './front-companies.json';
import universityRows from './universities.json';

export function normalizeName(s: string): string {
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
let uniNames: string[] = [];
function universities(): Map<string, string> {
  if (!uniIndex) {
    uniIndex = new Map();
    for (const [name, cc] of universityRows as [string, string][]) {
      const n = normalizeName(name);
      if (!uniIndex.has(n)) uniIndex.set(n, cc);
    }
    uniNames = [...uniIndex.keys()].filter((n) => n.split(' ').length >= 2).sort((a, b) => b.length - a.length);
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
  const idx = universities();
  const n = normalizeName(school);
  if (!n) return null;
  const exact = idx.get(n);
  if (exact) return { name: school, country: exact, how: 'exact' };
  // "Dalian University of Technology, Dalian, China" → the longest listed name contained as whole words.
  const padded = ` ${n} `;
  for (const u of uniNames) {
    if (u.length >= 10 && padded.includes(` ${u} `)) return { name: u, country: idx.get(u)!, how: 'contained' };
  }
  return null;
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
function coreName(s: string): string {
  return normalizeName(s).replace(LEGAL, ' ').replace(/\s+/g, ' ').trim();
}

const frontCores = FRONT_ENTRIES.flatMap((e) => [e.name, ...e.variants].map((n) => ({ full: normalizeName(n), core: coreName(n), entry: e })));

/**
 * A named front company or institution matching a name, tolerant of legal suffixes (Co., Ltd., LLC), spacing and
 * punctuation, and one or two typos on longer names. Null when nothing matches.
 */
export function matchFrontName(name: string, kinds: FrontEntry['kind'][] = ['company', 'institution']): FrontEntry | null {
  const full = normalizeName(name);
  const c = coreName(name);
  const squashed = c.replace(/ /g, '');
  for (const { full: listedFull, core, entry } of frontCores) {
    if (!kinds.includes(entry.kind)) continue;
    if (full === listedFull) return entry; // exact full name, even when short ("WKJ LLC")
    if (c.length < 4 || core.length < 4) continue;
    const cs = core.replace(/ /g, '');
    if (c === core || squashed === cs) return entry;
    if (` ${c} `.includes(` ${core} `) && core.split(' ').length >= 2) return entry;
    const tolerance = cs.length >= 14 ? 2 : cs.length >= 8 ? 1 : 0;
    if (tolerance && Math.abs(squashed.length - cs.length) <= tolerance && distance(squashed, cs) <= tolerance) return entry;
  }
  return null;
}

/** A seized or front-company domain that a URL or host belongs to, or null. */
export function matchFrontDomain(urlOrHost: string): FrontEntry | null {
  let host: string;
  try {
    host = new URL(urlOrHost.includes('://') ? urlOrHost : `https://${urlOrHost}`).hostname.toLowerCase();
  } catch {
    return null;
  }
  for (const e of FRONT_ENTRIES) for (const d of e.domains) if (host === d || host.endsWith(`.${d}`)) return e;
  return null;
}
