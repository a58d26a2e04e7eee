/**
 * Minimal profile-photo fetch for the face analysis (background). NOTE for the lead: the history helper's
 * lib/photos/fetch.ts does the same for the pHash; keep one of them when merging.
 */
import { isAllowedPhotoUrl } from './hosts';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const TIMEOUT_MS = 10_000;

export type PhotoBytes = { bytes: ArrayBuffer; mime: string };

/** Fetch the photo (no cookies); rejects with a plain message on a host not in the list, non-images or big files. */
export async function fetchPhoto(url: string, fetchImpl: typeof fetch = fetch): Promise<PhotoBytes> {
  if (!isAllowedPhotoUrl(url)) throw new Error(`the photo host is not in Vetter's list of marketplace image hosts (${url})`);
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), TIMEOUT_MS);
  try {
    const res = await fetchImpl(url, { credentials: 'omit', signal: ctrl.signal });
    if (!res.ok) throw new Error(`the photo could not be fetched (HTTP ${res.status})`);
    const mime = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!mime.startsWith('image/')) throw new Error(`the photo URL did not return an image (${mime || 'no content type'})`);
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > MAX_PHOTO_BYTES) throw new Error(`the photo is too large to analyse (${declared} bytes)`);
    const bytes = await res.arrayBuffer();
    if (bytes.byteLength > MAX_PHOTO_BYTES) throw new Error(`the photo is too large to analyse (${bytes.byteLength} bytes)`);
    return { bytes, mime };
  } finally {
    clearTimeout(timer);
  }
}
