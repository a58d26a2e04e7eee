/**
 * The profile's plain constants (no zod), for code that runs in the page: the extractors and the badge use these
 * without bundling the schemas into the content script (issue 8: page speed). lib/profile/schema.ts re-exports them.
 */
import type { Account } from './schema';

/** Platforms Vetter knows. `generic` is any other page read by the heading/JSON-LD reader. */
export const PLATFORM_IDS = ['upwork', 'freelancer', 'fiverr', 'toptal', 'linkedin', 'github', 'guru', 'peopleperhour', 'generic'] as const;

/** Fields an extractor looks for; `missing[]` names those it did not find. */
export const PROFILE_FIELDS = [
  'name',
  'headline',
  'location',
  'localTime',
  'photo',
  'overview',
  'skills',
  'languages',
  'education',
  'employment',
  'links',
  'account',
  'reviews',
] as const;

/**
 * Which reading tier produced a field: `structured` (JSON-LD, embedded JSON state), `attributes` (itemprop,
 * data-test…), `markup` (class names, layout), `generic` (heading-based reader), `url` (taken from the address).
 */
export const READ_TIERS = ['structured', 'attributes', 'markup', 'generic', 'url'] as const;

/** The visible profile text is kept up to this many characters. */
export const RAW_TEXT_CAP = 20_000;

export function emptyAccount(): Account {
  return {
    memberSince: null,
    verified: {},
    rating: null,
    jobSuccess: null,
    reviewCount: null,
    jobsCompleted: null,
    totalEarnings: null,
    hourlyRate: null,
  };
}
