/**
 * Text fingerprints for template reuse across profiles (bios, overviews, headlines). Pure.
 * - Words: lower-case, accents stripped, anything not a letter or digit is a separator.
 * - Shingles: runs of SHINGLE (3) consecutive words, hashed to 32 bits (FNV-1a).
 * - MinHash: MINHASH_SIZE (64) minima of independently mixed shingle hashes; the share of equal slots estimates the
 *   Jaccard similarity of two shingle sets (standard error about 1/√64 ≈ 0.06).
 * - SimHash 64: a compact near-duplicate signature (Hamming distance), kept for quick comparisons and exports.
 * - sharedPassage: the longest run of words two texts have in common, shown as the evidence.
 * The threshold (TEMPLATE_SIMILARITY = 0.4) was measured in tests/unit/fingerprint.test.ts on the 14 fixture bios
 * (marketplace-style, 12–50 words): a bio reused with another name and 1–4 words changed scores 0.54–0.68 (exact
 * Jaccard); the 91 pairs of distinct bios score at most 0.22 (two short flagged bios sharing payment phrases).
 */
import type { TextFingerprint } from './schema';

export const SHINGLE = 3;
export const MINHASH_SIZE = 64;
/** Estimated Jaccard similarity from which two texts count as the same template. */
export const TEMPLATE_SIMILARITY = 0.4;
/** Texts shorter than this many words are not compared (short headlines are alike by nature). */
export const MIN_WORDS = 12;

/** Normalized words of a text. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit mixer (murmur3 finalizer). */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The distinct 32-bit hashes of the text's word shingles (a text shorter than one shingle is one shingle). */
export function shingles(text: string): Set<number> {
  const w = words(text);
  const out = new Set<number>();
  if (!w.length) return out;
  if (w.length < SHINGLE) out.add(fnv1a(w.join(' ')));
  for (let i = 0; i + SHINGLE <= w.length; i++) out.add(fnv1a(w.slice(i, i + SHINGLE).join(' ')));
  return out;
}

const SEEDS = Array.from({ length: MINHASH_SIZE }, (_, i) => mix(0x9e3779b9 + Math.imul(i + 1, 0x7f4a7c15)));

export function minhash(sh: Set<number>): number[] {
  const sig = new Array<number>(MINHASH_SIZE).fill(0xffffffff);
  for (const h of sh)
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const v = mix(h ^ SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  return sig;
}

/** 64-bit SimHash (16 hex digits) of a shingle set. */
export function simhash(sh: Set<number>): string {
  const acc = new Array<number>(64).fill(0);
  for (const h of sh) {
    const hi = mix(h ^ 0x5bd1e995);
    const lo = mix(h);
    for (let b = 0; b < 32; b++) {
      acc[b]! += (hi >>> (31 - b)) & 1 ? 1 : -1;
      acc[32 + b]! += (lo >>> (31 - b)) & 1 ? 1 : -1;
    }
  }
  let hex = '';
  for (let i = 0; i < 64; i += 4) hex += ((+(acc[i]! > 0) << 3) | (+(acc[i + 1]! > 0) << 2) | (+(acc[i + 2]! > 0) << 1) | +(acc[i + 3]! > 0)).toString(16);
  return hex;
}

/** Estimated Jaccard similarity (0–1) of two MinHash signatures. */
export function minhashSimilarity(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  if (!n) return 0;
  let eq = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) eq++;
  return eq / n;
}

/** Exact Jaccard similarity of two texts' shingle sets. */
export function jaccard(a: string, b: string): number {
  const sa = shingles(a);
  const sb = shingles(b);
  if (!sa.size || !sb.size) return 0;
  let inter = 0;
  for (const h of sa) if (sb.has(h)) inter++;
  return inter / (sa.size + sb.size - inter);
}

export const TEXT_CAP = 4_000;

/** The fingerprint of one field's text, or null when the text is too short to compare. */
export function fingerprintText(field: TextFingerprint['field'], text: string | null | undefined): TextFingerprint | null {
  if (!text) return null;
  const t = text.replace(/\s+/g, ' ').trim().slice(0, TEXT_CAP);
  if (words(t).length < MIN_WORDS) return null;
  const sh = shingles(t);
  return { field, simhash: simhash(sh), minhash: minhash(sh), text: t };
}

/**
 * The longest run of consecutive words the two texts share (compared normalized, returned as written in `a`).
 * Empty when they share fewer than `minWords` words in a row.
 */
export function sharedPassage(a: string, b: string, minWords = 4): string {
  const ta = a.split(/\s+/).filter(Boolean);
  const tb = b.split(/\s+/).filter(Boolean);
  const na = ta.map((w) => words(w).join(' '));
  const nb = tb.map((w) => words(w).join(' '));
  let best = 0;
  let end = 0;
  let prev = new Uint16Array(nb.length + 1);
  let cur = new Uint16Array(nb.length + 1);
  for (let i = 1; i <= na.length; i++) {
    for (let j = 1; j <= nb.length; j++) {
      cur[j] = na[i - 1] && na[i - 1] === nb[j - 1] ? prev[j - 1]! + 1 : 0;
      if (cur[j]! > best) {
        best = cur[j]!;
        end = i;
      }
    }
    [prev, cur] = [cur, prev];
    cur.fill(0);
  }
  return best >= minWords ? ta.slice(end - best, end).join(' ') : '';
}
