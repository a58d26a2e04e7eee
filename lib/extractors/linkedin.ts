/**
 * LinkedIn member profiles (https://www.linkedin.com/in/<vanity>/). Page structure: shared/platforms.md §4. Two pages:
 * the logged-out public page carries a JSON-LD `@graph` with a Person (structured tier; masked values such as
 * "********" count as missing); the logged-in SPA has no JSON-LD, so sections are found by their anchor ids
 * (`section:has(> #experience)`, #education, #languages, #skills, #about) and read from the `aria-hidden="true"` spans
 * that carry the visible text (attributes tier), the top card by its class names (markup tier), and the
 * heading-based reader last (generic tier).
 */
import type { Education, Employment, Language, Link, Profile } from '../profile/schema';
import { ProfileBuilder } from './builder';
import { absUrl, all, first, hasType, jsonLd, sectionByHeading, textOf, visibleText } from './dom';
import { clean, cleanOrNull, linkKind, parseDatePoint, parseDateRange, parseLocation, toCountryCode } from './parse';
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

type Json = Record<string, unknown>;

const PROFILE_PATH = /^\/in\/([^/?#]+)\/?$/;

/** Logged-out viewers get redacted values ("********", "··· ···"). */
export function isMasked(s: string): boolean {
  return /^[\s*·•\-–—.]+$/.test(s) || s.includes('***');
}

function str(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return null;
  const c = clean(v);
  return c && !isMasked(c) ? c : null;
}

function arr(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  return v === null || v === undefined ? [] : [v];
}

function obj(v: unknown): Json | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null;
}

function point(v: unknown): string | null {
  const s = str(v);
  return s ? parseDatePoint(s) : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Structured tier: the logged-out page's JSON-LD Person.

function ldPerson(doc: Document): Json | null {
  return jsonLd(doc).find((o) => hasType(o, 'Person')) ?? null;
}

function ldName(p: Json | null): string | null {
  if (!p) return null;
  const n = str(p['name']);
  if (n) return n;
  const parts = [str(p['givenName']), str(p['familyName'])].filter(Boolean);
  return parts.length ? parts.join(' ') : null;
}

function ldLocation(p: Json | null): Profile['location'] {
  const a = obj(p?.['address']);
  if (!a) return null;
  const locality = str(a['addressLocality']);
  const countryRaw = str(a['addressCountry']) ?? str(obj(a['addressCountry'])?.['name']);
  const raw = locality ?? countryRaw;
  if (!raw) return null;
  const parsed = parseLocation(raw);
  return { raw, city: parsed.city, country: (countryRaw ? toCountryCode(countryRaw) : null) ?? parsed.country };
}

function ldEmployment(p: Json | null): Employment[] {
  if (!p) return [];
  const titles = arr(p['jobTitle']).map(str);
  const orgs = arr(p['worksFor']);
  return orgs.flatMap((o, i): Employment[] => {
    const org = obj(o);
    if (!org) return [];
    const member = obj(org['member']) ?? {};
    const company = str(org['name']);
    const title = str(member['roleName']) ?? (titles.length === orgs.length ? (titles[i] ?? null) : null);
    const location = str(org['location']) ?? str(obj(org['location'])?.['name']) ?? str(obj(org['address'])?.['addressLocality']);
    const start = point(member['startDate']);
    const end = point(member['endDate']);
    if (!company && !title) return [];
    const description = str(member['description']) ?? str(org['description']);
    const raw = [title, company, [start, end].filter(Boolean).join(' - '), location].filter(Boolean).join(' · ');
    return [{ company, title, location, country: location ? parseLocation(location).country : null, start, end, description, raw }];
  });
}

function ldEducation(p: Json | null): Education[] {
  if (!p) return [];
  return arr(p['alumniOf']).flatMap((o): Education[] => {
    const org = obj(o);
    const school = str(org?.['name']);
    if (!org || !school) return [];
    const member = obj(org['member']) ?? {};
    const degree = str(member['degree']) ?? str(member['roleName']);
    const field = str(member['fieldOfStudy']);
    const start = point(member['startDate']);
    const end = point(member['endDate']);
    const raw = [school, degree, field, [start, end].filter(Boolean).join(' - ')].filter(Boolean).join(' · ');
    return [{ school, degree, field, start, end, raw }];
  });
}

function ldLanguages(p: Json | null): Language[] {
  return arr(p?.['knowsLanguage'])
    .map((l) => str(l) ?? str(obj(l)?.['name']))
    .filter((n): n is string => !!n)
    .map((name) => ({ name, level: null }));
}

function ldPhoto(p: Json | null): Profile['photo'] {
  const img = p?.['image'];
  const url = str(img) ?? str(obj(img)?.['contentUrl']) ?? str(obj(img)?.['url']);
  return url && /^https?:\/\//.test(url) ? { url, alt: ldName(p) } : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Attributes tier: the logged-in page, sections anchored by id, visible text in aria-hidden="true" spans.

/** The `<section>` holding the anchor `#id` (`section:has(> #id)`), or null. */
function sectionFor(doc: Document, id: string): Element | null {
  const viaHas = first(doc, [`section:has(> #${id})`, `section:has(> div > #${id})`]);
  if (viaHas) return viaHas;
  const anchor = first(doc, [`#${id}`]);
  return anchor?.closest('section') ?? null;
}

/** The text lines of an element as LinkedIn shows them: its aria-hidden="true" spans, in order, once each. */
function shownLines(el: Element, exclude: readonly Element[] = []): string[] {
  const out: string[] = [];
  for (const s of all(el, 'span[aria-hidden="true"]')) {
    if (s.parentElement?.closest('span[aria-hidden="true"]')) continue; // nested in another shown span
    if (exclude.some((x) => x.contains(s))) continue;
    const t = clean(s.textContent);
    if (t && out[out.length - 1] !== t) out.push(t);
  }
  return out;
}

/** Top-level list items of a section (entries), skipping nested sub-lists. */
function entryItems(section: Element): Element[] {
  return all(section, 'li').filter((li) => {
    const outer = li.parentElement?.closest('li');
    return !outer || !section.contains(outer);
  });
}

/** "Jan 2020 - Present · 5 yrs 3 mos" → range; null when the line is not a date line. */
function dateLine(line: string): ReturnType<typeof parseDateRange> {
  const head = clean(line.split(/\s+·\s+/)[0]);
  if (!/\d{4}/.test(head)) return null;
  return parseDateRange(head);
}

const WORKPLACE = /\s*·\s*(on-site|remote|hybrid)$/i;
const EMPLOYMENT_TYPE = /\s*·\s*(full-time|part-time|self-employed|freelance|contract|internship|apprenticeship|seasonal)$/i;

interface Role {
  title: string | null;
  company: string | null;
  lines: string[];
  /** The company header's location line, for roles grouped under one company. */
  groupLocation?: string | null;
}

function roleToEmployment(r: Role): Employment {
  const rest = [...r.lines];
  const di = rest.findIndex((l) => dateLine(l));
  const range = di >= 0 ? dateLine(rest[di]!) : null;
  const dateText = di >= 0 ? rest.splice(di, 1)[0]! : null;
  let location: string | null = null;
  let country: string | null = null;
  const li = rest.findIndex((l) => l.length < 80 && (WORKPLACE.test(l) || parseLocation(l.replace(WORKPLACE, '')).country !== null));
  if (li >= 0) {
    const l = rest.splice(li, 1)[0]!;
    location = cleanOrNull(l.replace(WORKPLACE, ''));
    country = location ? parseLocation(location).country : null;
    if (location && /^(on-site|remote|hybrid)$/i.test(location)) location = null;
  }
  if (!location && !country && r.groupLocation) {
    location = r.groupLocation;
    country = parseLocation(location).country;
  }
  const description = cleanOrNull(rest.filter((l) => !/^skills:/i.test(l)).join(' '));
  const raw = [r.title, r.company, dateText, location, description].filter(Boolean).join(' · ');
  return {
    company: r.company,
    title: r.title,
    location,
    country,
    start: range?.start ?? null,
    end: range?.present ? null : (range?.end ?? null),
    description,
    raw,
  };
}

function domEmployment(doc: Document): Employment[] {
  const section = sectionFor(doc, 'experience');
  if (!section) return [];
  const out: Employment[] = [];
  for (const li of entryItems(section)) {
    const subRoles = all(li, 'li').filter((s) => shownLines(s).some((l) => dateLine(l)));
    const header = shownLines(li, subRoles);
    if (subRoles.length && !header.some((l) => dateLine(l))) {
      // A company with several roles: the header names the company, each sub-item is a role.
      const company = cleanOrNull(header[0]?.replace(EMPLOYMENT_TYPE, ''));
      const locLine = header.slice(1).find((l) => l.length < 80 && parseLocation(l.replace(WORKPLACE, '')).country !== null);
      const groupLocation = locLine ? cleanOrNull(locLine.replace(WORKPLACE, '')) : null;
      for (const s of subRoles) {
        const lines = shownLines(s);
        out.push(roleToEmployment({ title: lines[0] ?? null, company, lines: lines.slice(1), groupLocation }));
      }
      continue;
    }
    const lines = shownLines(li);
    if (!lines.length) continue;
    const second = lines[1] && !dateLine(lines[1]) ? lines[1] : null;
    const company = second ? cleanOrNull(second.replace(EMPLOYMENT_TYPE, '')) : null;
    out.push(roleToEmployment({ title: lines[0]!, company, lines: lines.slice(second ? 2 : 1) }));
  }
  return out;
}

function domEducation(doc: Document): Education[] {
  const section = sectionFor(doc, 'education');
  if (!section) return [];
  return entryItems(section).flatMap((li): Education[] => {
    const lines = shownLines(li);
    const school = lines[0];
    if (!school) return [];
    const di = lines.findIndex((l, i) => i > 0 && dateLine(l));
    const range = di >= 0 ? dateLine(lines[di]!) : null;
    const degreeLine = lines[1] && !dateLine(lines[1]) && !/^(grade|activities)/i.test(lines[1]) ? lines[1] : null;
    let degree: string | null = null;
    let field: string | null = null;
    if (degreeLine) {
      const [d, ...rest] = degreeLine.split(/\s*,\s*/);
      degree = cleanOrNull(d);
      field = cleanOrNull(rest.join(', '));
    }
    return [{ school, degree, field, start: range?.start ?? null, end: range?.end ?? null, raw: lines.join(' · ') }];
  });
}

function domLanguages(doc: Document): Language[] {
  const section = sectionFor(doc, 'languages');
  if (!section) return [];
  return entryItems(section).flatMap((li): Language[] => {
    const [name, level] = shownLines(li);
    return name ? [{ name, level: cleanOrNull(level) }] : [];
  });
}

function domSkills(doc: Document): string[] {
  const section = sectionFor(doc, 'skills');
  if (!section) return [];
  return entryItems(section)
    .map((li) => shownLines(li)[0] ?? '')
    .filter((s) => s && !/^(endorsed|show all)/i.test(s));
}

function domAbout(doc: Document): string | null {
  const section = sectionFor(doc, 'about');
  if (!section) return null;
  const box = first(section, ['.inline-show-more-text', '[class*="inline-show-more-text"]', '.display-flex.ph5']);
  const lines = shownLines(box ?? section).filter((l) => !/^about$/i.test(l));
  return cleanOrNull(lines.join(' '));
}

function topCard(doc: Document): ParentNode {
  return (
    first(doc, ['section.artdeco-card:has(h1)', '.pv-top-card', '.ph5.pb5', 'section.top-card-layout', 'main section']) ??
    first(doc, ['main']) ??
    doc
  );
}

function domPhoto(doc: Document, base: string): Profile['photo'] {
  const img = first(doc, [
    'img.pv-top-card-profile-picture__image--show',
    'img.pv-top-card-profile-picture__image',
    '.pv-top-card__photo img',
    'img.top-card__profile-image',
    '.top-card-layout__entity-image-container img',
  ]);
  if (!img || /ghost-person|EntityPhoto-circle-9-ghost/.test(img.getAttribute('class') ?? '')) return null;
  const src = absUrl(img.getAttribute('src') ?? img.getAttribute('data-delayed-url'), base);
  return src ? { url: src, alt: cleanOrNull(img.getAttribute('alt')) } : null;
}

/** og:title / <title>: "Jane Doe - Staff Engineer - Acme | LinkedIn". */
function titleParts(doc: Document): { name: string | null; headline: string | null } {
  const t = clean(first(doc, ['meta[property="og:title"]'])?.getAttribute('content') ?? doc.title).replace(/\s*\|\s*LinkedIn\s*$/i, '').replace(/^\(\d+\+?\)\s*/, '');
  if (!t || /^linkedin$/i.test(t) || /sign ?in|sign ?up|log ?in|join linkedin|authwall/i.test(t)) return { name: null, headline: null };
  const [name, ...rest] = t.split(/\s+[-–]\s+/);
  const n = cleanOrNull(name);
  return { name: n && !isMasked(n) ? n : null, headline: cleanOrNull(rest.join(' - ')) };
}

/** With a JSON-LD Person: its sameAs addresses; without: the logged-in page's contact-info websites. */
function readLinks(doc: Document, p: Json | null, base: string): Link[] {
  const out: Link[] = [];
  const push = (href: string | null) => {
    const u = absUrl(href, base);
    if (!u) return;
    const host = new URL(u).hostname;
    if (/(^|\.)linkedin\.com$/i.test(host) || /(^|\.)licdn\.com$/i.test(host)) return;
    out.push({ url: u, kind: linkKind(u) });
  };
  if (p) {
    for (const s of arr(p['sameAs'])) push(str(s));
    return out;
  }
  // Logged-in "Contact info" websites and the top card's featured website.
  for (const a of all(doc, 'section.pv-contact-info__contact-type a[href], .pv-top-card--website a[href], [data-field="websites"] a[href]'))
    push(a.getAttribute('href'));
  return out;
}

function extract(doc: Document, opts: ExtractOptions): Profile {
  const url = new URL(opts.url);
  const vanity = url.pathname.match(PROFILE_PATH)?.[1];
  const b = new ProfileBuilder('linkedin', url.href, vanity ? decodeURIComponent(vanity) : null, opts.now);
  const ld = ldPerson(doc);
  const card = topCard(doc);

  b.field(
    'name',
    ['structured', () => ldName(ld)],
    ['markup', () => cleanOrNull(textOf(first(card, ['h1.text-heading-xlarge', 'h1.top-card-layout__title', 'h1'])))],
    ['markup', () => titleParts(doc).name],
  );
  b.field(
    'headline',
    ['structured', () => str(ld?.['disambiguatingDescription']) ?? arr(ld?.['jobTitle']).map(str).find(Boolean) ?? null],
    ['markup', () => cleanOrNull(textOf(first(card, ['.text-body-medium.break-words', 'h2.top-card-layout__headline', '.pv-text-details__left-panel .text-body-medium'])))],
    ['markup', () => titleParts(doc).headline],
  );
  b.field(
    'location',
    ['structured', () => ldLocation(ld)],
    [
      'markup',
      () => {
        const raw = cleanOrNull(textOf(first(card, ['.text-body-small.inline.t-black--light.break-words', '.pv-text-details__left-panel .text-body-small', '.top-card__subline-item'])));
        return raw && !isMasked(raw) ? { raw, ...parseLocation(raw) } : null;
      },
    ],
  );
  b.field('photo', ['structured', () => ldPhoto(ld)], ['markup', () => domPhoto(doc, url.href)]);
  b.field('overview', ['structured', () => str(ld?.['description'])], ['attributes', () => domAbout(doc)]);
  b.field('skills', ['attributes', () => domSkills(doc)]);
  b.field(
    'languages',
    ['structured', () => ldLanguages(ld)],
    ['attributes', () => domLanguages(doc)],
    ['generic', () => readEntries(sectionByHeading(doc, LANGUAGES_HEADING), readLanguage)],
  );
  b.field(
    'education',
    ['structured', () => ldEducation(ld)],
    ['attributes', () => domEducation(doc)],
    ['generic', () => readEntries(sectionByHeading(doc, EDUCATION_HEADING), readEducationEntry)],
  );
  b.field(
    'employment',
    ['structured', () => ldEmployment(ld)],
    ['attributes', () => domEmployment(doc)],
    ['generic', () => readEntries(sectionByHeading(doc, EMPLOYMENT_HEADING), readEmploymentEntry)],
  );
  b.field('links', ['structured', () => readLinks(doc, ld, url.href)], ['attributes', () => readLinks(doc, null, url.href)]);

  const main: ParentNode = first(doc, ['main', '[role="main"]']) ?? doc;
  return b.build(visibleText(main as Node, 25_000));
}

export const linkedin: Extractor = {
  id: 'linkedin',
  label: 'LinkedIn',
  matches: ['https://www.linkedin.com/in/*'],
  handles(url) {
    return url.protocol === 'https:' && url.hostname === 'www.linkedin.com' && PROFILE_PATH.test(url.pathname);
  },
  extract,
};
