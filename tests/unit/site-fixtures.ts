/**
 * Fixture loading for the Freelancer, Toptal, Guru and PeoplePerHour extractor tests: each fixture's URL is read from
 * its top comment (`URL: https://…`), the page is parsed with linkedom as the CLI does, and the rules can be run on
 * the result to check which fixtures are seeded with red flags.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHtmlDocument } from '../../lib/cli/check';
import type { Extractor } from '../../lib/extractors/types';
import type { Profile } from '../../lib/profile/schema';
import { RULES } from '../../lib/rules';

const HERE = dirname(fileURLToPath(import.meta.url));
export const FIXTURES_ROOT = resolve(HERE, '../fixtures');
export const NOW = new Date('2025-03-01T12:00:00.000Z');

export function fixtureNames(platform: string): string[] {
  return readdirSync(resolve(FIXTURES_ROOT, platform))
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.replace(/\.html$/, ''))
    .sort();
}

export function loadSiteFixture(platform: string, name: string): { html: string; url: string } {
  const html = readFileSync(resolve(FIXTURES_ROOT, platform, `${name}.html`), 'utf8');
  const comment = html.match(/<!--([\s\S]*?)-->/)?.[1] ?? '';
  const url = comment.match(/^\s*URL:\s*(\S+)/m)?.[1];
  if (!url) throw new Error(`fixture ${platform}/${name} has no "URL:" line in its top comment`);
  return { html, url };
}

export function extractSite(ex: Extractor, platform: string, name: string): Profile {
  const { html, url } = loadSiteFixture(platform, name);
  return ex.extract(parseHtmlDocument(html), { url, now: NOW });
}

export function docOf(html: string): Document {
  return parseHtmlDocument(html);
}

/** The ids of the rules that fire on a profile. */
export function firedRules(p: Profile): string[] {
  return RULES.filter((r) => r.check(p, { now: NOW }).length > 0).map((r) => r.meta.id);
}
