// @vitest-environment node
/**
 * The face analysis with the same model and backend as the extension (face-api 1.7.15 tiny detector + 68 landmarks +
 * recognition, tfjs WASM backend; Node build), on the test images in tests/fixtures/images (SOURCES.md), and the
 * three face rules on its real output. The models load once for the file.
 */
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCEPT_SCORE, analyzeFace, DETECTOR_INPUT, eyeCentres, FACE_SCORE, faceCropRegion, framingOf, type FaceApiModule, type StageTimes } from '../../lib/face/analyze';
import { formatEyeEvidence, parseEyeEvidence } from '../../lib/face/evidence';
import { descriptorDistance, FACE_BANDS, faceBand, sameFaceMatches } from '../../lib/face/match';
import { decodeImage, loadFaceApiNode, readImage } from '../../lib/face/node';
import { hamming, phash64 } from '../../lib/face/phash';
import { downscale, mirror, resize, toRgb, type Rgba } from '../../lib/face/pixels';
import { FaceAnalysis, faceFingerprint, FaceFingerprint, FFHQ_EYES } from '../../lib/face/schema';
import { FaceAnalyzeResult } from '../../lib/face/messages';
import { analyze } from '../../lib/engine';
import { emptyMatches, type Identity } from '../../lib/history/schema';
import { photoNoFace } from '../../lib/rules/photo-no-face';
import { photoSamePerson } from '../../lib/rules/photo-same-person';
import { photoSynthetic } from '../../lib/rules/photo-synthetic';
import { makeProfile, NOW, REPO_ROOT } from './helpers';
import { expectValid } from './rule-helpers';

const IMAGES = join(REPO_ROOT, 'tests/fixtures/images');
const img = (name: string) => readImage(join(IMAGES, `${name}.png`));

/** A resized, JPEG-recompressed copy (what a marketplace does to an uploaded photo). */
function recompress(src: Rgba, side: number, quality: number): Rgba {
  const small = resize(src, side, Math.round((src.height / src.width) * side));
  const enc = jpeg.encode({ width: small.width, height: small.height, data: Buffer.from(small.data) }, quality);
  return decodeImage(Buffer.from(enc.data));
}

let faceapi: FaceApiModule;
const results = new Map<string, FaceAnalysis>();
const run = async (name: string, image: Rgba = img(name)) => {
  if (!results.has(name)) results.set(name, await analyzeFace(faceapi, image));
  return results.get(name)!;
};

beforeAll(async () => {
  ({ faceapi } = await loadFaceApiNode());
}, 120_000);

describe('face analysis on the test images (WASM backend)', () => {
  it('finds one face on the astronaut portrait, with 68 landmarks, eyes, a descriptor and a face pHash', async () => {
    const r = await run('astronaut');
    expect(FaceAnalysis.safeParse(r).success).toBe(true);
    expect(r.faces).toHaveLength(1);
    expect(r.faces[0]!.score).toBeGreaterThan(0.5);
    expect(r.image).toEqual({ width: 512, height: 512 });
    expect(r.landmarks68).toHaveLength(68);
    // Her eyes are in the upper part of the frame, left of centre (the photo is a half-length portrait).
    expect(r.eyes!.left.x).toBeLessThan(r.eyes!.right.x);
    expect(r.eyes!.left.y).toBeGreaterThan(0.1);
    expect(r.eyes!.left.y).toBeLessThan(0.3);
    expect(r.descriptor).toHaveLength(128);
    expect(r.facePhash).toMatch(/^[0-9a-f]{16}$/);
    expect(r.framing!.consistentWithStyleGAN).toBe(false);
    expect(r.framing!.eyeError).toBeGreaterThan(0.2);
    const fp = faceFingerprint(r, 'https://www.upwork.com/profile-portraits/a.png', NOW)!;
    expect(FaceFingerprint.safeParse(fp).success).toBe(true);
    expect(fp.descriptor).toEqual(r.descriptor);
  });

  it('finds no face on the logo or the cat', async () => {
    for (const name of ['logo', 'chelsea']) {
      const r = await run(name);
      expect(r.faces, name).toEqual([]);
      expect(r.descriptor).toBeNull();
      expect(r.framing).toBeNull();
      expect(r.eyes).toBeNull();
      expect(faceFingerprint(r, 'https://x.example/a.png', NOW)).toBeNull();
    }
  });

  it('flags StyleGAN framing on the FFHQ-aligned crop of the same real photo', async () => {
    const r = await run('astronaut_ffhq_aligned');
    expect(r.image).toEqual({ width: 1024, height: 1024 });
    expect(r.framing).toMatchObject({ square: true, consistentWithStyleGAN: true });
    expect(r.framing!.eyeError).toBeLessThanOrEqual(0.02);
    expect(Math.abs(r.framing!.interocular - 0.25)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(r.eyes!.left.x - FFHQ_EYES.left.x)).toBeLessThan(0.02);
    expect(Math.abs(r.eyes!.right.x - FFHQ_EYES.right.x)).toBeLessThan(0.02);
  });

  it('gives a resized, recompressed copy a descriptor below the same-photo band, and a similar face pHash', async () => {
    const a = await run('astronaut');
    const copy = await run('astronaut-256-q50', recompress(img('astronaut'), 256, 50));
    expect(copy.faces).toHaveLength(1);
    const d = descriptorDistance(a.descriptor!, copy.descriptor!);
    expect(d).toBeLessThan(FACE_BANDS.samePhoto);
    expect(faceBand(d)).toBe('same-photo');
    expect(hamming(a.facePhash!, copy.facePhash!)).toBeLessThanOrEqual(12);
    // The FFHQ-style crop of the same photo is still the same person.
    const aligned = await run('astronaut_ffhq_aligned');
    expect(descriptorDistance(a.descriptor!, aligned.descriptor!)).toBeLessThan(FACE_BANDS.likelySame);
  });
});

describe('the faster pipeline (issue 9) keeps the results', () => {
  const timed = async (image: Rgba) => {
    let t: StageTimes | undefined;
    const r = await analyzeFace(faceapi, image, { timings: (x) => (t = x) });
    return { r, t: t! };
  };
  /** The reference detection: one pass at DETECTOR_INPUT (what the analysis did before the 256 first pass). */
  const at320 = async (image: Rgba) => {
    const s = downscale(image, 512);
    const tensor = faceapi.tf.tensor3d(toRgb(s), [s.height, s.width, 3], 'int32');
    try {
      return await faceapi.detectAllFaces(tensor, new faceapi.TinyFaceDetectorOptions({ inputSize: DETECTOR_INPUT, scoreThreshold: FACE_SCORE }));
    } finally {
      tensor.dispose();
    }
  };

  it('keeps a sure first-pass face without the re-check, and reports where the time went', async () => {
    const { r, t } = await timed(img('astronaut'));
    expect(r.faces[0]!.score).toBeGreaterThanOrEqual(ACCEPT_SCORE);
    expect(t.recheck).toBe(0);
    for (const k of ['pixels', 'tensor', 'detect', 'landmarks', 'descriptor'] as const) expect(t[k], k).toBeGreaterThan(0);
    const parts = t.pixels + t.tensor + t.detect + t.recheck + t.landmarks + t.descriptor + t.rest;
    expect(parts).toBeCloseTo(t.total, 6);
  });

  it('re-checks at 320 when the first pass is unsure: no face on the logo, a face on the FFHQ crop shrunk to 64 px', async () => {
    const logo = await timed(img('logo'));
    expect(logo.r.faces).toEqual([]);
    expect(logo.t.recheck).toBeGreaterThan(0);
    expect(logo.t.landmarks + logo.t.descriptor).toBe(0);
    // At 256 the detector sees nothing in this 64 px copy; at 320 it finds the face (scores measured in analyze.ts).
    const tiny = resize(img('astronaut_ffhq_aligned'), 64, 64);
    const { r, t } = await timed(tiny);
    expect(t.recheck).toBeGreaterThan(0);
    const ref = await at320(tiny);
    expect(ref.length).toBeGreaterThan(0);
    expect(r.faces.map((f) => f.score)).toEqual(ref.map((d) => Math.round(d.score * 1e4) / 1e4).sort((a, b) => b - a));
    expect(r.descriptor).toHaveLength(128);
  });

  it('finds the small face in camera.png (missed by the detector at 224)', async () => {
    const r = await run('camera');
    expect(r.faces).toHaveLength(1);
    expect(r.faces[0]!.box.width).toBeLessThan(0.25);
    expect(r.descriptor).toHaveLength(128);
  });

  it('takes landmarks and the descriptor of the largest face when there are two', async () => {
    // The portrait's face (a square 1.8 × its box) at 300 px, and beside it the same at 200 px, on a 512 × 320 canvas.
    const alone = await run('astronaut');
    const b = alone.faces[0]!.box;
    const side = 1.8 * b.width * 512;
    const region = { x: (b.x + b.width / 2) * 512 - side / 2, y: (b.y + b.height / 2) * 512 - side / 2, width: side, height: side };
    const big = resize(img('astronaut'), 300, 300, region);
    const small = resize(img('astronaut'), 200, 200, region);
    const data = new Uint8ClampedArray(512 * 320 * 4).fill(255);
    for (let y = 0; y < 300; y++) data.set(big.data.subarray(y * 1200, (y + 1) * 1200), y * 2048);
    for (let y = 0; y < 200; y++) data.set(small.data.subarray(y * 800, (y + 1) * 800), (y + 40) * 2048 + 312 * 4);
    const r = await analyzeFace(faceapi, { width: 512, height: 320, data });
    expect(r.faces).toHaveLength(2);
    const [main, other] = r.faces;
    expect(main!.box.width * main!.box.height).toBeGreaterThan(other!.box.width * other!.box.height);
    // The eyes (normalised to the canvas) lie inside the main box, on the big copy (the left 300 of 512 px).
    for (const e of [r.eyes!.left, r.eyes!.right]) {
      expect(e.x).toBeGreaterThan(main!.box.x);
      expect(e.x).toBeLessThan(Math.min(300 / 512, main!.box.x + main!.box.width));
    }
    expect(descriptorDistance(r.descriptor!, alone.descriptor!)).toBeLessThan(FACE_BANDS.samePhoto);
  });
});

describe("the analysis page's answer", () => {
  it('carries optional stage timings and engine info, validated', async () => {
    const analysis = await run('logo');
    const timings = { decode: 3, pixels: 1, tensor: 0.5, detect: 20, recheck: 30, landmarks: 0, descriptor: 0, rest: 0.1, total: 51.6 };
    const engine = { backend: 'wasm', simd: true, threads: false, fastKernels: true, loadMs: 500, warmUpMs: 300 };
    expect(FaceAnalyzeResult.safeParse({ ok: true, analysis }).success).toBe(true);
    expect(FaceAnalyzeResult.safeParse({ ok: true, analysis, timings, engine }).success).toBe(true);
    expect(FaceAnalyzeResult.safeParse({ ok: true, analysis, timings: { ...timings, detect: 'slow' } }).success).toBe(false);
    expect(FaceAnalyzeResult.safeParse({ ok: true, analysis, engine: { ...engine, simd: 'yes' } }).success).toBe(false);
  });
});

describe('pixel helpers', () => {
  it('downscales by whole box averages, the same for Uint8Array and Uint8ClampedArray input', () => {
    // 5 × 3 image, max side 2: k = 3, output 1 × 1 = the mean of the top-left 3 × 3 block.
    const data = new Uint8ClampedArray(5 * 3 * 4);
    for (let i = 0; i < 15; i++) data.set([i * 10, 255 - i * 10, 7, 255], i * 4);
    const out = downscale({ width: 5, height: 3, data }, 2);
    expect([out.width, out.height]).toEqual([1, 1]);
    const block = [0, 1, 2, 5, 6, 7, 10, 11, 12];
    const mean = block.reduce((s, i) => s + i * 10, 0) / 9;
    expect(Array.from(out.data)).toEqual([Math.round(mean), Math.round(255 - mean), 7, 255]);
    expect(downscale({ width: 5, height: 3, data: new Uint8Array(data) }, 2).data).toEqual(out.data);
    const small = { width: 2, height: 2, data: new Uint8Array(16) };
    expect(downscale(small, 2)).toBe(small);
  });

  it('resizes by area averages, counting only the part of a region inside the image', () => {
    // 4 × 2 image whose red channel is 0, 40, 80, 120 / 160, 200, 240, 255.
    const reds = [0, 40, 80, 120, 160, 200, 240, 255];
    const data = new Uint8ClampedArray(reds.flatMap((r) => [r, 0, 0, 255]));
    const img = { width: 4, height: 2, data };
    expect(Array.from(resize(img, 2, 1).data)).toEqual([100, 0, 0, 255, 174, 0, 0, 255]);
    // A region half outside on the left: only column 0 (reds 0 and 160) is inside.
    expect(Array.from(resize(img, 1, 1, { x: -1, y: 0, width: 2, height: 2 }).data)).toEqual([80, 0, 0, 255]);
    // A 1.5-pixel-wide box straddles pixels: weights 1 and 0.5.
    expect(resize(img, 1, 1, { x: 0, y: 0, width: 1.5, height: 1 }).data[0]).toBe(Math.round((0 * 1 + 40 * 0.5) / 1.5));
  });

  it('converts to RGB, compositing transparent pixels over white', () => {
    const data = new Uint8Array([10, 20, 30, 255, 10, 20, 30, 0, 0, 100, 200, 128]);
    expect(Array.from(toRgb({ width: 3, height: 1, data }))).toEqual([10, 20, 30, 255, 255, 255, 127, 177, 227]);
  });
});

describe('the face rules on real analyses', () => {
  const photo = (url: string) => ({ url, alt: null });
  const other: Identity = { key: 'linkedin:jane-doe', platform: 'linkedin', profileId: 'jane-doe', url: 'https://www.linkedin.com/in/jane-doe', name: 'Jane Doe' };

  it('photo-synthetic fires on the FFHQ-aligned photo with the eye positions for the overlay, and only there', async () => {
    const p = makeProfile({ photo: photo('https://www.upwork.com/profile-portraits/c1ffhq_100x100.jpg') });
    const face = await run('astronaut_ffhq_aligned');
    const drafts = photoSynthetic.check(p, { now: NOW, face });
    expectValid(photoSynthetic, p, drafts);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.title).toMatch(/consistent with/);
    expect(drafts[0]!.explanation).not.toMatch(/\b(is|was) (AI|generated|fake)\b/i);
    const eyes = parseEyeEvidence(drafts[0]!.evidence[0]!.excerpt);
    expect(eyes!.left.x).toBeCloseTo(face.eyes!.left.x, 2);
    expect(eyes!.right.y).toBeCloseTo(face.eyes!.right.y, 2);
    expect(drafts[0]!.evidence[1]!.excerpt).toMatch(/earring.*background.*hair.*teeth.*glasses/);
    for (const name of ['astronaut', 'logo']) expect(photoSynthetic.check(p, { now: NOW, face: await run(name) }), name).toEqual([]);
    expect(photoSynthetic.check(p, { now: NOW })).toEqual([]);
  });

  it('photo-no-face fires on the logo and the cat, not on the portrait, the default avatar or without analysis', async () => {
    const p = makeProfile({ photo: photo('https://www.upwork.com/profile-portraits/c1logo_100x100.png') });
    for (const name of ['logo', 'chelsea']) {
      const drafts = photoNoFace.check(p, { now: NOW, face: await run(name) });
      expectValid(photoNoFace, p, drafts);
      expect(drafts, name).toHaveLength(1);
    }
    expect(photoNoFace.check(p, { now: NOW, face: await run('astronaut') })).toEqual([]);
    expect(photoNoFace.check(makeProfile({ photo: photo('https://x.example/default-avatar.png') }), { now: NOW, face: await run('logo') })).toEqual([]);
    expect(photoNoFace.check(p, { now: NOW, face: null })).toEqual([]);
  });

  it('photo-same-person asks about a stored profile whose face matches, under another name, and not a different face', async () => {
    const a = await run('astronaut');
    const copy = await run('astronaut-256-q50', recompress(img('astronaut'), 256, 50));
    const self = { key: 'upwork:~01aaaaaaaaaaaaaaaa' };
    const stored = [
      { identity: other, descriptor: copy.descriptor! },
      { identity: { ...other, key: self.key, name: 'Test Person' }, descriptor: copy.descriptor! },
      { identity: { ...other, key: 'github:far', name: 'Far Away' }, descriptor: a.descriptor!.map((v, i) => v + (i % 2 ? 0.1 : -0.1)) },
    ];
    const faces = sameFaceMatches(a.descriptor!, stored, self);
    expect(faces.map((f) => f.other.key)).toEqual(['linkedin:jane-doe']);
    const p = makeProfile();
    const history = { ...emptyMatches(), faces };
    const drafts = photoSamePerson.check(p, { now: NOW, history });
    expectValid(photoSamePerson, p, drafts);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.title).toBe('Same person as Jane Doe under another name?');
    expect(drafts[0]!.explanation).toContain('https://www.linkedin.com/in/jane-doe');
    // Same name on both profiles (the same person's other account): no question.
    expect(photoSamePerson.check(makeProfile({ name: 'Jane Doe' }), { now: NOW, history })).toEqual([]);
    expect(photoSamePerson.check(p, { now: NOW, history: emptyMatches() })).toEqual([]);
  });

  it('the engine levels the FFHQ-aligned photo medium-weighted and keeps a logo photo weak', async () => {
    const p = makeProfile();
    const synthetic = analyze(p, { now: NOW, face: await run('astronaut_ffhq_aligned') });
    expect(synthetic.findings.map((f) => f.ruleId)).toEqual(['photo-synthetic']);
    expect(synthetic.level).not.toBe('none');
    const logo = analyze(p, { now: NOW, face: await run('logo') });
    expect(logo.findings.map((f) => f.ruleId)).toEqual(['photo-no-face']);
    expect(logo.level).toBe('low');
    expect(analyze(p, { now: NOW, face: await run('astronaut') }).findings).toEqual([]);
  });
});

describe('framing, matching and hashing (pure)', () => {
  const sq = { width: 1024, height: 1024 };
  const at = (lx: number, ly: number, rx: number, ry: number) => ({ left: { x: lx, y: ly }, right: { x: rx, y: ry } });

  it('flags only square frames with both eyes at the FFHQ spots, a quarter width apart and level', () => {
    expect(framingOf(at(0.375, 0.473, 0.625, 0.473), sq).consistentWithStyleGAN).toBe(true);
    expect(framingOf(at(0.38, 0.485, 0.62, 0.48), sq).consistentWithStyleGAN).toBe(true);
    // Near misses: not square; one eye 0.03 off; eyes 0.04 apart vertically; eyes too close together.
    expect(framingOf(at(0.375, 0.473, 0.625, 0.473), { width: 1024, height: 768 }).consistentWithStyleGAN).toBe(false);
    expect(framingOf(at(0.345, 0.473, 0.625, 0.473), sq).consistentWithStyleGAN).toBe(false);
    expect(framingOf(at(0.375, 0.453, 0.625, 0.493), sq).consistentWithStyleGAN).toBe(false);
    expect(framingOf(at(0.392, 0.473, 0.608, 0.473), sq)).toMatchObject({ consistentWithStyleGAN: false });
  });

  it('takes eye centres as the mean of the six eye landmarks, left being the image-left eye', () => {
    const pts = Array.from({ length: 68 }, () => ({ x: 0, y: 0 }));
    for (let i = 36; i < 42; i++) pts[i] = { x: 0.7 + (i % 2) * 0.02, y: 0.4 };
    for (let i = 42; i < 48; i++) pts[i] = { x: 0.3, y: 0.5 + (i % 2) * 0.02 };
    const e = eyeCentres(pts);
    expect(e.left.x).toBeCloseTo(0.3);
    expect(e.left.y).toBeCloseTo(0.51);
    expect(e.right.x).toBeCloseTo(0.71);
  });

  it('round-trips the eye evidence the overlay reads', () => {
    const eyes = at(0.3768, 0.4758, 0.6238, 0.4884);
    const back = parseEyeEvidence(formatEyeEvidence(eyes))!;
    expect(back.left).toEqual({ x: 0.377, y: 0.476 });
    expect(back.right).toEqual({ x: 0.624, y: 0.488 });
    expect(parseEyeEvidence('no coordinates here')).toBeNull();
  });

  it('puts distances in the bands of shared/photos.md and skips mismatched descriptors', () => {
    expect([0.1, 0.39, 0.4, 0.55, 0.58, 0.61].map(faceBand)).toEqual(['same-photo', 'same-photo', 'likely-same', 'likely-same', 'weak', 'different']);
    const id = (key: string): Identity => ({ key, platform: 'upwork', profileId: null, url: `https://www.upwork.com/freelancers/${key}`, name: key });
    const base = Array.from({ length: 128 }, (_, i) => Math.sin(i));
    const shifted = (d: number) => base.map((v, i) => (i === 0 ? v + d : v));
    const m = sameFaceMatches(base, [
      { identity: id('b'), descriptor: shifted(0.5) },
      { identity: id('a'), descriptor: shifted(0.2) },
      { identity: id('c'), descriptor: shifted(0.7) },
      { identity: id('d'), descriptor: base.slice(0, 64) },
    ]);
    expect(m).toEqual([
      { other: id('a'), distance: 0.2 },
      { other: id('b'), distance: 0.5 },
    ]);
  });

  it('hashes the face crop: stable under resizing, far from a different image, ~30 bits from its mirror', () => {
    const a = img('astronaut');
    const region = faceCropRegion({ x: 150, y: 75, width: 130, height: 115 }, a);
    expect(region.width).toBeCloseTo(182);
    expect(region.x + region.width).toBeLessThanOrEqual(512);
    const h = phash64(a);
    expect(hamming(h, phash64(resize(a, 200, 200)))).toBeLessThanOrEqual(4);
    expect(hamming(h, phash64(img('chelsea')))).toBeGreaterThan(16);
    expect(hamming(h, phash64(mirror(a)))).toBeGreaterThan(16);
  });
});
