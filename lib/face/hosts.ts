/**
 * The image hosts the background may fetch profile photos from (reviewed list; also the manifest's
 * host_permissions, so the fetch is not blocked by CORS). Taken from the supported sites' profile markup
 * (shared/platforms.md, tests/fixtures). A photo on any other host is not fetched, so a page cannot make the
 * extension request arbitrary URLs.
 */
export const PHOTO_HOST_PATTERNS = [
  'https://www.upwork.com/profile-portraits/*',
  'https://*.f-cdn.com/*',
  'https://fiverr-res.cloudinary.com/*',
  'https://res.cloudinary.com/gurucom/*',
  'https://uploads.toptal.io/*',
  'https://media.licdn.com/*',
  'https://avatars.githubusercontent.com/*',
  'https://dy5jo0nsuf6ys.cloudfront.net/*',
] as const;

function matches(pattern: string, url: URL): boolean {
  const m = pattern.match(/^https:\/\/([^/]+)(\/.*)$/);
  if (!m || url.protocol !== 'https:') return false;
  const [, host, path] = m as unknown as [string, string, string];
  const hostOk = host.startsWith('*.') ? url.hostname.endsWith(host.slice(1)) : url.hostname === host;
  const prefix = path.replace(/\*$/, '');
  return hostOk && url.pathname.startsWith(prefix);
}

export function isAllowedPhotoUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return PHOTO_HOST_PATTERNS.some((p) => matches(p, u));
  } catch {
    return false;
  }
}
