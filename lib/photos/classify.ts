/**
 * What a profile picture is, from its pixels and URL, before any comparison: a photo, the site's default avatar
 * (a known default-avatar URL, a flat or near-uniform image, or an identicon-like symmetric image of a few flat
 * colours), or another graphic with a few flat colours and no photographic content (a logo). Faces are not detected
 * here (that needs a face model); `no-face` means "a graphic, not a photograph".
 */
import { DEFAULT_AVATAR } from '../rules/photo-missing';
import { toGray, type Rgba } from './hash';

export type ImageKind = 'photo' | 'default-avatar' | 'no-face';

export interface ImageStats {
  /** Standard deviation of the luminance (0–255). */
  grayStd: number;
  /** Share of pixels in the 4 most common colours (5 bits per channel, so JPEG noise on flat colours stays in one bin). */
  top4Share: number;
  /** Mean absolute luminance difference between the image and its mirror (0 = perfectly symmetric). */
  asymmetry: number;
}

export function imageStats(img: Rgba): ImageStats {
  const gray = toGray(img);
  let sum = 0;
  for (const v of gray) sum += v;
  const mean = sum / gray.length;
  let varSum = 0;
  for (const v of gray) varSum += (v - mean) ** 2;
  const counts = new Map<number, number>();
  const { data, width: w, height: h } = img;
  for (let p = 0; p < w * h * 4; p += 4) {
    const a = data[p + 3]!;
    // Transparent pixels count as white, as on the page.
    const c = a < 128 ? -1 : ((data[p]! >> 3) << 10) | ((data[p + 1]! >> 3) << 5) | (data[p + 2]! >> 3);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const top = [...counts.values()].sort((a, b) => b - a).slice(0, 4).reduce((a, b) => a + b, 0);
  let asym = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) asym += Math.abs(gray[y * w + x]! - gray[y * w + (w - 1 - x)]!);
  return { grayStd: Math.sqrt(varSum / gray.length), top4Share: top / (w * h), asymmetry: asym / (w * h) };
}

/** Below this luminance spread an image is flat (a single-colour placeholder). */
const FLAT_STD = 8;
/** Four flat colours cover at least this share of a graphic; photographs spread over many more. */
const FEW_COLOURS = 0.9;
/** Identicons and silhouette placeholders are mirror-symmetric. */
const SYMMETRIC = 6;

export function classifyImage(img: Rgba | null, url = ''): ImageKind {
  if (url && DEFAULT_AVATAR.test(url)) return 'default-avatar';
  if (!img) return 'photo';
  const s = imageStats(img);
  if (s.grayStd < FLAT_STD) return 'default-avatar';
  if (s.top4Share >= FEW_COLOURS) return s.asymmetry < SYMMETRIC ? 'default-avatar' : 'no-face';
  return 'photo';
}
