/**
 * Guru freelancer profiles (https://www.guru.com/freelancers/<slug>).
 * Page structure: shared/platforms.md §7 (server-rendered ASP.NET pages; no verified selectors). Tiers per field:
 * JSON-LD Person → schema.org microdata (itemprop) → profile-* class markup → headings and the stats' labels
 * ("Earnings", "Feedback", "Rating", "Hourly Rate", "Member Since").
 */
import { emptyAccount } from '../profile/fields';
import type { Account, Link, Profile, Review } from '../profile/schema';
import { ProfileBuilder } from './builder';
import { absUrl, all, bodyOf, first, sectionByHeading, textOf, visibleText } from './dom';
import { cleanOrNull, findDateRange, parseMoney, parseNumber } from './parse';
import {
  EDUCATION_HEADING,
  EMPLOYMENT_HEADING,
  LANGUAGES_HEADING,
  readEducationEntry,
  readEmploymentEntry,
  readEntries,
  readLanguage,
} from './sections';
import { arr, datePointFrom, labelled, languageFromJson, ldPerson, linksFrom, locationFrom, photoFrom, reviewCards, str, urlsInText } from './site-helpers';
import type { ExtractOptions, Extractor } from './types';

const PROFILE_PATH = /^\/freelancers\/([a-z0-9][a-z0-9_-]*)\/?$/i;
/** /freelancers/<word> paths that are listings or tools, not profiles. */
const NOT_PROFILES = /^(search|find|categories|skills|location|featured|top|login|signup|register|settings|dashboard|workroom)$/i;
const OWN_HOST = /(^|\.)guru\.com$/i;

function slugFromUrl(url: URL): string | null {
  const m = url.pathname.match(PROFILE_PATH);
  return m && !NOT_PROFILES.test(m[1]!) ? m[1]!.toLowerCase() : null;
}

function readAccount(doc: Document): Account {
  const acc = emptyAccount();
  const box: ParentNode = first(doc, ['.profile-stats', 'dl.stats', '.profile-header']) ?? doc;
  const earnings = labelled(box, /^(all[- ]time )?earnings$/i);
  if (earnings) acc.totalEarnings = parseMoney(earnings);
  const feedback = labelled(box, /^feedback$/i);
  const pct = feedback && /%/.test(feedback) ? parseNumber(feedback) : null;
  if (pct !== null && pct <= 100) acc.jobSuccess = pct;
  const rating = parseNumber(labelled(box, /^rating$/i));
  if (rating !== null && rating <= 5) acc.rating = rating;
  const rate = labelled(box, /^hourly rate$/i);
  if (rate) acc.hourlyRate = parseMoney(rate);
  const since = labelled(box, /^members? since:?$/i);
  if (since) acc.memberSince = datePointFrom(since) ?? findDateRange(since)?.end ?? null;
  const reviews = all(doc, '.feedback-item').length;
  if (reviews) acc.reviewCount = reviews;
  return acc;
}

function readReviews(doc: Document): Review[] {
  return reviewCards(doc, { item: '.feedback-item', rating: '.feedback-rating', date: '.feedback-date', text: '.feedback-text' });
}

function extract(doc: Document, opts: ExtractOptions): Profile {
  const url = new URL(opts.url);
  const b = new ProfileBuilder('guru', url.href, slugFromUrl(url), opts.now);
  const ld = ldPerson(doc);
  const root: ParentNode = first(doc, ['#profile', '[itemtype*="schema.org/Person"]', 'main']) ?? bodyOf(doc);
  const micro: ParentNode = first(doc, ['[itemtype*="schema.org/Person"]']) ?? root;
  const overviewText = (): string =>
    str(ld?.['description']) ?? textOf(first(micro, ['[itemprop="description"]', '.profile-about p']));

  b.field(
    'name',
    ['structured', () => str(ld?.['name'])],
    ['attributes', () => cleanOrNull(textOf(first(micro, ['[itemprop="name"]'])))],
    ['markup', () => cleanOrNull(textOf(first(root, ['.profile-name', 'h1'])))],
  );
  b.field(
    'headline',
    ['structured', () => str(ld?.['jobTitle'])],
    ['attributes', () => cleanOrNull(textOf(first(micro, ['[itemprop="jobTitle"]'])))],
    ['markup', () => cleanOrNull(textOf(first(root, ['.profile-title'])))],
  );
  b.field(
    'location',
    ['structured', () => locationFrom(ld?.['address'] ?? ld?.['homeLocation'])],
    ['attributes', () => locationFrom(textOf(first(micro, ['[itemprop="address"]', '[itemprop="homeLocation"]'])))],
    ['markup', () => locationFrom(textOf(first(root, ['.profile-location'])))],
  );
  b.field(
    'photo',
    ['structured', () => photoFrom(ld?.['image'], ld?.['name'], url.href)],
    ['attributes', () => {
      const img = first(micro, ['img[itemprop="image"]']);
      return photoFrom(img?.getAttribute('src'), img?.getAttribute('alt'), url.href);
    }],
    ['markup', () => {
      const img = first(root, ['img.profile-avatar', '.profile-header img']);
      const src = absUrl(img?.getAttribute('src'), url.href);
      return src ? { url: src, alt: cleanOrNull(img?.getAttribute('alt')) } : null;
    }],
  );
  b.field(
    'overview',
    ['structured', () => str(ld?.['description'])],
    ['attributes', () => cleanOrNull(textOf(first(micro, ['[itemprop="description"]'])))],
    ['generic', () => {
      const s = sectionByHeading(root, /^(about|about me|overview)$/i);
      return s ? cleanOrNull(all(s, 'p').map(textOf).join(' ')) : null;
    }],
  );
  b.field(
    'skills',
    ['structured', () => arr(ld?.['knowsAbout']).map((x) => str(x) ?? '').filter(Boolean)],
    ['markup', () => all(root, '.profile-skills li, .skills-list li').map(textOf).filter(Boolean)],
    ['generic', () => {
      const s = sectionByHeading(root, /^(skills|top skills)$/i);
      return s ? all(s, 'li').map(textOf).filter((t) => t && t.length < 60) : [];
    }],
  );
  b.field(
    'languages',
    ['structured', () => arr(ld?.['knowsLanguage']).map(languageFromJson).filter((l) => l !== null)],
    ['generic', () => readEntries(sectionByHeading(root, LANGUAGES_HEADING), readLanguage)],
  );
  b.field(
    'education',
    ['markup', () => readEntries(first(root, ['.profile-education ul', '.profile-education']), readEducationEntry)],
    ['generic', () => readEntries(sectionByHeading(root, EDUCATION_HEADING), readEducationEntry)],
  );
  b.field(
    'employment',
    ['markup', () => readEntries(first(root, ['.profile-employment ul', '.profile-employment']), readEmploymentEntry)],
    ['generic', () => readEntries(sectionByHeading(root, EMPLOYMENT_HEADING), readEmploymentEntry)],
  );
  b.field('links', [
    'attributes',
    (): Link[] => [...linksFrom(arr(ld?.['sameAs']), url.href, OWN_HOST), ...linksFrom(urlsInText(overviewText()), url.href, OWN_HOST)],
  ]);
  b.field('account', ['markup', () => readAccount(doc)]);
  b.field('reviews', ['markup', () => readReviews(doc)]);

  return b.build(visibleText(root as Node, 25_000));
}

export const guru: Extractor = {
  id: 'guru',
  label: 'Guru',
  matches: ['https://www.guru.com/freelancers/*'],
  handles(url) {
    return url.hostname === 'www.guru.com' && slugFromUrl(url) !== null;
  },
  extract,
};
