/**
 * Toptal public resumes (https://www.toptal.com/resume/<first-last>, https://www.toptal.com/<skill>/resume/<first-last>).
 * Page structure: shared/platforms.md §6 (no verified selectors). Tiers per field: the resume object of the embedded
 * Next.js state (script#__NEXT_DATA__, read as text and found by shape) or JSON-LD Person → attributes (itemprop)
 * → the resume's own headings ("Work Experience", "Education", "Skills", "Toptal Member Since").
 */
import { emptyAccount } from '../profile/fields';
import type { Account, Education, Employment, Language, Link, Profile } from '../profile/schema';
import { ProfileBuilder } from './builder';
import { absUrl, all, first, sectionByHeading, textOf, visibleText } from './dom';
import { clean, cleanOrNull, parseLocation } from './parse';
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
  photoFrom,
  scriptState,
  str,
  urlsInText,
  type Json,
} from './site-helpers';
import type { ExtractOptions, Extractor } from './types';

const PROFILE_PATH = /^\/(?:[a-z0-9-]+\/)?resume\/([a-z0-9][a-z0-9-]*)\/?$/i;
const OWN_HOST = /(^|\.)toptal\.(com|io)$/i;

function slugFromUrl(url: URL): string | null {
  return url.pathname.match(PROFILE_PATH)?.[1]?.toLowerCase() ?? null;
}

/** The resume object of __NEXT_DATA__: the object that carries the person's full name and role. */
function stateResume(doc: Document): Json | null {
  const state = scriptState(doc, ['script#__NEXT_DATA__']);
  if (!state) return null;
  return findObj(state, (o) => typeof o['fullName'] === 'string' && ('role' in o || 'slug' in o || 'employments' in o));
}

function objects(v: unknown): Json[] {
  return arr(v).filter(isObj);
}

/** "Zhejiang University - Hangzhou, China" → "Zhejiang University" (the heading reader keeps the place). */
function trimSchoolPlace(e: Education): Education {
  const m = e.school.match(/^(.+?)\s+[-–—]\s+(.+)$/);
  if (m && parseLocation(m[2]!).country) return { ...e, school: clean(m[1]) };
  return e;
}

function accountOf(r: Json | null, doc: Document): Account {
  const acc = emptyAccount();
  acc.memberSince = datePointFrom(r?.['memberSince']) ?? datePointFrom(labelled(doc, /^(toptal )?member since\s*/i));
  return acc;
}

function extract(doc: Document, opts: ExtractOptions): Profile {
  const url = new URL(opts.url);
  const b = new ProfileBuilder('toptal', url.href, slugFromUrl(url), opts.now);
  const r = stateResume(doc);
  const ld = ldPerson(doc);
  const main: ParentNode = first(doc, ['main', '#__next', '[role="main"]']) ?? doc;

  b.field(
    'name',
    ['structured', () => str(r?.['fullName']) ?? str(ld?.['name'])],
    ['attributes', () => cleanOrNull(textOf(first(doc, ['[itemprop="name"]', '[data-testid="talent-name"]'])))],
    ['markup', () => cleanOrNull(textOf(first(main, ['h1'])))],
    ['markup', () => cleanOrNull(clean(doc.title).split(/,\s+/)[0])],
  );
  b.field(
    'headline',
    ['structured', () => str(r?.['role']) ?? str(r?.['title']) ?? str(ld?.['jobTitle'])],
    ['attributes', () => cleanOrNull(textOf(first(doc, ['[itemprop="jobTitle"]', '[data-testid="talent-role"]'])))],
    ['markup', () => {
      const h1 = first(main, ['h1']);
      const next = h1?.nextElementSibling;
      const t = textOf(next);
      return t && !parseLocation(t).country && t.length < 80 ? t : null;
    }],
  );
  b.field(
    'location',
    ['structured', () => locationFrom(r?.['location']) ?? locationFrom(ld?.['address'] ?? ld?.['homeLocation'])],
    ['attributes', () => locationFrom(textOf(first(doc, ['[itemprop="address"]', '[data-testid="talent-location"]'])))],
    ['markup', () => {
      const h1 = first(main, ['h1']);
      const box = h1?.parentElement;
      const t = box ? all(box, 'p,span,div').map(textOf).find((x) => x.length < 60 && !/member since/i.test(x) && parseLocation(x).country) : null;
      return t ? locationFrom(t) : null;
    }],
  );
  b.field(
    'photo',
    ['structured', () => photoFrom(r?.['photo'] ?? r?.['photoUrl'] ?? ld?.['image'], r?.['fullName'] ?? ld?.['name'], url.href)],
    ['markup', () => {
      const h1 = first(main, ['h1']);
      const img = (h1?.parentElement ? first(h1.parentElement, ['img']) : null) ?? first(doc, ['img[itemprop="image"]']);
      const src = absUrl(img?.getAttribute('src'), url.href);
      return src ? { url: src, alt: cleanOrNull(img?.getAttribute('alt')) } : null;
    }],
  );
  b.field(
    'overview',
    ['structured', () => str(r?.['bio']) ?? str(r?.['about']) ?? str(ld?.['description'])],
    ['attributes', () => cleanOrNull(textOf(first(doc, ['[itemprop="description"]'])))],
    ['generic', () => {
      const s = sectionByHeading(main, /^(bio|about)$/i);
      return s ? cleanOrNull(all(s, 'p').map(textOf).join(' ')) : null;
    }],
  );
  b.field(
    'skills',
    ['structured', () => arr(r?.['skills']).map((s) => str(isObj(s) ? s['name'] : s) ?? '').filter(Boolean)],
    ['generic', () => {
      const s = sectionByHeading(main, /^(skills|expertise)$/i);
      return s ? all(s, 'li').map(textOf).filter((t) => t && t.length < 60) : [];
    }],
  );
  b.field(
    'languages',
    ['structured', () => arr(r?.['languages']).map(languageFromJson).filter((l): l is Language => !!l)],
    ['generic', () => readEntries(sectionByHeading(main, LANGUAGES_HEADING), readLanguage)],
  );
  b.field(
    'education',
    ['structured', () => objects(r?.['educations'] ?? r?.['education']).map(educationFromJson).filter((e): e is Education => !!e)],
    ['generic', () => readEntries(sectionByHeading(main, EDUCATION_HEADING), readEducationEntry).map(trimSchoolPlace)],
  );
  b.field(
    'employment',
    ['structured', () => objects(r?.['employments'] ?? r?.['employment']).map(employmentFromJson).filter((e): e is Employment => !!e)],
    ['generic', () => readEntries(sectionByHeading(main, /^work experience$/i) ?? sectionByHeading(main, EMPLOYMENT_HEADING), readEmploymentEntry)],
  );
  b.field('links', [
    'structured',
    (): Link[] => [...linksFrom(arr(r?.['links']), url.href, OWN_HOST), ...linksFrom(arr(ld?.['sameAs']), url.href, OWN_HOST)],
  ], ['attributes', () => linksFrom(urlsInText(textOf(sectionByHeading(main, /^(bio|about)$/i))), url.href, OWN_HOST)]);
  b.field('account', ['structured', () => accountOf(r, doc)]);

  return b.build(visibleText(main as Node, 25_000));
}

export const toptal: Extractor = {
  id: 'toptal',
  label: 'Toptal',
  matches: ['https://www.toptal.com/resume/*', 'https://www.toptal.com/*/resume/*'],
  handles(url) {
    return url.hostname === 'www.toptal.com' && PROFILE_PATH.test(url.pathname);
  },
  extract,
};
