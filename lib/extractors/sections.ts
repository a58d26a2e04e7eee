/**
 * The heading-based reader: turns the entries under "Education", "Employment history"/"Experience", "Languages"
 * sections into schema entries. Used as the last tier by every site extractor and as the body of the generic one.
 */
import type { Education, Employment, Language } from '../profile/schema';
import { all, textOf, visibleText } from './dom';
import { clean, cleanOrNull, findDateRange, parseLocation } from './parse';

export const EDUCATION_HEADING = /^(education|academic background|qualifications|学歴|教育|학력|образование|ausbildung|formation|educación|formação)\b/i;
export const EMPLOYMENT_HEADING =
  /^(employment( history)?|experience|work experience|professional experience|work history|career|職歴|经历|工作经历|경력|опыт работы|berufserfahrung|expérience|experiencia)\b/i;
export const LANGUAGES_HEADING = /^(languages?|言語|语言|언어|языки|sprachen|langues|idiomas)\b/i;

const ENTRY_SELECTORS = [
  ':scope > li',
  ':scope > ul > li',
  ':scope > ol > li',
  ':scope > article',
  ':scope > section',
  ':scope > div > section',
  ':scope > [class*="card-section"]',
  ':scope > div',
];

/** Split a section into entry elements: the first selector that yields two or more, or one with text. */
export function entriesOf(section: Element): Element[] {
  for (const sel of ENTRY_SELECTORS) {
    const els = all(section, sel).filter((e) => {
      const t = textOf(e);
      return t.length > 0 && !/^h[1-6]$/i.test(e.tagName) && !EDUCATION_HEADING.test(t) && !EMPLOYMENT_HEADING.test(t);
    });
    if (els.length >= 1) return els;
  }
  return [];
}

function linesOf(el: Element): string[] {
  return visibleText(el)
    .split('\n')
    .map((l) => clean(l))
    .filter(Boolean);
}

const SCHOOL_WORD = /(universit|college|institut|school|academy|polytechnic|hochschule|école|escuela|universidad|universidade|大学|大學|学院|대학|학교|университет)/i;
const DEGREE_WORD =
  /\b(bachelor|master|doctor|ph\.?d|mba|b\.?sc?|m\.?sc?|b\.?eng|m\.?eng|b\.?a\b|m\.?a\b|b\.?tech|m\.?tech|associate|diploma|degree|certificate|licen[cs]e)|学士|修士|博士|학사|석사|бакалавр|магистр/i;
const DATE_ONLY = /^[\s\d\p{L}.,/–—~-]*\d{4}[\s\d\p{L}.,/–—~-]*$/u;

export function readEducationEntry(el: Element): Education | null {
  const lines = linesOf(el);
  if (!lines.length) return null;
  const raw = lines.join(' · ');
  const head = textOf(el.querySelector('h3,h4,h5,strong,[itemprop="name"]'));
  const school = head && !DEGREE_WORD.test(head) ? head : (lines.find((l) => SCHOOL_WORD.test(l)) ?? lines[0]!);
  const range = findDateRange(raw);
  const degreeLine = lines.find((l) => l !== school && DEGREE_WORD.test(l) && !(DATE_ONLY.test(l) && findDateRange(l)));
  let degree: string | null = null;
  let field: string | null = null;
  if (degreeLine) {
    const [d, ...rest] = degreeLine.split(/\s*,\s*|\s+in\s+|\s+·\s+/);
    degree = cleanOrNull(d);
    field = cleanOrNull(rest.join(', '));
  }
  return {
    school: clean(school.replace(/\s*[·,]?\s*\d{4}\s*[-–—]\s*(\d{4}|present)\s*$/i, '')),
    degree,
    field,
    start: range?.start ?? null,
    end: range?.end ?? null,
    raw,
  };
}

/** "Title | Company", "Title at Company", "Title @ Company", "Company · Full-time". */
export function splitTitleCompany(s: string): { title: string | null; company: string | null } {
  const t = clean(s);
  let m = t.match(/^(.+?)\s*[|｜]\s*(.+)$/);
  if (m) return { title: cleanOrNull(m[1]), company: cleanOrNull(m[2]) };
  m = t.match(/^(.+?)\s+(?:at|@)\s+(.+)$/i);
  if (m) return { title: cleanOrNull(m[1]), company: cleanOrNull(m[2]) };
  return { title: cleanOrNull(t), company: null };
}

export function readEmploymentEntry(el: Element): Employment | null {
  const lines = linesOf(el);
  if (!lines.length) return null;
  const raw = lines.join(' · ');
  const headEl = el.querySelector('h3,h4,h5,[role="presentation"],strong');
  const head = textOf(headEl) || lines[0]!;
  const split = splitTitleCompany(head);
  const title = split.title;
  let company = split.company;
  const rest = lines.filter((l) => l !== head);
  if (!company && rest.length) {
    // "Title" then "Company" on the next line (LinkedIn-like layouts).
    const next = rest.find((l) => !findDateRange(l));
    if (next && next.length < 80) {
      company = clean(next.split(/\s+·\s+/)[0]);
    }
  }
  const dateLine = rest.find((l) => findDateRange(l) && l.length < 80);
  const range = dateLine ? findDateRange(dateLine) : findDateRange(raw);
  let location: string | null = null;
  let country: string | null = null;
  const descLines = rest.filter((l) => l !== dateLine && l !== company);
  for (const l of descLines) {
    const first = l.split(/\.\s/)[0]!.replace(/\.$/, '');
    if (first.length > 60) continue;
    const loc = parseLocation(first);
    if (loc.country) {
      location = first;
      country = loc.country;
      break;
    }
  }
  const joined = descLines.join(' ');
  const description = cleanOrNull(location ? joined.replace(new RegExp(`${location.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.?`), '') : joined);
  return {
    company,
    title,
    location,
    country,
    start: range?.start ?? null,
    end: range?.present ? null : (range?.end ?? null),
    description,
    raw,
  };
}

export function readLanguage(el: Element): Language | null {
  const t = textOf(el);
  if (!t) return null;
  const m = t.match(/^([^:–—-]+?)\s*[:–—-]\s*(.+)$/);
  if (m) return { name: clean(m[1]), level: cleanOrNull(m[2]) };
  return { name: t, level: null };
}

export function readEntries<T>(section: Element | null, read: (el: Element) => T | null): T[] {
  if (!section) return [];
  const out: T[] = [];
  for (const e of entriesOf(section)) {
    try {
      const v = read(e);
      if (v) out.push(v);
    } catch {
      // One odd entry does not stop the others.
    }
  }
  return out;
}
