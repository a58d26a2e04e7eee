/**
 * The background's photo step: fetch the profile photo (the extension has host permissions for the marketplaces'
 * image hosts only, see wxt.config.ts), decode it with createImageBitmap + OffscreenCanvas into RGBA, classify and
 * hash it. Never throws: a photo that cannot be fetched or decoded gives kind `unreadable`, and the check goes on.
 */
import type { PhotoFingerprint } from '../history/schema';
import { classifyImage } from './classify';
import { DEFAULT_AVATAR } from '../rules/photo-missing';
import { hashImage, type Rgba } from './hash';

export const FETCH_TIMEOUT_MS = 6_000;
export const MAX_BYTES = 8 * 1024 * 1024;
/** Larger images are drawn at this size first (the hash works on 32×32; this bounds memory and time). */
const MAX_SIDE = 1024;

export interface PhotoDeps {
  fetch: typeof fetch;
  decode: (blob: Blob) => Promise<Rgba>;
  now: () => Date;
}

/**
 * Decodes an image with the browser's codecs (works in service workers and offscreen documents: no DOM needed), scaled
 * down to at most `maxSide` pixels a side; `width` and `height` are the image's natural size.
 */
export async function decodeScaled(blob: Blob, maxSide = MAX_SIDE): Promise<{ rgba: Rgba; width: number; height: number }> {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') throw new Error('no image decoder in this context');
  const bmp = await createImageBitmap(blob);
  try {
    const s = Math.min(1, maxSide / Math.max(bmp.width, bmp.height));
    const w = Math.max(1, Math.round(bmp.width * s));
    const h = Math.max(1, Math.round(bmp.height * s));
    const canvas = new OffscreenCanvas(w, h);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(bmp, 0, 0, w, h);
    return { rgba: { width: w, height: h, data: ctx.getImageData(0, 0, w, h).data }, width: bmp.width, height: bmp.height };
  } finally {
    bmp.close();
  }
}

/** The decoded pixels only (the photo hashes). */
export async function decodeWithCanvas(blob: Blob): Promise<Rgba> {
  return (await decodeScaled(blob)).rgba;
}

const empty = (url: string, kind: PhotoFingerprint['kind'], now: Date = new Date()): PhotoFingerprint => ({
  url,
  kind,
  phash: null,
  phashMirror: null,
  dhash: null,
  width: null,
  height: null,
  hashedAt: now.toISOString(),
});

/** The fingerprint of a photo that could not be read. */
export const unreadablePhoto = (url: string, now?: Date): PhotoFingerprint => empty(url, 'unreadable', now);

export async function fingerprintPhoto(url: string, deps: Partial<PhotoDeps> = {}): Promise<PhotoFingerprint> {
  const now = (deps.now ?? (() => new Date()))();
  if (DEFAULT_AVATAR.test(url)) return empty(url, 'default-avatar', now);
  const doFetch = deps.fetch ?? globalThis.fetch?.bind(globalThis);
  const decode = deps.decode ?? decodeWithCanvas;
  // Without a decoder (a context with no createImageBitmap/OffscreenCanvas) there is no point in fetching.
  const canDecode = !!deps.decode || (typeof createImageBitmap === 'function' && typeof OffscreenCanvas === 'function');
  if (!doFetch || !canDecode || !/^https?:\/\//i.test(url)) return empty(url, 'unreadable', now);
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), FETCH_TIMEOUT_MS);
  try {
    const res = await doFetch(url, { signal: ctrl.signal, credentials: 'omit', referrerPolicy: 'no-referrer' });
    if (!res.ok) return empty(url, 'unreadable', now);
    const blob = await res.blob();
    if (blob.size === 0 || blob.size > MAX_BYTES) return empty(url, 'unreadable', now);
    const img = await decode(blob);
    const kind = classifyImage(img, url);
    const h = hashImage(img);
    return { url, kind, phash: h.phash, phashMirror: h.phashMirror, dhash: h.dhash, width: img.width, height: img.height, hashedAt: now.toISOString() };
  } catch {
    return empty(url, 'unreadable', now);
  } finally {
    clearTimeout(timer);
  }
}
