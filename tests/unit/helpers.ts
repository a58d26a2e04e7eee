/**
 * Shared helpers for the unit tests: fixture loading (the original URL is read from each fixture's top comment),
 * a minimal valid Profile to build rule inputs from, and a resolver for evidence paths.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHtmlDocument } from '../../lib/cli/check';
import { upwork } from '../../lib/extractors/upwork';
import {
  emptyAccount,
  Profile,
  type Education,
  type Employment,
  type Profile as ProfileT,
} from '../../lib/profile/schema';

// A string, not a URL object: under happy-dom the global URL is not Node's, and fileURLToPath rejects it.
const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(HERE, '../..');
export const FIXTURE_DIR = resolve(HERE, '../fixtures/upwork');

export const FIXTURE_NAMES = ['full-flagged', 'clean', 'sparse-logged-out'] as const;
export type FixtureName = (typeof FIXTURE_NAMES)[number];

export const NOW = new Date('2025-03-01T12:00:00.000Z');

export function fixturePath(name: FixtureName): string {
  return resolve(FIXTURE_DIR, `${name}.html`);
}

/** The fixture's HTML and the URL its top comment gives (`URL: https://…`). */
export function loadFixture(name: FixtureName): { html: string; url: string } {
  const html = readFileSync(fixturePath(name), 'utf8');
  const comment = html.match(/<!--([\s\S]*?)-->/)?.[1] ?? '';
  const url = comment.match(/^\s*URL:\s*(\S+)/m)?.[1];
  if (!url) throw new Error(`fixture ${name} has no "URL:" line in its top comment`);
  return { html, url };
}

/** Parse a fixture with linkedom (as the CLI does) and run the Upwork extractor on it. */
export function extractFixture(name: FixtureName, now: Date = NOW): ProfileT {
  const { html, url } = loadFixture(name);
  return upwork.extract(parseHtmlDocument(html), { url, now });
}

/** A minimal valid Profile (nothing read), with overrides. Validated, so a bad override fails loudly. */
export function makeProfile(overrides: Partial<ProfileT> = {}): ProfileT {
  const base: ProfileT = {
    source: {
      platform: 'upwork',
      url: 'https://www.upwork.com/freelancers/~01aaaaaaaaaaaaaaaa',
      profileId: '~01aaaaaaaaaaaaaaaa',
      capturedAt: NOW.toISOString(),
    },
    name: 'Test Person',
    headline: null,
    location: null,
    localTime: null,
    photo: { url: 'https://www.upwork.com/profile-portraits/c1realphoto_100x100.jpg', alt: 'Test Person' },
    overview: null,
    skills: [],
    languages: [],
    education: [],
    employment: [],
    links: [],
    account: emptyAccount(),
    reviews: [],
    paymentMentions: [],
    rawText: '',
    missing: [],
    provenance: {},
  };
  return Profile.parse({ ...base, ...overrides });
}

export function edu(school: string, extra: Partial<Education> = {}): Education {
  return { school, degree: null, field: null, start: null, end: null, raw: school, ...extra };
}

export function emp(company: string | null, country: string | null, extra: Partial<Employment> = {}): Employment {
  return {
    company,
    title: 'Engineer',
    location: country ? `Somewhere, ${country}` : null,
    country,
    start: null,
    end: null,
    description: null,
    raw: `${company ?? ''}`,
    ...extra,
  };
}

/**
 * Resolve an evidence path such as `education[0].school` or `photo.url` against an object. Returns undefined when
 * any step of the path does not exist.
 */
export function resolvePath(obj: unknown, path: string): unknown {
  const steps: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = part.match(/^([^[\]]+)((?:\[\d+\])*)$/);
    if (!m) return undefined;
    steps.push(m[1]!, ...[...m[2]!.matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1])));
  }
  let cur: unknown = obj;
  for (const s of steps) {
    if (cur === null || typeof cur !== 'object' || !(s in cur)) return undefined;
    cur = (cur as Record<string | number, unknown>)[s];
  }
  return cur;
}
