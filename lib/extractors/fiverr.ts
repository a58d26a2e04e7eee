/**
 * Fiverr seller profiles (https://www.fiverr.com/<username>, and the localized hosts de./es./fr./it./nl./pt.).
 * Page structure: shared/platforms.md §3. Tiers: the SSR payload in `script#perseus-initial-props` (structured; its
 * seller keys are not documented, so several spellings are tried, shallow first) → JSON-LD → the seller card markup
 * (`.seller-card`, `ul.user-stats` label/value pairs, English or localized labels) → the heading-based reader.
 */
import { emptyAccount } from '../profile/fields';
import type { Account, Language, Profile } from '../profile/schema';
import { ProfileBuilder } from './builder';
import { absUrl, all, bodyOf, first, hasType, jsonLd, scriptJson, sectionByHeading, textOf, visibleText } from './dom';
import { cleanOrNull, parseCount, parseDatePoint, parseLocation, parseNumber, toCountryCode } from './parse';
import { LANGUAGES_HEADING, readEntries, readLanguage } from './sections';
import type { ExtractOptions, Extractor } from './types';

type Json = Record<string, unknown>;

const HOSTS = new Set(['www.fiverr.com', 'fiverr.com', 'de.fiverr.com', 'es.fiverr.com', 'fr.fiverr.com', 'it.fiverr.com', 'nl.fiverr.com', 'pt.fiverr.com']);
/** First path segments that are Fiverr's own pages, never a seller. */
const RESERVED = new Set(
  (
    'categories search gigs gig start_selling pro business support login join logout users inbox orders manage_gigs ' +
    'settings seller_dashboard resources community cp terms_of_service privacy-policy stores lp go sellers ' +
    'logo-maker checkout cart favorites lists notifications messages dashboard affiliates partnerships'
  ).split(' '),
);
const USERNAME = /^\/([A-Za-z0-9][A-Za-z0-9_.]{1,30})\/?$/;

function usernameOf(url: URL): string | null {
  const m = url.pathname.match(USERNAME);
  return m && !RESERVED.has(m[1]!.toLowerCase()) ? m[1]! : null;
}

function obj(v: unknown): Json | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null;
}

function str(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return typeof v === 'string' ? cleanOrNull(v) : null;
}

/** Value at a dotted path ("seller.user.name"), or undefined. */
function at(o: unknown, path: string): unknown {
  let cur: unknown = o;
  for (const k of path.split('.')) {
    const c = obj(cur);
    if (!c || !(k in c)) return undefined;
    cur = c[k];
  }
  return cur;
}

/** The first non-empty value among several paths. */
function pick(o: unknown, paths: readonly string[]): unknown {
  for (const p of paths) {
    const v = at(o, p);
    if (v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)) return v;
  }
  return undefined;
}

/** The seller object of the perseus payload: where the user's name and country live. */
function sellerOf(perseus: unknown): Json | null {
  const root = obj(perseus);
  if (!root) return null;
  for (const p of ['seller', 'sellerCard', 'userData', 'user', 'profile', 'props.seller', 'data.seller', 'initialProps.seller']) {
    const s = obj(at(root, p));
    if (s) return s;
  }
  return root;
}

const NAME_PATHS = ['user.displayName', 'user.fullName', 'user.name', 'displayName', 'fullName', 'name', 'user.username', 'username'];
const COUNTRY_PATHS = ['user.country', 'country', 'user.countryCode', 'countryCode', 'location.country', 'user.address.country'];
const SINCE_PATHS = ['user.memberSince', 'memberSince', 'user.memberDate', 'memberDate', 'user.joinedAt', 'joinedAt', 'createdAt', 'user.createdAt'];
const IMAGE_PATHS = ['user.profileImageUrl', 'profileImageUrl', 'user.profilePicURL', 'profilePicURL', 'user.image', 'image', 'user.avatar', 'avatar'];

/** A date from JSON: "2018-04-10", "Apr 2018", or epoch seconds/milliseconds. */
function datePoint(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v) && v > 1e8) {
    const d = new Date(v < 1e11 ? v * 1000 : v);
    return Number.isNaN(d.getTime()) ? null : `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  }
  const s = str(v);
  if (!s) return null;
  return parseDatePoint(s) ?? parseDatePoint(s.slice(0, 7));
}

function jsonLanguages(seller: Json): Language[] {
  const v = pick(seller, ['languages', 'user.languages', 'spokenLanguages']);
  if (!Array.isArray(v)) return [];
  return v.flatMap((l): Language[] => {
    const name = str(l) ?? str(pick(l, ['name', 'language', 'title', 'code']));
    if (!name) return [];
    return [{ name, level: str(pick(l, ['level', 'proficiency', 'levelName'])) }];
  });
}

function jsonSkills(seller: Json): string[] {
  const v = pick(seller, ['skills', 'user.skills', 'skillTags']);
  return Array.isArray(v) ? v.map((s) => str(s) ?? str(pick(s, ['name', 'title', 'label']))).filter((s): s is string => !!s) : [];
}

function jsonAccount(seller: Json, perseus: unknown): Account {
  const acc = emptyAccount();
  acc.memberSince = datePoint(pick(seller, SINCE_PATHS));
  const rating = parseNumber(str(pick(seller, ['rating.score', 'rating.average', 'rating', 'ratingScore', 'averageRating'])) ?? str(pick(perseus, ['rating', 'reviewsData.average_valuation'])));
  if (rating !== null && rating <= 5) acc.rating = rating;
  const count = parseCount(str(pick(seller, ['rating.count', 'ratingsCount', 'reviewsCount', 'rating.ratingsCount'])) ?? str(pick(perseus, ['reviewsData.total_count'])));
  if (count !== null) acc.reviewCount = count;
  const verified = pick(seller, ['user.isVerified', 'isVerified', 'verified']);
  if (typeof verified === 'boolean') acc.verified['identity'] = verified;
  return acc;
}

// ---------------------------------------------------------------------------------------------------------------
// Markup tier: the seller card.

const FROM_LABEL = /^(from|aus|de|desde|da|van|von|país|pays|paese|land)$/i;
const SINCE_LABEL = /^(member since|mitglied seit|membre depuis|miembro desde|membro dal|membro desde|lid sinds)$/i;

/** The value next to a label in `ul.user-stats` ("From" → "United States"). */
function stat(root: ParentNode, label: RegExp): string | null {
  for (const li of all(root, '.user-stats li, .stats li, ul.user-stats > li')) {
    const labelEl = first(li, ['span', '.stat-label']);
    const valueEl = first(li, ['b', 'strong', '.stat-value']);
    const l = textOf(labelEl).replace(/:$/, '');
    if (label.test(l) && valueEl) return cleanOrNull(textOf(valueEl));
  }
  return null;
}

function domPhoto(card: ParentNode, base: string): Profile['photo'] {
  const img = first(card, ['.profile-pict img', 'img.profile-pict-img', '.user-profile-image img', '.seller-card img.avatar', 'img[alt*="profile" i]']);
  const src = absUrl(img?.getAttribute('src'), base);
  return src ? { url: src, alt: cleanOrNull(img?.getAttribute('alt')) } : null;
}

function domAccount(card: ParentNode): Account {
  const acc = emptyAccount();
  const since = stat(card, SINCE_LABEL);
  if (since) acc.memberSince = parseDatePoint(since);
  const rating = parseNumber(textOf(first(card, ['.rating-score', '.orca-rating', '[class*="rating-score"]'])));
  if (rating !== null && rating <= 5) acc.rating = rating;
  const count = parseCount(textOf(first(card, ['.ratings-count', '.rating-count', '[class*="ratings-count"]'])));
  if (count !== null) acc.reviewCount = count;
  return acc;
}

function extract(doc: Document, opts: ExtractOptions): Profile {
  const url = new URL(opts.url);
  const username = usernameOf(url);
  const b = new ProfileBuilder('fiverr', url.href, username, opts.now);
  const perseus = scriptJson(doc, 'script#perseus-initial-props');
  const seller = sellerOf(perseus);
  const ld = jsonLd(doc).find((o) => hasType(o, 'Person')) ?? null;
  const card: ParentNode = first(doc, ['.seller-card', '.seller-profile', '.user-profile-info', '.seller-overview', 'main']) ?? doc;
  const body: ParentNode = first(doc, ['main', '#main-wrapper', '.main-content']) ?? bodyOf(doc);

  b.field(
    'name',
    ['structured', () => (seller ? str(pick(seller, NAME_PATHS)) : null)],
    ['structured', () => str(ld?.['name'])],
    ['markup', () => cleanOrNull(textOf(first(card, ['.seller-name', 'h1.username', '.username a', 'h1'])))],
  );
  b.field(
    'headline',
    ['structured', () => (seller ? str(pick(seller, ['oneLiner', 'user.oneLiner', 'professionalTitle', 'headline', 'tagline'])) : null)],
    ['markup', () => cleanOrNull(textOf(first(card, ['.one-liner', '.oneliner', 'p.tagline'])))],
  );
  b.field(
    'location',
    [
      'structured',
      () => {
        const c = seller ? str(pick(seller, COUNTRY_PATHS)) : null;
        return c ? { raw: c, city: null, country: toCountryCode(c) } : null;
      },
    ],
    [
      'markup',
      () => {
        const raw = stat(card, FROM_LABEL) ?? cleanOrNull(textOf(first(card, ['.country-name', '.user-location'])));
        return raw ? { raw, ...parseLocation(raw) } : null;
      },
    ],
  );
  b.field(
    'photo',
    [
      'structured',
      () => {
        const u = seller ? str(pick(seller, IMAGE_PATHS)) : null;
        const abs = absUrl(u, url.href);
        return abs ? { url: abs, alt: str(pick(seller, NAME_PATHS)) } : null;
      },
    ],
    ['markup', () => domPhoto(card, url.href)],
  );
  b.field(
    'overview',
    ['structured', () => (seller ? str(pick(seller, ['description', 'user.description', 'about', 'summary', 'bio'])) : null)],
    ['structured', () => str(ld?.['description'])],
    ['markup', () => cleanOrNull(textOf(first(body, ['.description p', '.seller-desc .inner', '.description'])))],
  );
  b.field(
    'skills',
    ['structured', () => (seller ? jsonSkills(seller) : [])],
    ['markup', () => all(body, '.skills li, .skills-list li, .skills a').map(textOf).filter(Boolean)],
  );
  b.field(
    'languages',
    ['structured', () => (seller ? jsonLanguages(seller) : [])],
    ['markup', () => all(body, '.languages li').map((li) => readLanguage(li)).filter((l): l is Language => !!l)],
    ['generic', () => readEntries(sectionByHeading(body, LANGUAGES_HEADING), readLanguage)],
  );
  b.field('account', ['structured', () => (seller ? jsonAccount(seller, perseus) : emptyAccount())], ['markup', () => domAccount(card)]);

  return b.build(visibleText(body as Node, 25_000));
}

export const fiverr: Extractor = {
  id: 'fiverr',
  label: 'Fiverr',
  matches: ['https://www.fiverr.com/*', 'https://*.fiverr.com/*'],
  handles(url) {
    return url.protocol === 'https:' && HOSTS.has(url.hostname) && usernameOf(url) !== null;
  },
  extract,
};
