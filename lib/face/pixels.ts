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
  const src = bytes(img.data);
  const out = new Uint8ClampedArray(w * h * 4);
  // Integer sums (at most 255 × k² per channel): exact, and a monomorphic loop over one Uint8Array.
  const acc = new Uint32Array(w * 4);
  const n = k * k;
  for (let oy = 0; oy < h; oy++) {
    acc.fill(0);
    for (let y = oy * k; y < oy * k + k; y++) {
      let i = y * img.width * 4;
      for (let ox = 0; ox < w; ox++) {
        const a = ox * 4;
        for (let dx = 0; dx < k; dx++, i += 4) {
          acc[a]! += src[i]!;
          acc[a + 1]! += src[i + 1]!;
          acc[a + 2]! += src[i + 2]!;
          acc[a + 3]! += src[i + 3]!;
        }
      }
    }
    for (let j = 0; j < w * 4; j++) out[oy * w * 4 + j] = acc[j]! / n;
  }
  return { width: w, height: h, data: out };
}

/** The same bytes as a Uint8Array (a free view for a Uint8ClampedArray), so loops see one array type. */
function bytes(data: Uint8Array | Uint8ClampedArray): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.length);
}

/** Area-average resize of a region (default: the whole image) to `w` × `h`. */
export function resize(img: Rgba, w: number, h: number, region = { x: 0, y: 0, width: img.width, height: img.height }): Rgba {
  const src = bytes(img.data);
  const out = new Uint8ClampedArray(w * h * 4);
  const sx = region.width / w;
  const sy = region.height / h;
  for (let oy = 0; oy < h; oy++) {
    const y0 = region.y + oy * sy;
    const y1 = y0 + sy;
    for (let ox = 0; ox < w; ox++) {
      const x0 = region.x + ox * sx;
      const x1 = x0 + sx;
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      let total = 0;
      for (let y = Math.max(0, Math.floor(y0)); y < Math.min(img.height, Math.ceil(y1)); y++) {
        const wy = Math.min(y + 1, y1) - Math.max(y, y0);
        for (let x = Math.max(0, Math.floor(x0)); x < Math.min(img.width, Math.ceil(x1)); x++) {
          const wgt = wy * (Math.min(x + 1, x1) - Math.max(x, x0));
          const i = (y * img.width + x) * 4;
          r += src[i]! * wgt;
          g += src[i + 1]! * wgt;
          b += src[i + 2]! * wgt;
          a += src[i + 3]! * wgt;
          total += wgt;
        }
      }
      const o = (oy * w + ox) * 4;
      out[o] = total > 0 ? r / total : 0;
      out[o + 1] = total > 0 ? g / total : 0;
      out[o + 2] = total > 0 ? b / total : 0;
      out[o + 3] = total > 0 ? a / total : 0;
    }
  }
  return { width: w, height: h, data: out };
}

/** RGB bytes (alpha composited over white: a transparent logo is a logo on white, not on black). */
export function toRgb(img: Rgba): Int32Array {
  const n = img.width * img.height;
  const src = bytes(img.data);
  const out = new Int32Array(n * 3);
  for (let i = 0, o = 0; i < n * 4; i += 4, o += 3) {
    const alpha = src[i + 3]!;
    if (alpha === 255) {
      out[o] = src[i]!;
      out[o + 1] = src[i + 1]!;
      out[o + 2] = src[i + 2]!;
    } else {
      const a = alpha / 255;
      for (let c = 0; c < 3; c++) out[o + c] = Math.round(src[i + c]! * a + 255 * (1 - a));
    }
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
