/**
 * Freelancer.com user profiles (https://www.freelancer.com/u/<username>, older /u/<username>.html).
 * Page structure: shared/platforms.md §2 (Angular SSR app with fl-* custom elements; the REST API's user fields).
 * Tiers per field: the user object of the embedded Angular transfer state (script#ng-state / #serverApp-state, read
 * as text) or JSON-LD Person → attributes → fl-* class markup → the heading-based reader.
 */
import { emptyAccount } from '../profile/fields';
import type { Account, Education, Employment, Link, Profile, Review } from '../profile/schema';
import { ProfileBuilder } from './builder';
import { absUrl, all, first, sectionByHeading, textOf, visibleText } from './dom';
import { clean, cleanOrNull, findDateRange, parseCount, parseDateRange, parseLocation, parseMoney, parseNumber } from './parse';
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
  findObj,
  isObj,
  labelled,
  ldPerson,
  linksFrom,
  locationFrom,
  num,
  photoFrom,
  scriptState,
  str,
  urlsInText,
  type Json,
  reviewCards,
} from './site-helpers';
import type { ExtractOptions, Extractor } from './types';

const PROFILE_PATH = /^\/u\/([A-Za-z0-9_.-]+?)(?:\.html)?\/?$/;
const OWN_HOST = /(^|\.)freelancer\.com$|(^|\.)f-cdn\.com$/i;

function usernameFromUrl(url: URL): string | null {
  return url.pathname.match(PROFILE_PATH)?.[1] ?? null;
}

/** The user object of the embedded state: an object with a username and profile fields (API field names). */
function stateUser(doc: Document, username: string | null): Json | null {
  const state = scriptState(doc, ['script#ng-state', 'script#serverApp-state', 'script[type="application/json"]']);
  if (!state) return null;
  const isUser = (o: Json) =>
    typeof o['username'] === 'string' && ('public_name' in o || 'display_name' in o || 'reputation' in o || 'tagline' in o);
  return (
    findObj(state, (o) => isUser(o) && (!username || String(o['username']).toLowerCase() === username.toLowerCase())) ??
    findObj(state, isUser)
  );
}

function childTexts(el: Element, selector = 'fl-text'): string[] {
  return all(el, selector).map(textOf).filter(Boolean);
}

/** An ExperienceItem of the fl-* markup: h3 title, fl-text.Company, fl-text.Dates, fl-text.Description. */
function readFlEmployment(el: Element): Employment | null {
  const title = cleanOrNull(textOf(el.querySelector('h3,h4')));
  const company = cleanOrNull(textOf(el.querySelector('.Company')));
  if (!title && !company) return null;
  const dates = textOf(el.querySelector('.Dates'));
  const range = parseDateRange(dates) ?? findDateRange(dates);
  const desc = cleanOrNull(textOf(el.querySelector('.Description')));
  let location: string | null = null;
  let country: string | null = null;
  let description = desc;
  if (desc) {
    const firstSentence = desc.split(/\.\s/)[0]!.replace(/\.$/, '');
    const loc = firstSentence.length <= 60 ? parseLocation(firstSentence) : null;
    if (loc?.country) {
      location = firstSentence;
      country = loc.country;
      description = cleanOrNull(desc.slice(firstSentence.length).replace(/^\.\s*/, ''));
    }
  }
  const raw = [title, company, dates, desc].filter(Boolean).join(' · ');
  return { company, title, location, country, start: range?.start ?? null, end: range?.present ? null : (range?.end ?? null), description, raw };
}

const DEGREE = /\b(bachelor|master|doctor|ph\.?d|mba|associate|diploma|degree|b\.?sc?|m\.?sc?|b\.?eng|m\.?eng)/i;

/** An EducationItem of the fl-* markup: h3 school, fl-text lines for degree and "Country 2010 - 2014". */
function readFlEducation(el: Element): Education | null {
  const school = cleanOrNull(textOf(el.querySelector('h3,h4')));
  if (!school) return null;
  const lines = childTexts(el);
  const degreeLine = lines.find((l) => DEGREE.test(l)) ?? null;
  const [degree, ...rest] = degreeLine ? degreeLine.split(/\s*,\s*/) : [];
  const range = findDateRange(lines.join(' · '));
  return {
    school,
    degree: cleanOrNull(degree),
    field: cleanOrNull(rest.join(', ')),
    start: range?.start ?? null,
    end: range?.end ?? null,
    raw: [school, ...lines].join(' · '),
  };
}

function accountFromState(u: Json | null): Account | null {
  if (!u) return null;
  const acc = emptyAccount();
  acc.memberSince = datePointFrom(u['registration_date']);
  const status = u['status'];
  if (isObj(status)) {
    for (const [k, v] of Object.entries(status)) {
      if (typeof v !== 'boolean') continue;
      const m = k.match(/^(.+)_verified$/);
      if (m) acc.verified[m[1]!] = v;
    }
  }
  const hist = isObj(u['reputation']) ? (u['reputation']['entire_history'] as unknown) : null;
  if (isObj(hist)) {
    const overall = num(hist['overall']);
    if (overall !== null && overall >= 0 && overall <= 5) acc.rating = overall;
    acc.reviewCount = num(hist['reviews']);
    acc.jobsCompleted = num(hist['complete']);
    // The API's own completion rate (0–1) when given (ReputationDetails.completion_rate), else complete / all.
    const rate = num(hist['completion_rate']);
    const all = num(hist['all']);
    if (rate !== null && rate >= 0 && rate <= 1) acc.jobSuccess = Math.round(rate * 100);
    else if (acc.jobsCompleted !== null && all) acc.jobSuccess = Math.round((acc.jobsCompleted / all) * 100);
  }
  const rate = num(u['hourly_rate']);
  if (rate !== null && rate > 0) {
    const cur = isObj(u['primary_currency']) ? str(u['primary_currency']['code']) : null;
    acc.hourlyRate = { amount: rate, currency: cur, raw: `${rate}${cur ? ` ${cur}` : ''}/hr` };
  }
  return acc;
}

function accountFromMarkup(doc: Document): Account {
  const acc = emptyAccount();
  const header = first(doc, ['fl-col.SummaryHeader']) ?? doc;
  const rating = parseNumber(textOf(header.querySelector('.ValueBlock')));
  if (rating !== null && rating <= 5) acc.rating = rating;
  acc.reviewCount = parseCount(textOf(header.querySelector('.ReviewCount')));
  const rateRow = all(header, '.Row').map(textOf).find((t) => /hour|\/\s*hr/i.test(t));
  if (rateRow) acc.hourlyRate = parseMoney(rateRow);
  for (const item of all(doc, '.ReputationItem')) {
    const amount = textOf(item.querySelector('.ReputationItemAmount'));
    if (/jobs completed/i.test(textOf(item))) {
      const pct = parseNumber(amount);
      if (pct !== null && /%/.test(amount) && pct <= 100) acc.jobSuccess = pct;
    }
  }
  const joined = labelled(doc, /^joined\s*/i);
  if (joined) acc.memberSince = datePointFrom(joined) ?? findDateRange(joined)?.end ?? null;
  return acc;
}

function readReviews(doc: Document): Review[] {
  return reviewCards(doc, { item: 'fl-bit.ReviewItem, fl-review-card', rating: '.ValueBlock, fl-rating', date: '.ReviewDate', text: '.ReviewText' });
}

function extract(doc: Document, opts: ExtractOptions): Profile {
  const url = new URL(opts.url);
  const username = usernameFromUrl(url);
  const b = new ProfileBuilder('freelancer', url.href, username, opts.now);
  const u = stateUser(doc, username);
  const ld = ldPerson(doc);
  const root: ParentNode = first(doc, ['app-root', 'main']) ?? doc;
  const overviewText = (): string => str(u?.['profile_description']) ?? textOf(first(doc, ['fl-text.ProfileDescription', '.ProfileDescription']));

  b.field(
    'name',
    ['structured', () => str(u?.['public_name']) ?? str(u?.['display_name']) ?? str(ld?.['name'])],
    ['attributes', () => cleanOrNull(textOf(first(doc, ['[itemprop="name"]', '[data-username-display]'])))],
    ['markup', () => cleanOrNull(textOf(first(doc, ['fl-col.SummaryHeader h3', '.SummaryHeader h3'])))],
    ['markup', () => cleanOrNull(clean(doc.title).split(/\s+-\s+/)[0]?.replace(/\s*\|\s*Freelancer$/i, ''))],
  );
  b.field(
    'headline',
    ['structured', () => str(u?.['tagline']) ?? str(ld?.['jobTitle'])],
    ['markup', () => cleanOrNull(textOf(first(doc, ['fl-heading.Tagline h2', '.Tagline h2', '.Tagline'])))],
  );
  b.field(
    'location',
    ['structured', () => locationFrom(u?.['location']) ?? locationFrom(ld?.['address'] ?? ld?.['homeLocation'])],
    ['attributes', () => locationFrom(textOf(first(doc, ['[itemprop="address"]', '[data-location]'])))],
    [
      'markup',
      () => {
        const box = first(doc, ['fl-col.SupplementaryInfo', '.SupplementaryInfo']);
        if (!box) return null;
        const cand = [textOf(box.querySelector('.Location')), ...childTexts(box)].filter(Boolean);
        const raw = cand.find((t) => !/currently|joined|recommend/i.test(t) && parseLocation(t).country);
        return raw ? locationFrom(raw) : null;
      },
    ],
  );
  b.field(
    'localTime',
    ['markup', () => cleanOrNull(visibleText(root as Node, 20_000).match(/it'?s currently\s+(\d{1,2}:\d{2}\s*[AP]M)\s+here/i)?.[1])],
    ['markup', () => cleanOrNull(textOf(first(doc, ['.LocalTime'])))],
  );
  b.field(
    'photo',
    ['structured', () => photoFrom(u?.['avatar_large_cdn'] ?? u?.['avatar_cdn'] ?? ld?.['image'], u?.['public_name'] ?? ld?.['name'], url.href)],
    [
      'markup',
      () => {
        const img = first(doc, ['fl-col.SummaryHeader img', 'fl-user-avatar img', 'img.UserAvatar', 'img[itemprop="image"]']);
        const src = absUrl(img?.getAttribute('src'), url.href);
        return src ? { url: src, alt: cleanOrNull(img?.getAttribute('alt')) } : null;
      },
    ],
  );
  b.field(
    'overview',
    ['structured', () => str(u?.['profile_description']) ?? str(ld?.['description'])],
    ['markup', () => cleanOrNull(textOf(first(doc, ['fl-text.ProfileDescription', '.ProfileDescription', 'fl-col.About'])))],
    ['generic', () => cleanOrNull(textOf(sectionByHeading(root, /^(about me|summary)$/i)).replace(/^(about me|summary)\s*/i, ''))],
  );
  b.field(
    'skills',
    ['structured', () => arr(u?.['jobs']).map((j) => str(isObj(j) ? j['name'] : j) ?? '').filter(Boolean)],
    ['markup', () => all(doc, 'fl-col.Skills fl-tag, .Skills .SkillTag').map(textOf).filter(Boolean)],
    ['generic', () => {
      const s = sectionByHeading(root, /^(top )?skills$/i);
      return s ? all(s, 'li, fl-tag').map(textOf).filter((t) => t && t.length < 60) : [];
    }],
  );
  b.field('languages', ['generic', () => readEntries(sectionByHeading(root, LANGUAGES_HEADING), readLanguage)]);
  b.field(
    'education',
    ['markup', () => all(doc, 'fl-bit.EducationItem, .Education .EducationItem').map(readFlEducation).filter((e): e is Education => !!e)],
    ['generic', () => readEntries(sectionByHeading(root, EDUCATION_HEADING), readEducationEntry)],
  );
  b.field(
    'employment',
    ['markup', () => all(doc, 'fl-bit.ExperienceItem, .Experiences .ExperienceItem').map(readFlEmployment).filter((e): e is Employment => !!e)],
    ['generic', () => readEntries(sectionByHeading(root, EMPLOYMENT_HEADING), readEmploymentEntry)],
  );
  b.field('links', [
    'attributes',
    (): Link[] => [
      ...linksFrom(arr(ld?.['sameAs']), url.href, OWN_HOST),
      ...linksFrom(all(doc, 'fl-col.SocialLinks a[href], [data-profile-link] a[href]').map((a) => a.getAttribute('href')), url.href, OWN_HOST),
      ...linksFrom(urlsInText(overviewText()), url.href, OWN_HOST),
    ],
  ]);
  b.field('account', ['structured', () => accountFromState(u)], ['markup', () => accountFromMarkup(doc)]);
  b.field('reviews', ['markup', () => readReviews(doc)]);

  return b.build(visibleText(root as Node, 25_000));
}

export const freelancer: Extractor = {
  id: 'freelancer',
  label: 'Freelancer.com',
  matches: ['https://www.freelancer.com/u/*'],
  handles(url) {
    return url.hostname === 'www.freelancer.com' && PROFILE_PATH.test(url.pathname);
  },
  extract,
};
