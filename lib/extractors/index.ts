/** The extractor registry: which extractor reads which URL. Site extractors first, the generic one last. */
import type { Profile } from '../profile/schema';
import { fiverr } from './fiverr';
import { freelancer } from './freelancer';
import { generic } from './generic';
import { github } from './github';
import { guru } from './guru';
import { linkedin } from './linkedin';
import { peopleperhour } from './peopleperhour';
import { toptal } from './toptal';
import type { ExtractOptions, Extractor } from './types';
import { upwork } from './upwork';

export const SITE_EXTRACTORS: readonly Extractor[] = [upwork, freelancer, fiverr, toptal, linkedin, github, guru, peopleperhour];
export const EXTRACTORS: readonly Extractor[] = [...SITE_EXTRACTORS, generic];

/** Match patterns of every supported site, for the content script's manifest entry. */
export const SITE_MATCHES: string[] = SITE_EXTRACTORS.flatMap((e) => [...e.matches]);

/** The site extractor for a URL, or null when the URL is not a supported profile page. */
export function siteExtractorFor(url: string): Extractor | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  return SITE_EXTRACTORS.find((e) => e.handles(u)) ?? null;
}

/** Read a page: the site's extractor when there is one, otherwise the generic reader. Never throws on odd pages. */
export function extractProfile(doc: Document, opts: ExtractOptions & { forceGeneric?: boolean }): Profile {
  const ex = opts.forceGeneric ? generic : (siteExtractorFor(opts.url) ?? generic);
  return ex.extract(doc, opts);
}

export type { Extractor, ExtractOptions };
