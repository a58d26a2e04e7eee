import { describe, expect, it, vi } from 'vitest';
import { fingerprintPhoto } from '../../lib/photos/fetch';
import { classifyImage } from '../../lib/photos/classify';
import { DIFFERENT_PHOTO_BITS, hamming, hashImage, HashIndex, popcount32, resizeGray, SAME_PHOTO_BITS, splitHash, toGray, type Rgba } from '../../lib/photos/hash';
import { reverseImageLinks } from '../../lib/photos/reverse';
import { cropBorder, demoTiles, identicon, IMAGE_NAMES, jpegRoundTrip, loadImage, mirror, resize, solid } from './image-helpers';

const variants = (img: Rgba): Record<string, Rgba> => ({
  'half size': resize(img, Math.round(img.width / 2), Math.round(img.height / 2)),
  'double size': resize(img, img.width * 2, img.height * 2),
  'JPEG q70': jpegRoundTrip(img, 70),
  'JPEG q30': jpegRoundTrip(img, 30),
  '100 px + JPEG q50': jpegRoundTrip(resize(img, 100, Math.round((100 * img.height) / img.width)), 50),
  'crop 3%': cropBorder(img, 0.03),
});

describe('perceptual hashes', () => {
  it('popcount and hex halves', () => {
    expect(popcount32(0)).toBe(0);
    expect(popcount32(0xffffffff)).toBe(32);
    expect(popcount32(0x80000001)).toBe(2);
    expect(splitHash('ffffffff00000001')).toEqual([0xffffffff, 1]);
    expect(hamming('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(() => splitHash('xyz')).toThrow(/64-bit hex/);
  });

  it('the area-average resize keeps the mean and handles non-integer ratios', () => {
    const img = loadImage('astronaut');
    const g = toGray(img);
    const small = resizeGray(g, img.width, img.height, 37, 23);
    const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean(small)).toBeCloseTo(mean(g), 6);
  });

  it('is deterministic and survives resizing, recompression and a small crop (≤ 10 bits)', () => {
    const table: string[] = [];
    for (const name of IMAGE_NAMES) {
      const img = loadImage(name);
      const h = hashImage(img);
      expect(hashImage(img)).toEqual(h);
      for (const [v, vi] of Object.entries(variants(img))) {
        const d = hamming(h.phash, hashImage(vi).phash);
        table.push(`${name} ${v}: ${d}`);
        expect(d, `${name} ${v}`).toBeLessThanOrEqual(SAME_PHOTO_BITS);
      }
    }
    console.log(`pHash distance to the original:\n  ${table.join('\n  ')}`);
  }, 60_000);

  it('a mirrored copy is far by pHash but matches the mirrored hash', () => {
    for (const name of IMAGE_NAMES) {
      const img = loadImage(name);
      const h = hashImage(img);
      const m = hashImage(jpegRoundTrip(mirror(img), 80));
      expect(hamming(h.phashMirror, m.phash), name).toBeLessThanOrEqual(SAME_PHOTO_BITS);
      if (name !== 'logo') expect(hamming(h.phash, m.phash), name).toBeGreaterThan(SAME_PHOTO_BITS);
    }
  }, 60_000);

  it('false-match rate on distinct images (with their variants) at ≤ 10 bits, mirror included', () => {
    const bases = [...IMAGE_NAMES.map((n) => ({ name: n, img: loadImage(n) })), ...demoTiles()];
    const set: { base: string; phash: string; mirror: string }[] = [];
    for (const b of bases)
      for (const img of [b.img, ...Object.values(variants(b.img)), mirror(b.img)]) {
        const h = hashImage(img);
        set.push({ base: b.name, phash: h.phash, mirror: h.phashMirror });
      }
    let pairs = 0;
    let falseMatches = 0;
    let minDistinct = 64;
    const dists: number[] = [];
    for (let i = 0; i < set.length; i++)
      for (let j = i + 1; j < set.length; j++) {
        if (set[i]!.base === set[j]!.base) continue;
        const d = Math.min(hamming(set[i]!.phash, set[j]!.phash), hamming(set[i]!.mirror, set[j]!.phash));
        pairs++;
        dists.push(d);
        minDistinct = Math.min(minDistinct, d);
        if (d <= SAME_PHOTO_BITS) falseMatches++;
      }
    dists.sort((a, b) => a - b);
    console.log(
      `False matches: ${falseMatches} of ${pairs} pairs of distinct images (${bases.length} bases × 8 versions); closest distinct pair ${minDistinct} bits, 1st percentile ${dists[Math.floor(dists.length / 100)]}, median ${dists[Math.floor(dists.length / 2)]}`,
    );
    expect(bases.length).toBeGreaterThanOrEqual(4);
    expect(falseMatches / pairs).toBeLessThan(0.001);
  }, 180_000);

  it('the index finds near-duplicates by linear scan, nearest first', () => {
    const index = new HashIndex<string>();
    const a = hashImage(loadImage('astronaut'));
    const c = hashImage(loadImage('camera'));
    index.add(c.phash, 'camera');
    for (let i = 0; i < 3000; i++) index.add(((i * 2654435761) >>> 0).toString(16).padStart(8, '0') + ((i * 40503) >>> 0).toString(16).padStart(8, '0'), `r${i}`);
    index.add(a.phash, 'astronaut');
    const q = hashImage(jpegRoundTrip(loadImage('astronaut'), 40)).phash;
    const hits = index.search(q, SAME_PHOTO_BITS);
    expect(hits[0]!.id).toBe('astronaut');
    expect(hits.every((h) => h.distance <= SAME_PHOTO_BITS)).toBe(true);
    expect(index.search(q, 64).length).toBe(index.size);
    expect(DIFFERENT_PHOTO_BITS).toBeGreaterThan(SAME_PHOTO_BITS);
  });
});

describe('classifyImage', () => {
  it('photos are photos', () => {
    for (const n of ['astronaut', 'camera', 'chelsea']) expect(classifyImage(loadImage(n)), n).toBe('photo');
  });
  it('recognises flat and near-uniform placeholders, identicons and default-avatar URLs', () => {
    expect(classifyImage(solid(200, 200, [200, 200, 200]))).toBe('default-avatar');
    expect(classifyImage(solid(200, 200, [120, 130, 140], 5))).toBe('default-avatar');
    expect(classifyImage(identicon(7))).toBe('default-avatar');
    expect(classifyImage(jpegRoundTrip(identicon(11), 75))).toBe('default-avatar');
    expect(classifyImage(null, 'https://www.upwork.com/static/assets/TopNavSsi/visitor-v2/default-avatar.svg')).toBe('default-avatar');
    expect(classifyImage(loadImage('astronaut'), 'https://res.cloudinary.com/gurucom/image/upload/avatars/default-avatar.png')).toBe('default-avatar');
  });
  it('an asymmetric graphic of a few flat colours is not a photo (near miss: symmetric ones are placeholders)', () => {
    const img = solid(200, 200, [255, 255, 255]);
    for (let y = 20; y < 180; y++) for (let x = 10; x < 90; x++) img.data.set([200, 30, 30, 255], (y * 200 + x) * 4);
    expect(classifyImage(img)).toBe('no-face');
  });
});

describe('reverse image search links', () => {
  it('builds Google Lens, Bing, TinEye and Yandex links with the photo URL encoded', () => {
    const url = 'https://www.upwork.com/profile-portraits/c1Xq7_100x100.jpg?a=1&b=2';
    const links = reverseImageLinks(url);
    expect(links.map((l) => l.name)).toEqual(['Google Lens', 'Bing', 'TinEye', 'Yandex']);
    for (const l of links) {
      expect(l.url.startsWith('https://')).toBe(true);
      expect(l.url).toContain(encodeURIComponent(url));
    }
    expect(reverseImageLinks('not a url')).toEqual([]);
    expect(reverseImageLinks('data:image/png;base64,AAAA')).toEqual([]);
  });
});

describe('fingerprintPhoto (the background photo step, network and decoder replaced)', () => {
  const now = () => new Date('2025-03-01T12:00:00.000Z');
  const ok = (async () => new Response(new Blob([new Uint8Array([1, 2, 3])]))) as unknown as typeof fetch;
  it('hashes and classifies a fetched photo', async () => {
    const fp = await fingerprintPhoto('https://www.upwork.com/profile-portraits/a.jpg', { fetch: ok, decode: async () => loadImage('astronaut'), now });
    expect(fp).toMatchObject({ kind: 'photo', width: 512, height: 512, hashedAt: now().toISOString() });
    expect(fp.phash).toBe(hashImage(loadImage('astronaut')).phash);
  });
  it('a default-avatar URL is classified without fetching', async () => {
    const fetchSpy = vi.fn(ok);
    const fp = await fingerprintPhoto('https://www.upwork.com/static/assets/TopNavSsi/visitor-v2/default-avatar.svg', { fetch: fetchSpy, decode: async () => loadImage('astronaut'), now });
    expect(fp.kind).toBe('default-avatar');
    expect(fetchSpy).not.toHaveBeenCalled();
  });
  it('a flat placeholder image is a default avatar', async () => {
    expect((await fingerprintPhoto('https://x.test/p.png', { fetch: ok, decode: async () => solid(100, 100, [210, 210, 210]), now })).kind).toBe('default-avatar');
  });
  it('HTTP errors, network errors, empty bodies and undecodable data give "unreadable", never a throw', async () => {
    const cases: Partial<Parameters<typeof fingerprintPhoto>[1]>[] = [
      { fetch: (async () => new Response('no', { status: 404 })) as unknown as typeof fetch },
      { fetch: (async () => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch },
      { fetch: (async () => new Response(new Blob([]))) as unknown as typeof fetch },
      { fetch: ok, decode: async () => Promise.reject(new Error('bad image')) },
    ];
    for (const c of cases) {
      const fp = await fingerprintPhoto('https://x.test/p.jpg', { decode: async () => loadImage('astronaut'), now, ...c });
      expect(fp).toMatchObject({ kind: 'unreadable', phash: null });
    }
    expect((await fingerprintPhoto('data:image/png;base64,AAAA', { fetch: ok, decode: async () => loadImage('astronaut'), now })).kind).toBe('unreadable');
  });
});
