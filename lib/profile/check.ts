/**
 * The Profile check every read goes through: validate against the schema; when a value fails, drop the offending
 * top-level fields (an empty value, recorded as missing) rather than throw, so odd pages give a partial Profile.
 * Used by the extractors' builder (lib/extractors/builder.ts) and, for the content script's reads, by the background
 * on receipt (entrypoints/background.ts): the content script's build replaces this module with check-page.ts so that
 * zod's schemas are not built inside every profile page (issue 8: page speed).
 */
import { emptyAccount, PROFILE_FIELDS } from './fields';
import { Profile, type ProfileField } from './schema';

/**
 * The checked Profile. `onDrop(field, reason)` is told of each field dropped. Throws (zod's error) only when what
 * cannot be dropped (`source`, `rawText`) is invalid.
 */
export function checkProfile(candidate: Record<string, unknown>, onDrop?: (field: string, reason: string) => void): Profile {
  const parsed = Profile.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  const missing = Array.isArray(candidate['missing']) ? [...(candidate['missing'] as unknown[])] : [];
  const provenance = candidate['provenance'] && typeof candidate['provenance'] === 'object' ? { ...(candidate['provenance'] as Record<string, unknown>) } : {};
  const fallback: Record<string, unknown> = { ...candidate, missing, provenance };
  for (const k of bad) {
    if (k === 'source' || k === 'rawText') continue;
    fallback[k] = k === 'account' ? emptyAccount() : Array.isArray(fallback[k]) ? [] : null;
    if ((PROFILE_FIELDS as readonly string[]).includes(k) && !missing.includes(k)) missing.push(k as ProfileField);
    delete provenance[k];
    onDrop?.(k, parsed.error.issues.find((i) => String(i.path[0]) === k)?.message ?? 'invalid');
  }
  return Profile.parse(fallback);
}

