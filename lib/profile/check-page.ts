/**
 * Stands in for ./check.ts in the content script's build only (wxt.config.ts aliases it): the profile read in the
 * page is sent unchecked, flagged `unchecked`, and the background runs the real checkProfile on receipt before
 * anything else (entrypoints/background.ts). This keeps zod's schemas out of every profile page (issue 8).
 */
import type { Profile } from './schema';

export function checkProfile(candidate: Record<string, unknown>): Profile {
  return candidate as unknown as Profile;
}

