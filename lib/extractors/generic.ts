/**
 * The generic extractor: any page that no site extractor handles (a portfolio, a resume site, a smaller
 * marketplace). Tiers: schema.org Person in JSON-LD → microdata/OpenGraph/meta → section headings.
 */
import type { Link, Profile } from '../profile/schema';
import { ProfileBuilder } from './builder';
import { absUrl, all, bodyOf, first, hasType, jsonLd, sectionByHeading, textOf, visibleText } from './dom';
import { clean, cleanOrNull, linkKind, parseLocation } from './parse';
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

function readLinks(doc: Document, base: string, person: Record<string, unknown> | null): Link[] {
  const out: Link[] = [];
  const same = person?.['sameAs'];
  for (const s of Array.isArray(same) ? same : typeof same === 'string' ? [same] : []) {
    const u = absUrl(String(s), base);
    if (u) out.push({ url: u, kind: linkKind(u) });
  }
  const host = new URL(base).hostname;
  for (const a of all(doc, 'a[href]')) {
    const u = absUrl(a.getAttribute('href'), base);
    if (!u) continue;
    const k = linkKind(u);
    if ((k === 'github' || k === 'linkedin' || k === 'portfolio') && new URL(u).hostname !== host) out.push({ url: u, kind: k });
  }
  return out;
}

function extract(doc: Document, opts: ExtractOptions): Profile {
  const url = new URL(opts.url);
  const b = new ProfileBuilder('generic', url.href, null, opts.now);
  const person = jsonLd(doc).find((o) => hasType(o, 'Person')) ?? null;
  const main: ParentNode = first(doc, ['main', '[role="main"]', 'article']) ?? bodyOf(doc);
  b.field(
    'name',
    ['structured', () => ldString(person?.['name'])],
    ['attributes', () => cleanOrNull(textOf(first(doc, ['[itemtype*="Person"] [itemprop="name"]', '.h-card .p-name', '.vcard .fn']))) ?? meta(doc, ['profile:username'])],
    ['markup', () => cleanOrNull(textOf(first(main, ['h1'])))],
  );
  b.field(
    'headline',
    ['structured', () => ldString(person?.['jobTitle']) ?? ldString(person?.['disambiguatingDescription'])],
    ['attributes', () => cleanOrNull(textOf(first(doc, ['[itemprop="jobTitle"]', '.h-card .p-job-title'])))],
  );
  b.field(
    'location',
    [
      'structured',
      () => {
        const a = person?.['address'];
        const raw =
          typeof a === 'string'
            ? a
            : a && typeof a === 'object'
              ? [(a as Record<string, unknown>)['addressLocality'], (a as Record<string, unknown>)['addressRegion'], (a as Record<string, unknown>)['addressCountry']]
                  .filter((x) => typeof x === 'string')
                  .join(', ')
              : '';
        return raw ? { raw, ...parseLocation(raw) } : null;
      },
    ],
    [
      'attributes',
      () => {
        const raw = textOf(first(doc, ['[itemprop="address"]', '[itemprop="homeLocation"]', '.h-card .p-locality', '.h-card .p-country-name']));
        return raw ? { raw, ...parseLocation(raw) } : null;
      },
    ],
  );
  b.field(
    'photo',
    ['structured', () => (ldString(person?.['image']) ? { url: absUrl(ldString(person?.['image']), url.href) ?? '', alt: null } : null)],
    ['attributes', () => {
      const img = first(doc, ['[itemprop="image"]', '.h-card .u-photo', 'img.avatar']);
      const src = absUrl(img?.getAttribute('src') ?? img?.getAttribute('content'), url.href);
      return src ? { url: src, alt: cleanOrNull(img?.getAttribute('alt')) } : null;
    }],
    ['markup', () => {
      const og = absUrl(meta(doc, ['og:image']), url.href);
      return og ? { url: og, alt: null } : null;
    }],
  );
  b.field(
    'overview',
    ['structured', () => ldString(person?.['description'])],
    ['attributes', () => cleanOrNull(textOf(first(doc, ['[itemprop="description"]', '.h-card .p-note'])))],
    ['markup', () => meta(doc, ['og:description', 'description'])],
  );
  b.field('skills', ['structured', () => {
    const k = person?.['knowsAbout'];
    return Array.isArray(k) ? k.map((x) => ldString(x) ?? '').filter(Boolean) : [];
  }], ['generic', () => {
    const s = sectionByHeading(main, /^(skills|expertise|technologies|tech stack)\b/i);
    return s ? all(s, 'li').map(textOf).filter((t) => t.length < 60) : [];
  }]);
  b.field('languages', ['structured', () => {
    const k = person?.['knowsLanguage'];
    return Array.isArray(k) ? k.map((x) => ({ name: ldString(x) ?? '', level: null })).filter((l) => l.name) : [];
  }], ['generic', () => readEntries(sectionByHeading(main, LANGUAGES_HEADING), readLanguage)]);
  b.field('education', ['structured', () => {
    const a = person?.['alumniOf'];
    return (Array.isArray(a) ? a : a ? [a] : [])
      .map((x) => ldString(x))
      .filter((s): s is string => !!s)
      .map((school) => ({ school, degree: null, field: null, start: null, end: null, raw: school }));
  }], ['generic', () => readEntries(sectionByHeading(main, EDUCATION_HEADING), readEducationEntry)]);
  b.field('employment', ['generic', () => readEntries(sectionByHeading(main, EMPLOYMENT_HEADING), readEmploymentEntry)], ['structured', () => {
    const w = person?.['worksFor'];
    return (Array.isArray(w) ? w : w ? [w] : [])
      .map((x) => ldString(x))
      .filter((s): s is string => !!s)
      .map((company) => ({ company, title: null, location: null, country: null, start: null, end: null, description: null, raw: company }));
  }]);
  b.field('links', ['attributes', () => readLinks(doc, url.href, person)]);
  return b.build(clean(visibleText(main as Node, 25_000)) ? visibleText(main as Node, 25_000) : '');
}

export const generic: Extractor = {
  id: 'generic',
  label: 'Any page',
  matches: [],
  handles: () => true,
  extract,
};
