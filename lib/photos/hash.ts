/**
 * Perceptual hashes of a photo, in pure TypeScript over RGBA pixels (ImageData-shaped), deterministic across
 * machines: gray conversion and an area-average resize in JS (no canvas scaling, whose results vary by browser).
 * - pHash 64: 32×32 gray → 2-D DCT-II → the 8×8 lowest frequencies → one bit per coefficient above their median
 *   (the DC term excluded from the median). Robust to resizing, recompression and brightness (shared/photos.md).
 * - the pHash of the mirrored image (a mirror flips ~30 of 64 bits, so a mirrored copy needs its own hash).
 * - dHash 64: 9×8 gray → one bit per horizontal gradient sign, a second vote.
 * Hashes are 16 lower-case hex digits (`Hash64` in lib/history/schema.ts); comparisons use hi/lo 32-bit halves.
 */

export interface Rgba {
  width: number;
  height: number;
  /** width × height × 4 bytes, RGBA. */
  data: Uint8ClampedArray | Uint8Array;
}

/** Luminance (BT.601) per pixel, transparent pixels composited on white (how pages show avatars). */
export function toGray(img: Rgba): Float64Array {
  const { width: w, height: h, data } = img;
  if (w <= 0 || h <= 0 || data.length < w * h * 4) throw new Error(`not an RGBA image of ${w}×${h} (${data.length} bytes)`);
  const out = new Float64Array(w * h);
  for (let i = 0, p = 0; i < out.length; i++, p += 4) {
    const a = data[p + 3]! / 255;
    const y = 0.299 * data[p]! + 0.587 * data[p + 1]! + 0.114 * data[p + 2]!;
    out[i] = y * a + 255 * (1 - a);
  }
  return out;
}

/** For a 1-D resize from `n` to `m` samples: per output sample, the source indices and their area weights. */
function areaWeights(n: number, m: number): { idx: number[]; w: number[] }[] {
  const scale = n / m;
  const out: { idx: number[]; w: number[] }[] = [];
  for (let j = 0; j < m; j++) {
    const a = j * scale;
    const b = (j + 1) * scale;
    const idx: number[] = [];
    const w: number[] = [];
    for (let i = Math.floor(a); i < Math.min(n, Math.ceil(b)); i++) {
      const cover = Math.min(b, i + 1) - Math.max(a, i);
      if (cover > 1e-9) {
        idx.push(i);
        w.push(cover / scale);
      }
    }
    out.push({ idx, w });
  }
  return out;
}

/** Area-average resize of a gray image (separable: rows, then columns). Works for up- and down-scaling. */
export function resizeGray(gray: Float64Array, w: number, h: number, W: number, H: number): Float64Array {
  const wx = areaWeights(w, W);
  const wy = areaWeights(h, H);
  const tmp = new Float64Array(W * h);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < W; x++) {
      const { idx, w: ws } = wx[x]!;
      let s = 0;
      for (let k = 0; k < idx.length; k++) s += gray[row + idx[k]!]! * ws[k]!;
      tmp[y * W + x] = s;
    }
  }
  const out = new Float64Array(W * H);
  for (let y = 0; y < H; y++) {
    const { idx, w: ws } = wy[y]!;
    for (let x = 0; x < W; x++) {
      let s = 0;
      for (let k = 0; k < idx.length; k++) s += tmp[idx[k]! * W + x]! * ws[k]!;
      out[y * W + x] = s;
    }
  }
  return out;
}

const N = 32;
const K = 8;
/** cos((2x+1)uπ/2N) for u < K, x < N. */
const COS = (() => {
  const t = new Float64Array(K * N);
  for (let u = 0; u < K; u++) for (let x = 0; x < N; x++) t[u * N + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * N));
  return t;
})();

/** The K×K lowest DCT-II coefficients of an N×N block. */
function dctLow(block: Float64Array): Float64Array {
  const rows = new Float64Array(N * K); // per row y, coefficient u
  for (let y = 0; y < N; y++)
    for (let u = 0; u < K; u++) {
      let s = 0;
      for (let x = 0; x < N; x++) s += block[y * N + x]! * COS[u * N + x]!;
      rows[y * K + u] = s;
    }
  const out = new Float64Array(K * K);
  for (let v = 0; v < K; v++)
    for (let u = 0; u < K; u++) {
      let s = 0;
      for (let y = 0; y < N; y++) s += rows[y * K + u]! * COS[v * N + y]!;
      out[v * K + u] = s;
    }
  return out;
}

/** 64 booleans (row-major) → 16 hex digits. */
function bitsToHex(bits: boolean[]): string {
  let hex = '';
  for (let i = 0; i < 64; i += 4) hex += ((+bits[i]! << 3) | (+bits[i + 1]! << 2) | (+bits[i + 2]! << 1) | +bits[i + 3]!).toString(16);
  return hex;
}

function phashOf(block: Float64Array): string {
  const c = dctLow(block);
  const ac = Array.from(c).slice(1).sort((a, b) => a - b);
  const median = (ac[31]! + ac[32]!) / 2;
  return bitsToHex(Array.from(c, (v) => v > median));
}

function mirror(block: Float64Array, w: number, h: number): Float64Array {
  const out = new Float64Array(block.length);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * w + x] = block[y * w + (w - 1 - x)]!;
  return out;
}

export interface ImageHashes {
  phash: string;
  phashMirror: string;
  dhash: string;
}

/** pHash, mirrored pHash and dHash of an RGBA image. */
export function hashImage(img: Rgba): ImageHashes {
  const gray = toGray(img);
  const small = resizeGray(gray, img.width, img.height, N, N);
  const d = resizeGray(gray, img.width, img.height, 9, 8);
  const dbits: boolean[] = [];
  for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) dbits.push(d[y * 9 + x]! < d[y * 9 + x + 1]!);
  return { phash: phashOf(small), phashMirror: phashOf(mirror(small, N, N)), dhash: bitsToHex(dbits) };
}

/** Number of set bits in a 32-bit integer (SWAR). */
export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
}

/** A 16-hex-digit hash as its high and low 32-bit halves. */
export function splitHash(hex: string): [number, number] {
  if (!/^[0-9a-f]{16}$/.test(hex)) throw new Error(`not a 64-bit hex hash: "${hex}"`);
  return [parseInt(hex.slice(0, 8), 16) >>> 0, parseInt(hex.slice(8), 16) >>> 0];
}

/** Hamming distance of two 64-bit hex hashes. */
export function hamming(a: string, b: string): number {
  const [ah, al] = splitHash(a);
  const [bh, bl] = splitHash(b);
  return popcount32((ah ^ bh) >>> 0) + popcount32((al ^ bl) >>> 0);
}

/** Up to this many differing bits of 64, two pHashes are the same photo (measured: shared/photos.md, tests/unit/photos.test.ts). */
export const SAME_PHOTO_BITS = 10;
/** From this many bits on, two photos of one identity count as different pictures. */
export const DIFFERENT_PHOTO_BITS = 20;

/**
 * Linear-scan near-duplicate index over 64-bit hashes stored as two Uint32Array columns: a scan of 100,000 hashes
 * takes well under a millisecond (tests/bench), faster than BK-trees at these radii (shared/photos.md).
 */
export class HashIndex<T = string> {
  private hi = new Uint32Array(1024);
  private lo = new Uint32Array(1024);
  private ids: T[] = [];

  get size(): number {
    return this.ids.length;
  }

  add(hex: string, id: T): void {
    const [h, l] = splitHash(hex);
    const n = this.ids.length;
    if (n === this.hi.length) {
      const hi = new Uint32Array(n * 2);
      const lo = new Uint32Array(n * 2);
      hi.set(this.hi);
      lo.set(this.lo);
      this.hi = hi;
      this.lo = lo;
    }
    this.hi[n] = h;
    this.lo[n] = l;
    this.ids.push(id);
  }

  /** Every stored hash within `maxDistance` bits of `hex`, nearest first. */
  search(hex: string, maxDistance: number): { id: T; distance: number }[] {
    const [h, l] = splitHash(hex);
    const hi = this.hi;
    const lo = this.lo;
    const out: { id: T; distance: number }[] = [];
    for (let i = 0, n = this.ids.length; i < n; i++) {
      let x = (hi[i]! ^ h) >>> 0;
      x = x - ((x >>> 1) & 0x55555555);
      x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
      let d = Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
      if (d > maxDistance) continue;
      let y = (lo[i]! ^ l) >>> 0;
      y = y - ((y >>> 1) & 0x55555555);
      y = (y & 0x33333333) + ((y >>> 2) & 0x33333333);
      d += Math.imul((y + (y >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
      if (d <= maxDistance) out.push({ id: this.ids[i]!, distance: d });
    }
    return out.sort((a, b) => a.distance - b.distance);
  }
}
