/**
 * Upwork freelancer profiles (https://www.upwork.com/freelancers/~01…, /freelancers/<vanity>, /fl/<vanity>).
 * Page structure: shared/platforms.md §1 (Air3 design system, data-test markers). Tiers per field: JSON-LD when
 * present → attributes (itemprop, data-test) → Air3 class markup → the heading-based reader.
 */
import { emptyAccount } from '../profile/fields';
import type { Account, Link, Profile, Review } from '../profile/schema';
import { ProfileBuilder } from './builder';
import { absUrl, all, first, hasType, jsonLd, sectionByHeading, textOf, visibleText } from './dom';
import { clean, cleanOrNull, linkKind, parseCount, parseLocation, parseMoney, parseNumber } from './parse';
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

const CIPHER = /~[0-9a-f]{18}/i;

function profileIdFromUrl(url: URL): string | null {
  const m = url.pathname.match(CIPHER);
  if (m) return m[0].toLowerCase();
  const v = url.pathname.match(/^\/(?:freelancers|fl)\/([A-Za-z0-9_-]+)\/?$/);
  return v ? v[1]! : null;
}

function person(doc: Document): Record<string, unknown> | null {
  return jsonLd(doc).find((o) => hasType(o, 'Person')) ?? null;
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return cleanOrNull(v);
  if (v && typeof v === 'object' && typeof (v as Record<string, unknown>)['url'] === 'string')
    return cleanOrNull((v as Record<string, string>)['url']);
  if (v && typeof v === 'object' && typeof (v as Record<string, unknown>)['contentUrl'] === 'string')
    return cleanOrNull((v as Record<string, string>)['contentUrl']);
  return null;
}

/** The value shown next to a label such as "Total earnings" in the stats block. */
export function statValue(root: ParentNode, label: RegExp): string | null {
  for (const el of all(root, 'div,span,li,dt,small,p')) {
    if (el.children.length > 0) continue;
    if (!label.test(textOf(el))) continue;
    const prev = el.previousElementSibling;
    if (prev && /\d/.test(textOf(prev))) return textOf(prev);
    const next = el.nextElementSibling;
    if (next && /\d/.test(textOf(next))) return textOf(next);
    const parentText = textOf(el.parentElement).replace(label, '').trim();
    if (/\d/.test(parentText)) return parentText;
  }
  return null;
}

const SECTION_TITLES = /^(work history|employment history|education|skills|portfolio|certifications|languages|verifications|linked accounts|testimonials|other experiences)$/i;

function readAccount(doc: Document): Account {
  const acc = emptyAccount();
  const jss = textOf(first(doc, ['[data-test="job-success-score"]', '.air3-progress-label']));
  const jssMatch = jss.match(/(\d{1,3})\s*%/);
  if (jssMatch) acc.jobSuccess = Math.min(100, Number(jssMatch[1]));
  const earnings = statValue(doc, /^total earnings$/i);
  if (earnings) acc.totalEarnings = parseMoney(earnings);
  const jobs = statValue(doc, /^total jobs$/i);
  if (jobs) acc.jobsCompleted = parseCount(jobs);
  const rate = textOf(first(doc, ['[data-test="rate"]', '[data-test="hourly-rate"]', 'h3.my-6x.h5']));
  if (rate) acc.hourlyRate = parseMoney(rate);
  const ver = first(doc, ['[data-test="verifications"]']) ?? sectionByHeading(doc, /^verifications$/i);
  if (ver) {
    for (const li of all(ver, 'li')) {
      const t = textOf(li);
      const m = t.match(/^(.+?):\s*(.+)$/);
      if (m) acc.verified[clean(m[1]).toLowerCase().replace(/\s+number$/, '')] = /verified/i.test(m[2]!) && !/not verified|unverified/i.test(m[2]!);
    }
  }
  const ratings = all(doc, '.assignments-item .air3-rating-value-text')
    .map((e) => parseNumber(textOf(e)))
    .filter((n): n is number => n !== null && n <= 5);
  if (ratings.length) {
    acc.reviewCount = ratings.length;
    acc.rating = Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100;
  }
  return acc;
}

function readReviews(doc: Document): Review[] {
  return all(doc, '.assignments-item').map((item) => {
    const dateEl = all(item, 'div,span').find((e) => e.children.length === 0 && /\d{4}/.test(textOf(e)) && /-|–/.test(textOf(e)));
    const rating = parseNumber(textOf(item.querySelector('.air3-rating-value-text')));
    return {
      date: dateEl ? textOf(dateEl) : null,
      rating: rating !== null && rating <= 5 ? rating : null,
      text: textOf(item.querySelector('[id^="air3-truncation-"]')) || textOf(item),
    };
  });
}

function readLinks(doc: Document, url: string): Link[] {
  const box = first(doc, ['[data-test="linked-accounts"]']) ?? sectionByHeading(doc, /^linked accounts$/i);
  const out: Link[] = [];
  for (const a of box ? all(box, 'a[href]') : []) {
    const href = absUrl(a.getAttribute('href'), url);
    if (href && !/\.upwork\.com$/i.test(new URL(href).hostname)) out.push({ url: href, kind: linkKind(href) });
  }
  // Addresses written in the overview text.
  const overview = textOf(first(doc, ['[data-test="description"]', 'span.text-pre-line.break']));
  for (const m of overview.matchAll(/https?:\/\/[^\s<>"')]+/g)) {
    const href = absUrl(m[0].replace(/[.,;]+$/, ''), url);
    if (href) out.push({ url: href, kind: linkKind(href) });
  }
  return out;
}

function extract(doc: Document, opts: ExtractOptions): Profile {
  const url = new URL(opts.url);
  const b = new ProfileBuilder('upwork', url.href, profileIdFromUrl(url), opts.now);
  const ld = person(doc);
  const root: ParentNode = first(doc, ['[data-test="freelancer-profile"]']) ?? doc;

  b.field(
    'name',
    ['structured', () => str(ld?.['name'])],
    ['attributes', () => cleanOrNull(textOf(first(root, ['[itemprop="name"]', '[data-test="freelancer-name"]', 'h1[data-qa="fl-name"]'])))],
    ['markup', () => cleanOrNull(clean(doc.title).split(/\s+-\s+/)[0])],
  );
  b.field(
    'headline',
    ['structured', () => str(ld?.['jobTitle'])],
    ['attributes', () => cleanOrNull(textOf(first(root, ['[data-test="title"]', '[data-test="freelancer-title"]'])))],
    ['markup', () => cleanOrNull(all(root, 'h2.mb-0.h4, h2.h4').map(textOf).find((t) => t && !SECTION_TITLES.test(t)))],
  );
  b.field(
    'location',
    [
      'structured',
      () => {
        const a = ld?.['address'] as Record<string, unknown> | undefined;
        if (!a || typeof a !== 'object') return null;
        const parts = [a['addressLocality'], a['addressRegion'], a['addressCountry']].filter((x): x is string => typeof x === 'string');
        if (!parts.length) return null;
        const loc = parseLocation(parts.join(', '));
        return { raw: parts.join(', '), city: typeof a['addressLocality'] === 'string' ? a['addressLocality'] : loc.city, country: loc.country };
      },
    ],
    [
      'attributes',
      () => {
        const box = first(root, ['[data-test="location"]', '[itemprop="address"]']);
        if (!box) return null;
        const parts = all(box, 'span')
          .filter((s) => s.getAttribute('data-test') !== 'local-time' && !/local time/i.test(textOf(s)))
          .map(textOf)
          .filter(Boolean);
        const raw = parts.length ? parts.join(', ') : textOf(box).replace(/\d{1,2}:\d{2}\s*[ap]m local time/i, '').trim();
        if (!raw) return null;
        return { raw, ...parseLocation(raw) };
      },
    ],
  );
  b.field(
    'localTime',
    ['attributes', () => cleanOrNull(textOf(first(root, ['[data-test="local-time"]'])))],
    ['generic', () => visibleText(root as Node, 5000).match(/\d{1,2}:\d{2}\s*[ap]m\s+local time/i)?.[0] ?? null],
  );
  b.field(
    'photo',
    ['structured', () => (str(ld?.['image']) ? { url: str(ld?.['image'])!, alt: str(ld?.['name']) } : null)],
    [
      'markup',
      () => {
        const img = first(root, ['img.air3-avatar', '[data-test="freelancer-profile-top"] img', 'img[itemprop="image"]']);
        const src = absUrl(img?.getAttribute('src'), url.href);
        return src ? { url: src, alt: cleanOrNull(img?.getAttribute('alt')) } : null;
      },
    ],
  );
  b.field(
    'overview',
    ['structured', () => str(ld?.['description'])],
    ['attributes', () => cleanOrNull(visibleText(first(root, ['[data-test="description"]'])))],
    ['markup', () => cleanOrNull(visibleText(first(root, ['span.text-pre-line.break', '.text-pre-line'])))],
  );
  b.field(
    'skills',
    ['markup', () => all(root, '.air3-token-wrap .skill-name, .air3-token-wrap li').map(textOf).filter(Boolean)],
    ['attributes', () => all(root, '[data-test="skills"] li, [data-test="skill"]').map(textOf).filter(Boolean)],
  );
  b.field(
    'languages',
    ['attributes', () => readEntries(first(root, ['[data-test="languages"]']), readLanguage)],
    ['generic', () => readEntries(sectionByHeading(root, LANGUAGES_HEADING), readLanguage)],
  );
  b.field(
    'education',
    ['attributes', () => readEntries(first(root, ['[data-test="education"]']), readEducationEntry)],
    ['generic', () => readEntries(sectionByHeading(root, EDUCATION_HEADING), readEducationEntry)],
  );
  b.field(
    'employment',
    ['attributes', () => readEntries(first(root, ['[data-test="employment-history"]']), readEmploymentEntry)],
    ['generic', () => readEntries(sectionByHeading(root, /^employment history$/i) ?? sectionByHeading(root, EMPLOYMENT_HEADING), readEmploymentEntry)],
  );
  b.field('links', ['attributes', () => readLinks(doc, url.href)]);
  b.field('account', ['attributes', () => readAccount(doc)]);
  b.field('reviews', ['markup', () => readReviews(doc)]);

  return b.build(visibleText(root as Node, 25_000));
}

export const upwork: Extractor = {
  id: 'upwork',
  label: 'Upwork',
  matches: ['https://www.upwork.com/freelancers/*', 'https://www.upwork.com/fl/*'],
  handles(url) {
    return url.hostname === 'www.upwork.com' && /^\/(freelancers|fl)\/[^/]+/.test(url.pathname) && !/^\/freelancers\/(settings|api)\b/.test(url.pathname);
  },
  extract,
};
