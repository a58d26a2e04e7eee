/** Test helpers: real image files decoded to RGBA, and the variants a re-upload produces (resize, JPEG, crop, mirror). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { Rgba } from '../../lib/photos/hash';

const HERE = dirname(fileURLToPath(import.meta.url));
export const IMAGE_DIR = resolve(HERE, '../fixtures/images');
export const IMAGE_NAMES = ['astronaut', 'camera', 'chelsea', 'logo'] as const;

export function loadPng(path: string): Rgba {
  const p = PNG.sync.read(readFileSync(path));
  return { width: p.width, height: p.height, data: new Uint8ClampedArray(p.data) };
}
export const loadImage = (name: string): Rgba => loadPng(resolve(IMAGE_DIR, `${name}.png`));

export function loadJpeg(path: string): Rgba {
  const d = jpeg.decode(readFileSync(path), { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 256 });
  return { width: d.width, height: d.height, data: new Uint8ClampedArray(d.data) };
}

/** Box-filter RGBA resize (a different resampler from the hash's own, as a site's would be). */
export function resize(img: Rgba, W: number, H: number): Rgba {
  const out = new Uint8ClampedArray(W * H * 4);
  const sx = img.width / W;
  const sy = img.height / H;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const x0 = Math.floor(x * sx);
      const x1 = Math.max(x0 + 1, Math.floor((x + 1) * sx));
      const y0 = Math.floor(y * sy);
      const y1 = Math.max(y0 + 1, Math.floor((y + 1) * sy));
      const acc = [0, 0, 0, 0];
      let n = 0;
      for (let yy = y0; yy < Math.min(y1, img.height); yy++)
        for (let xx = x0; xx < Math.min(x1, img.width); xx++) {
          const p = (yy * img.width + xx) * 4;
          for (let c = 0; c < 4; c++) acc[c]! += img.data[p + c]!;
          n++;
        }
      for (let c = 0; c < 4; c++) out[(y * W + x) * 4 + c] = Math.round(acc[c]! / n);
    }
  return { width: W, height: H, data: out };
}

export function jpegRoundTrip(img: Rgba, quality: number): Rgba {
  const buf = jpeg.encode({ data: Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), width: img.width, height: img.height }, quality).data;
  const d = jpeg.decode(buf, { useTArray: true, formatAsRGBA: true });
  return { width: d.width, height: d.height, data: new Uint8ClampedArray(d.data) };
}

export function crop(img: Rgba, x: number, y: number, w: number, h: number): Rgba {
  const out = new Uint8ClampedArray(w * h * 4);
  for (let r = 0; r < h; r++) out.set(img.data.subarray(((y + r) * img.width + x) * 4, ((y + r) * img.width + x + w) * 4), r * w * 4);
  return { width: w, height: h, data: out };
}

/** Cut `frac` of the side off every edge. */
export const cropBorder = (img: Rgba, frac: number) => {
  const dx = Math.round(img.width * frac);
  const dy = Math.round(img.height * frac);
  return crop(img, dx, dy, img.width - 2 * dx, img.height - 2 * dy);
};

export function mirror(img: Rgba): Rgba {
  const out = new Uint8ClampedArray(img.data.length);
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) out.set(img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4), (y * img.width + (img.width - 1 - x)) * 4);
  return { width: img.width, height: img.height, data: out };
}

export function solid(w: number, h: number, rgb: [number, number, number], noise = 0, seed = 1): Rgba {
  const out = new Uint8ClampedArray(w * h * 4);
  let s = seed;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32 - 0.5) * 2 * noise;
  for (let i = 0; i < w * h; i++) {
    out[i * 4] = rgb[0] + rnd();
    out[i * 4 + 1] = rgb[1] + rnd();
    out[i * 4 + 2] = rgb[2] + rnd();
    out[i * 4 + 3] = 255;
  }
  return { width: w, height: h, data: out };
}

/** A GitHub-style identicon: a 5×5 mirror-symmetric grid of one colour on a light background. */
export function identicon(seed: number, size = 420, colour: [number, number, number] = [80, 160, 90]): Rgba {
  const img = solid(size, size, [240, 240, 240]);
  const cell = Math.floor(size / 6);
  const off = Math.floor((size - 5 * cell) / 2);
  let s = seed;
  for (let r = 0; r < 5; r++)
    for (let c = 0; c < 3; c++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      if (s >>> 31) continue;
      for (const cc of c === 2 ? [2] : [c, 4 - c])
        for (let y = 0; y < cell; y++)
          for (let x = 0; x < cell; x++) img.data.set([...colour, 255], ((off + r * cell + y) * size + off + cc * cell + x) * 4);
    }
  return img;
}

/** 256 px tiles from the face-api package's demo photos (test-only material, not shipped), when installed. */
export function demoTiles(): { name: string; img: Rgba }[] {
  const dir = resolve(HERE, '../../node_modules/@vladmandic/face-api/demo');
  const out: { name: string; img: Rgba }[] = [];
  for (let i = 1; i <= 6; i++) {
    const f = resolve(dir, `sample${i}.jpg`);
    if (!existsSync(f)) continue;
    const img = loadJpeg(f);
    const side = Math.floor(Math.min(img.width, img.height) / 2);
    for (const [qx, qy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) out.push({ name: `sample${i}-q${qx}${qy}`, img: resize(crop(img, qx * side, qy * side, side, side), 256, 256) });
  }
  return out;
}
