/**
 * The generic extractor: any page that no site extractor handles (a portfolio, a resume site, a smaller
 * marketplace). Tiers: schema.org Person/ProfilePage in JSON-LD → microdata (schema.org Person) and microformats2
 * (h-card, h-resume) → OpenGraph/meta and the h1 → section headings ("Education", "Experience", "Work history"…).
 */
import { emptyAccount } from '../profile/fields';
import type { Education, Employment, Link, Profile } from '../profile/schema';
import { ProfileBuilder } from './builder';
import { absUrl, all, bodyOf, first, hasType, jsonLd, sectionByHeading, textOf, visibleText } from './dom';
import {
  hCardLocation,
  hResumeEducation,
  hResumeEmployment,
  mf,
  mfText,
  mfUrl,
  microdataAddress,
  microdataEducation,
  microdataEmployment,
  microdataPerson,
  prop,
  props,
  propValue,
  representativeHCard,
} from './microdata';
import { clean, cleanOrNull, linkKind, parseDatePoint, parseLocation } from './parse';
import {
  EDUCATION_HEADING,
  EMPLOYMENT_HEADING,
  LANGUAGES_HEADING,
  readEducationEntry,
  readEmploymentEntry,
  readEntries,
  readLanguage,
} from './sections';
import type { ExtractOptions, Extractor } from './types';

function meta(doc: Document, names: string[]): string | null {
  for (const n of names) {
    const el = first(doc, [`meta[property="${n}"]`, `meta[name="${n}"]`]);
    const c = cleanOrNull(el?.getAttribute('content'));
    if (c) return c;
  }
  return null;
}

function ldString(v: unknown): string | null {
  if (typeof v === 'string') return cleanOrNull(v);
  if (Array.isArray(v)) return ldString(v[0]);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return ldString(o['contentUrl'] ?? o['url'] ?? o['name']);
  }
  return null;
}

function readLinks(doc: Document, base: string, person: Record<string, unknown> | null, md: Element | null, card: Element | null): Link[] {
  const out: Link[] = [];
  const push = (u: string | null) => {
    if (u) out.push({ url: u, kind: linkKind(u) });
  };
  const same = person?.['sameAs'];
  for (const s of Array.isArray(same) ? same : typeof same === 'string' ? [same] : []) push(absUrl(String(s), base));
  if (md) for (const el of [...props(md, 'sameAs'), ...props(md, 'url')]) push(propValue(el, base));
  if (card) for (const el of mf(card, 'u-url')) push(mfUrl(el, base));
  for (const a of all(doc, 'a[rel~="me"]')) push(absUrl(a.getAttribute('href'), base));
  const host = new URL(base).hostname;
  for (const a of all(doc, 'a[href]')) {
    const u = absUrl(a.getAttribute('href'), base);
    if (!u) continue;
    const k = linkKind(u);
    if ((k === 'github' || k === 'linkedin' || k === 'portfolio') && new URL(u).hostname !== host) out.push({ url: u, kind: k });
  }
  return out;
}

type Json = Record<string, unknown>;

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** A JSON-LD address (PostalAddress, Place, Country or text) → "Locality, Region, Country". */
function ldAddress(a: unknown): string | null {
  if (typeof a === 'string') return cleanOrNull(a);
  if (Array.isArray(a)) return ldAddress(a[0]);
  if (!isObj(a)) return null;
  if (a['address']) return ldAddress(a['address']);
  const parts = [a['addressLocality'], a['addressRegion'], a['addressCountry']].map((x) => ldString(x)).filter((x): x is string => !!x);
  return parts.length ? parts.join(', ') : ldString(a['name']);
}

/** schema.org Date/DateTime ("2019-06", "2019-06-02", "2019-06-02T09:00:00+09:00") → DatePoint. */
const ldDate = (v: unknown): string | null => (typeof v === 'string' ? parseDatePoint(v.replace(/T.*$/, '')) : null);

/**
 * `alumniOf` / `worksFor` values: an organization (object or text), or a schema.org Role (`OrganizationRole`,
 * `EmployeeRole`) that wraps the organization under the same property and adds roleName, startDate and endDate.
 */
function ldRoles(v: unknown, prop: 'alumniOf' | 'worksFor'): { org: string; role: Json | null; orgObj: Json | null }[] {
  const out: { org: string; role: Json | null; orgObj: Json | null }[] = [];
  for (const x of asArray(v)) {
    if (isObj(x) && x[prop] !== undefined) {
      const inner = asArray(x[prop])[0];
      const org = ldString(inner);
      if (org) out.push({ org, role: x, orgObj: isObj(inner) ? inner : null });
    } else {
      const org = ldString(x);
      if (org) out.push({ org, role: null, orgObj: isObj(x) ? x : null });
    }
  }
  return out;
}

function ldEducation(person: Json | null): Education[] {
  return ldRoles(person?.['alumniOf'], 'alumniOf').map(({ org, role }) => ({
    school: org,
    degree: ldString(role?.['roleName']),
    field: null,
    start: ldDate(role?.['startDate']),
    end: ldDate(role?.['endDate']),
    raw: [org, ldString(role?.['roleName']), role?.['startDate'], role?.['endDate']].filter((x) => typeof x === 'string' && x).join(' · '),
  }));
}

function ldEmployment(person: Json | null): Employment[] {
  return ldRoles(person?.['worksFor'], 'worksFor').map(({ org, role, orgObj }) => {
    const location = ldAddress(orgObj?.['address'] ?? orgObj?.['location'] ?? role?.['location']);
    return {
      company: org,
      title: ldString(role?.['roleName']) ?? ldString(role?.['jobTitle']),
      location,
      country: location ? parseLocation(location).country : null,
      start: ldDate(role?.['startDate']),
      end: ldDate(role?.['endDate']),
      description: ldString(role?.['description']),
      raw: [org, ldString(role?.['roleName']), role?.['startDate'], role?.['endDate']].filter((x) => typeof x === 'string' && x).join(' · '),
    };
  });
}

/** The page's items are looked up once, outside the builder's readers: an odd page yields null, never an exception. */
function safe<T>(read: () => T | null): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

function extract(doc: Document, opts: ExtractOptions): Profile {
  const url = new URL(opts.url);
  const base = url.href;
  const b = new ProfileBuilder('generic', base, null, opts.now);
  const ld = jsonLd(doc);
  const person = ld.find((o) => hasType(o, 'Person')) ?? null;
  const profilePage = ld.find((o) => hasType(o, 'ProfilePage')) ?? null;
  const md = safe(() => microdataPerson(doc));
  const card = safe(() => representativeHCard(doc, base));
  const resume = safe(() => first(doc, ['.h-resume']));
  const main: ParentNode = first(doc, ['main', '[role="main"]', 'article']) ?? bodyOf(doc);
  const loc = (raw: string | null) => (raw ? { raw, ...parseLocation(raw) } : null);
  b.field(
    'name',
    ['structured', () => ldString(person?.['name'])],
    ['attributes', () => (md ? prop(md, 'name') : null) ?? (card ? mfText(mf(card, 'p-name')[0]) : null) ?? cleanOrNull(textOf(first(doc, ['.vcard .fn'])))],
    ['markup', () => meta(doc, ['profile:username']) ?? cleanOrNull(textOf(first(main, ['h1'])))],
  );
  b.field(
    'headline',
    ['structured', () => ldString(person?.['jobTitle']) ?? ldString(person?.['disambiguatingDescription'])],
    ['attributes', () => (md ? prop(md, 'jobTitle') : null) ?? (card ? mfText(mf(card, 'p-job-title')[0]) : null)],
  );
  b.field(
    'location',
    ['structured', () => loc(ldAddress(person?.['address']) ?? ldAddress(person?.['homeLocation']))],
    ['attributes', () => loc((md ? microdataAddress(md) : null) ?? (card ? hCardLocation(card) : null))],
  );
  b.field(
    'photo',
    ['structured', () => {
      const u = absUrl(ldString(person?.['image']), base);
      return u ? { url: u, alt: null } : null;
    }],
    ['attributes', () => {
      const mdImg = md ? props(md, 'image')[0] : undefined;
      const cardImg = card ? mf(card, 'u-photo')[0] : undefined;
      const img = mdImg ?? cardImg ?? first(doc, ['img.avatar']);
      const src = mdImg ? propValue(mdImg, base) : cardImg ? mfUrl(cardImg, base) : absUrl(img?.getAttribute('src'), base);
      return src ? { url: src, alt: cleanOrNull(img?.getAttribute('alt')) } : null;
    }],
    ['markup', () => {
      const og = absUrl(meta(doc, ['og:image']), base);
      return og ? { url: og, alt: null } : null;
    }],
  );
  b.field(
    'overview',
    ['structured', () => ldString(person?.['description'])],
    ['attributes', () => (md ? prop(md, 'description') : null) ?? (resume ? mfText(mf(resume, 'p-summary')[0]) : null) ?? (card ? mfText(mf(card, 'p-note')[0]) : null)],
    ['markup', () => meta(doc, ['og:description', 'description'])],
  );
  b.field(
    'skills',
    ['structured', () => asArray(person?.['knowsAbout']).map((x) => ldString(x) ?? '').filter(Boolean)],
    ['attributes', () => [...(md ? props(md, 'knowsAbout').map((e) => propValue(e) ?? '') : []), ...(resume ? mf(resume, 'p-skill').map((e) => mfText(e) ?? '') : [])].filter(Boolean)],
    ['generic', () => {
      const s = sectionByHeading(main, /^(skills|expertise|technologies|tech stack)\b/i);
      return s ? all(s, 'li').map(textOf).filter((t) => t.length < 60) : [];
    }],
  );
  b.field(
    'languages',
    ['structured', () => asArray(person?.['knowsLanguage']).map((x) => ({ name: ldString(x) ?? '', level: null })).filter((l) => l.name)],
    ['attributes', () => (md ? props(md, 'knowsLanguage').map((e) => ({ name: (e.hasAttribute('itemscope') ? prop(e, 'name') : propValue(e)) ?? '', level: null })).filter((l) => l.name) : [])],
    ['generic', () => readEntries(sectionByHeading(main, LANGUAGES_HEADING), readLanguage)],
  );
  // Education and employment: the tier with dates wins over one with names only (JSON-LD often lists bare names).
  const headingEdu = () => readEntries(sectionByHeading(main, EDUCATION_HEADING), readEducationEntry);
  const headingEmp = () => readEntries(sectionByHeading(main, EMPLOYMENT_HEADING), readEmploymentEntry);
  const dated = <T extends { start: string | null; end: string | null }>(xs: T[]) => (xs.some((x) => x.start || x.end) ? xs : []);
  b.field(
    'education',
    ['structured', () => dated(ldEducation(person))],
    ['attributes', () => dated([...(md ? microdataEducation(md) : []), ...(resume ? hResumeEducation(resume) : [])])],
    ['generic', () => headingEdu()],
    ['structured', () => ldEducation(person)],
    ['attributes', () => [...(md ? microdataEducation(md) : []), ...(resume ? hResumeEducation(resume) : [])]],
  );
  b.field(
    'employment',
    ['structured', () => dated(ldEmployment(person))],
    ['attributes', () => dated([...(md ? microdataEmployment(md) : []), ...(resume ? hResumeEmployment(resume) : [])])],
    ['generic', () => headingEmp()],
    ['structured', () => ldEmployment(person)],
    ['attributes', () => [...(md ? microdataEmployment(md) : []), ...(resume ? hResumeEmployment(resume) : [])]],
  );
  b.field('links', ['attributes', () => readLinks(doc, base, person, md, card)]);
  b.field('account', ['structured', () => {
    // Google's ProfilePage: dateCreated is when the profile (account) was created.
    const since = ldDate(profilePage?.['dateCreated']);
    return since ? { ...emptyAccount(), memberSince: since } : null;
  }]);
  const text = visibleText(main as Node, 25_000);
  return b.build(clean(text) ? text : '');
}

export const generic: Extractor = {
  id: 'generic',
  label: 'Any page',
  matches: [],
  handles: () => true,
  extract,
};
