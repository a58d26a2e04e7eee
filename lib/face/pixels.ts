/**
 * Plain RGBA pixel buffers, the one image type the face analysis works on: the offscreen document gets them from a
 * canvas, Node tests from pngjs/jpeg-js. Everything here is plain JS so results match across browsers and Node.
 */

export interface Rgba {
  width: number;
  height: number;
  /** width × height × 4 bytes, row-major RGBA. */
  data: Uint8Array | Uint8ClampedArray;
}

/**
 * Downscale by a whole factor k (k×k box average) so that the longer side is at most `maxSide`; unchanged when already
 * small enough. A whole factor keeps it fast (a 1024² photo in a few ms) and exact enough for normalised coordinates.
 */
export function downscale(img: Rgba, maxSide: number): Rgba {
  const k = Math.ceil(Math.max(img.width, img.height) / maxSide);
  if (k <= 1) return img;
  const w = Math.floor(img.width / k);
  const h = Math.floor(img.height / k);
  const out = new Uint8ClampedArray(w * h * 4);
  const acc = new Float64Array(w * 4);
  const n = k * k;
  for (let oy = 0; oy < h; oy++) {
    acc.fill(0);
    for (let y = oy * k; y < oy * k + k; y++) {
      let i = y * img.width * 4;
      for (let ox = 0; ox < w; ox++)
        for (let dx = 0; dx < k; dx++, i += 4) {
          acc[ox * 4]! += img.data[i]!;
          acc[ox * 4 + 1]! += img.data[i + 1]!;
          acc[ox * 4 + 2]! += img.data[i + 2]!;
          acc[ox * 4 + 3]! += img.data[i + 3]!;
        }
    }
    for (let j = 0; j < w * 4; j++) out[oy * w * 4 + j] = acc[j]! / n;
  }
  return { width: w, height: h, data: out };
}

/** Area-average resize of a region (default: the whole image) to `w` × `h`. */
export function resize(img: Rgba, w: number, h: number, region = { x: 0, y: 0, width: img.width, height: img.height }): Rgba {
  const out = new Uint8ClampedArray(w * h * 4);
  const sx = region.width / w;
  const sy = region.height / h;
  for (let oy = 0; oy < h; oy++) {
    const y0 = region.y + oy * sy;
    const y1 = y0 + sy;
    for (let ox = 0; ox < w; ox++) {
      const x0 = region.x + ox * sx;
      const x1 = x0 + sx;
      const acc = [0, 0, 0, 0];
      let total = 0;
      for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
        if (y < 0 || y >= img.height) continue;
        const wy = Math.min(y + 1, y1) - Math.max(y, y0);
        for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
          if (x < 0 || x >= img.width) continue;
          const wgt = wy * (Math.min(x + 1, x1) - Math.max(x, x0));
          const i = (y * img.width + x) * 4;
          for (let c = 0; c < 4; c++) acc[c]! += img.data[i + c]! * wgt;
          total += wgt;
        }
      }
      const o = (oy * w + ox) * 4;
      for (let c = 0; c < 4; c++) out[o + c] = total > 0 ? acc[c]! / total : 0;
    }
  }
  return { width: w, height: h, data: out };
}

/** RGB bytes (alpha composited over white: a transparent logo is a logo on white, not on black). */
export function toRgb(img: Rgba): Int32Array {
  const n = img.width * img.height;
  const out = new Int32Array(n * 3);
  for (let i = 0; i < n; i++) {
    const a = img.data[i * 4 + 3]! / 255;
    for (let c = 0; c < 3; c++) out[i * 3 + c] = Math.round(img.data[i * 4 + c]! * a + 255 * (1 - a));
  }
  return out;
}

/** Horizontal mirror. */
export function mirror(img: Rgba): Rgba {
  const out = new Uint8ClampedArray(img.data.length);
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      const s = (y * img.width + x) * 4;
      const d = (y * img.width + (img.width - 1 - x)) * 4;
      for (let c = 0; c < 4; c++) out[d + c] = img.data[s + c]!;
    }
  return { width: img.width, height: img.height, data: out };
}
