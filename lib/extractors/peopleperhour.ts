/**
 * PeoplePerHour freelancer profiles (https://www.peopleperhour.com/freelancer/<category>/<name-title-id>, the older
 * /freelancer/<name>/<title>/<id> and the short /freelancer/<slug>).
 * Page structure: shared/platforms.md §8 (no verified selectors). Tiers per field: the freelancer object of the
 * embedded Next.js state (script#__NEXT_DATA__, read as text, found by shape) or JSON-LD Person → attributes →
 * the profile header's text ("$25/hr", "Reviews: 14 from 3 Clients", "Member since …") → headings.
 */
import { emptyAccount } from '../profile/fields';
import type { Account, Education, Employment, Language, Link, Profile, Review } from '../profile/schema';
import { ProfileBuilder } from './builder';
import { absUrl, all, first, sectionByHeading, textOf, visibleText } from './dom';
import { clean, cleanOrNull, findDateRange, parseCount, parseMoney, parseNumber } from './parse';
import {
  EDUCATION_HEADING,
  EMPLOYMENT_HEADING,
  LANGUAGES_HEADING,
  readEducationEntry,
  readEmploymentEntry,
  readEntries,
  readLanguage,
} from './sections';
import {
  arr,
  datePointFrom,
  educationFromJson,
  employmentFromJson,
  findObj,
  isObj,
  labelled,
  languageFromJson,
  ldPerson,
  linksFrom,
  locationFrom,
  num,
  photoFrom,
  scriptState,
  str,
  urlsInText,
  type Json,
} from './site-helpers';
import type { ExtractOptions, Extractor } from './types';

const PROFILE_PATH = /^\/freelancer\/([A-Za-z0-9_-]+)(?:\/([A-Za-z0-9_-]+))?(?:\/([A-Za-z0-9_-]+))?\/?$/;
/** /freelancer/<word> pages that belong to the signed-in account or to listings, not to a profile. */
const RESERVED = /^(dashboard|edit-profile|settings|inbox|messages|proposals|invoices|earnings|stats|offers|hourlies|jobs|search|login|register|signup|account|notifications)$/i;
const OWN_HOST = /(^|\.)peopleperhour\.com$/i;

function profileIdFromUrl(url: URL): string | null {
  const m = url.pathname.match(PROFILE_PATH);
  if (!m || RESERVED.test(m[1]!)) return null;
  const parts = [m[1], m[2], m[3]].filter((x): x is string => !!x);
  const last = parts[parts.length - 1]!;
  if (parts.length === 3) return /^\d+$/.test(last) ? last : null; // /freelancer/<name>/<title>/<id>
  if (parts.length === 2) return last.match(/-([a-z0-9]{5,})$/i)?.[1] ?? last; // /freelancer/<category>/<name-title-id>
  return last;
}

function stateFreelancer(doc: Document): Json | null {
  const state = scriptState(doc, ['script#__NEXT_DATA__']);
  if (!state) return null;
  return findObj(state, (o) => typeof o['fullName'] === 'string' && ('headline' in o || 'skills' in o || 'location' in o));
}

function objects(v: unknown): Json[] {
  return arr(v).filter(isObj);
}

function accountFromState(f: Json | null): Account | null {
  if (!f) return null;
  const acc = emptyAccount();
  acc.memberSince = datePointFrom(f['memberSince']);
  const rating = num(f['rating']);
  if (rating !== null && rating >= 0 && rating <= 5) acc.rating = rating;
  acc.reviewCount = num(f['reviewsCount'] ?? f['reviewCount']);
  acc.jobsCompleted = num(f['jobsCompleted']);
  const rate = f['hourlyRate'];
  const amount = isObj(rate) ? num(rate['amount']) : num(rate);
  if (amount !== null && amount > 0) {
    const currency = isObj(rate) ? str(rate['currency']) : null;
    acc.hourlyRate = { amount, currency, raw: `${amount}${currency ? ` ${currency}` : ''}/hr` };
  }
  return acc;
}

function accountFromMarkup(doc: Document, header: ParentNode): Account {
  const acc = emptyAccount();
  const text = visibleText(header as Node, 5000);
  const rate = text.match(/(?:US\$|\$|£|€)\s*\d[\d,.]*\s*\/\s*(?:hr|hour)/i);
  if (rate) acc.hourlyRate = parseMoney(rate[0]);
  const reviews = text.match(/reviews?:\s*(\d[\d,]*)(?:\s+from\s+\d+\s+clients?)?/i) ?? text.match(/\((\d[\d,]*)\s+reviews?\)/i);
  if (reviews) acc.reviewCount = parseCount(reviews[1]);
  const rating = text.match(/^(\d(?:\.\d)?)\s*\(\d[\d,]*\s+reviews?\)/im);
  if (rating) {
    const r = parseNumber(rating[1]);
    if (r !== null && r <= 5) acc.rating = r;
  }
  const since = labelled(doc, /^member since\s*/i);
  if (since) acc.memberSince = datePointFrom(since) ?? findDateRange(since)?.end ?? null;
  return acc;
}

function readReviews(doc: Document): Review[] {
  return all(doc, 'article.review, [data-testid="review"]').map((item) => {
    const rating = parseNumber(textOf(item.querySelector('.review-rating')));
    const time = item.querySelector('time');
    return {
      date: cleanOrNull(time?.getAttribute('datetime')) ?? cleanOrNull(textOf(time)),
      rating: rating !== null && rating <= 5 ? rating : null,
      text: textOf(item.querySelector('p')) || textOf(item),
    };
  });
}

function extract(doc: Document, opts: ExtractOptions): Profile {
  const url = new URL(opts.url);
  const b = new ProfileBuilder('peopleperhour', url.href, profileIdFromUrl(url), opts.now);
  const f = stateFreelancer(doc);
  const ld = ldPerson(doc);
  const main: ParentNode = first(doc, ['main', '#__next', '[role="main"]']) ?? doc;
  const header: ParentNode = first(main, ['.profile-header', 'header']) ?? main;
  const aboutText = (): string => {
    const s = sectionByHeading(main, /^(about|about me)$/i);
    return str(f?.['about']) ?? str(ld?.['description']) ?? (s ? all(s, 'p').map(textOf).join(' ') : '');
  };

  b.field(
    'name',
    ['structured', () => str(f?.['fullName']) ?? str(ld?.['name'])],
    ['attributes', () => cleanOrNull(textOf(first(doc, ['[itemprop="name"]', '[data-testid="freelancer-name"]'])))],
    ['markup', () => cleanOrNull(textOf(first(header, ['h1'])))],
    ['markup', () => cleanOrNull(clean(doc.title).split(/\s+-\s+|\s+\|\s+/)[0])],
  );
  b.field(
    'headline',
    ['structured', () => str(f?.['headline']) ?? str(f?.['title']) ?? str(ld?.['jobTitle'])],
    ['attributes', () => cleanOrNull(textOf(first(doc, ['[itemprop="jobTitle"]'])))],
    ['markup', () => cleanOrNull(textOf(first(header, ['h2'])))],
  );
  b.field(
    'location',
    ['structured', () => locationFrom(f?.['location']) ?? locationFrom(ld?.['address'] ?? ld?.['homeLocation'])],
    ['attributes', () => locationFrom(textOf(first(doc, ['[itemprop="address"]'])))],
    ['markup', () => {
      const t = all(header, 'p,span').map(textOf).find((x) => x.length < 60 && !/\d/.test(x) && locationFrom(x)?.country);
      return t ? locationFrom(t) : null;
    }],
  );
  b.field(
    'photo',
    ['structured', () => photoFrom(f?.['avatar'] ?? f?.['photo'] ?? ld?.['image'], f?.['fullName'] ?? ld?.['name'], url.href)],
    ['markup', () => {
      const img = first(header, ['img']) ?? first(doc, ['img[itemprop="image"]']);
      const src = absUrl(img?.getAttribute('src'), url.href);
      return src ? { url: src, alt: cleanOrNull(img?.getAttribute('alt')) } : null;
    }],
  );
  b.field(
    'overview',
    ['structured', () => str(f?.['about']) ?? str(f?.['description']) ?? str(ld?.['description'])],
    ['generic', () => {
      const s = sectionByHeading(main, /^(about|about me)$/i);
      return s ? cleanOrNull(all(s, 'p').map(textOf).join(' ')) : null;
    }],
  );
  b.field(
    'skills',
    ['structured', () => arr(f?.['skills'] ?? ld?.['knowsAbout']).map((s) => str(isObj(s) ? s['name'] : s) ?? '').filter(Boolean)],
    ['generic', () => {
      const s = sectionByHeading(main, /^(skills|expertise)$/i);
      return s ? all(s, 'li').map(textOf).filter((t) => t && t.length < 60) : [];
    }],
  );
  b.field(
    'languages',
    ['structured', () => arr(f?.['languages']).map(languageFromJson).filter((l): l is Language => !!l)],
    ['generic', () => readEntries(sectionByHeading(main, LANGUAGES_HEADING), readLanguage)],
  );
  b.field(
    'education',
    ['structured', () => objects(f?.['educations'] ?? f?.['education']).map(educationFromJson).filter((e): e is Education => !!e)],
    ['generic', () => readEntries(sectionByHeading(main, EDUCATION_HEADING), readEducationEntry)],
  );
  b.field(
    'employment',
    ['structured', () => objects(f?.['experiences'] ?? f?.['employments']).map(employmentFromJson).filter((e): e is Employment => !!e)],
    ['generic', () => readEntries(sectionByHeading(main, EMPLOYMENT_HEADING), readEmploymentEntry)],
  );
  b.field('links', [
    'attributes',
    (): Link[] => [...linksFrom(arr(ld?.['sameAs']), url.href, OWN_HOST), ...linksFrom(urlsInText(aboutText()), url.href, OWN_HOST)],
  ]);
  b.field('account', ['structured', () => accountFromState(f)], ['markup', () => accountFromMarkup(doc, header)]);
  b.field('reviews', ['markup', () => readReviews(doc)]);

  return b.build(visibleText(main as Node, 25_000));
}

export const peopleperhour: Extractor = {
  id: 'peopleperhour',
  label: 'PeoplePerHour',
  matches: ['https://www.peopleperhour.com/freelancer/*'],
  handles(url) {
    return url.hostname === 'www.peopleperhour.com' && profileIdFromUrl(url) !== null;
  },
  extract,
};
