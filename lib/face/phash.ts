/**
 * 64-bit perceptual hash (DCT pHash) of RGBA pixels, as measured in shared/photos.md §1 (pHash separates different
 * headshots best; Hamming ≤ 10 = same photo). Used here for the face crop.
 * NOTE for the lead: lib/photos (history helper) has its own pHash; unify on one implementation when merging.
 */
import { resize, type Rgba } from './pixels';

const N = 32;
const COS: Float64Array = (() => {
  const t = new Float64Array(N * N);
  for (let k = 0; k < N; k++) for (let n = 0; n < N; n++) t[k * N + n] = Math.cos((Math.PI / N) * (n + 0.5) * k);
  return t;
})();

/** 16 lower-case hex digits; the region defaults to the whole image. */
export function phash64(img: Rgba, region?: { x: number; y: number; width: number; height: number }): string {
  const small = resize(img, N, N, region);
  const g = new Float64Array(N * N);
  for (let i = 0; i < N * N; i++) {
    const a = small.data[i * 4 + 3]! / 255;
    const [r, gg, b] = [0, 1, 2].map((c) => small.data[i * 4 + c]! * a + 255 * (1 - a)) as [number, number, number];
    g[i] = 0.299 * r + 0.587 * gg + 0.114 * b;
  }
  // 2-D DCT-II, only the top-left 8×8 coefficients are needed.
  const rows = new Float64Array(N * 8);
  for (let y = 0; y < N; y++) for (let k = 0; k < 8; k++) {
    let s = 0;
    for (let x = 0; x < N; x++) s += g[y * N + x]! * COS[k * N + x]!;
    rows[y * 8 + k] = s;
  }
  const coef: number[] = [];
  for (let ky = 0; ky < 8; ky++) for (let kx = 0; kx < 8; kx++) {
    let s = 0;
    for (let y = 0; y < N; y++) s += rows[y * 8 + kx]! * COS[ky * N + y]!;
    coef.push(s);
  }
  const median = [...coef.slice(1)].sort((a, b) => a - b)[31]!;
  let hex = '';
  for (let i = 0; i < 64; i += 4) {
    let nib = 0;
    for (let j = 0; j < 4; j++) nib = (nib << 1) | (coef[i + j]! > median ? 1 : 0);
    hex += nib.toString(16);
  }
  return hex;
}

export function hamming(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < 16; i++) {
    let x = parseInt(a[i]!, 16) ^ parseInt(b[i]!, 16);
    while (x) {
      d += x & 1;
      x >>= 1;
    }
  }
  return d;
}
