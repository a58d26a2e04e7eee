/** The stable key of a profile across checks: platform + the platform's id, else the normalized URL. */
import type { Source } from '../profile/schema';

export function normalizeProfileUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname.replace(/^www\./, '').toLowerCase()}${u.pathname.replace(/\/+$/, '').toLowerCase()}`;
  } catch {
    return url.trim().toLowerCase();
  }
}

export function profileKey(source: Pick<Source, 'platform' | 'profileId' | 'url'>): string {
  return source.profileId ? `${source.platform}:${source.profileId.toLowerCase()}` : `${source.platform}:${normalizeProfileUrl(source.url)}`;
}
