/**
 * The face analysis shared by the offscreen document (Chrome), the background page (Firefox) and Node (tests, bench):
 * given a loaded face-api instance and RGBA pixels, find faces with the tiny face detector (not SSD: its weights
 * come from a non-commercial data set, shared/photos.md §2), take the 68 landmarks and the 128-d descriptor of the
 * main face, measure the StyleGAN/FFHQ framing and hash the face crop.
 */
import type * as FaceApi from '@vladmandic/face-api';
import { phash64 } from './phash';
import { downscale, toRgb, type Rgba } from './pixels';
import { FaceAnalysis, FFHQ_EYES, FRAMING_TOLERANCE, type Box, type Framing, type Point } from './schema';

export type FaceApiModule = typeof FaceApi;

/** Images are analysed at most this large (profile photos are headshots; detection runs at DETECTOR_INPUT anyway). */
export const MAX_SIDE = 512;
/** Tiny face detector input size (multiple of 32): 320 keeps the half-length astronaut portrait at score 0.86 (224: 0.62). */
export const DETECTOR_INPUT = 320;
/** Below this detector score there is no face (shared/photos.md §3: the logo and the cat stay below). */
export const FACE_SCORE = 0.5;

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
const mean = (ps: Point[]): Point => ({ x: ps.reduce((s, p) => s + p.x, 0) / ps.length, y: ps.reduce((s, p) => s + p.y, 0) / ps.length });

/** Eye centres from the 68 landmarks (mean of each eye's six points); `left` is the eye on the image's left. */
export function eyeCentres(landmarks68: Point[]): { left: Point; right: Point } {
  const a = mean(landmarks68.slice(36, 42));
  const b = mean(landmarks68.slice(42, 48));
  return a.x <= b.x ? { left: a, right: b } : { left: b, right: a };
}

/**
 * The StyleGAN/FFHQ framing check (shared/photos.md §3): a square image, both eye centres within 0.02 of
 * (0.375, 0.473) / (0.625, 0.473), interocular distance 0.25 ± 0.02 of the width, eyes level within ±0.015.
 */
export function framingOf(eyes: { left: Point; right: Point }, image: { width: number; height: number }): Framing {
  const square = Math.abs(image.width - image.height) <= 0.01 * Math.max(image.width, image.height);
  const eyeError = Math.max(dist(eyes.left, FFHQ_EYES.left), dist(eyes.right, FFHQ_EYES.right));
  const interocular = Math.abs(eyes.right.x - eyes.left.x);
  const level = Math.abs(eyes.right.y - eyes.left.y);
  const T = FRAMING_TOLERANCE;
  return {
    square,
    eyeError,
    interocular,
    level,
    consistentWithStyleGAN:
      square && eyeError <= T.eye && Math.abs(interocular - T.interocular.target) <= T.interocular.tolerance && level <= T.level,
  };
}

/** A square around the face box (1.4 × its longer side, centred), clipped to the image: what the face pHash covers. */
export function faceCropRegion(box: Box, image: { width: number; height: number }) {
  const side = Math.min(1.4 * Math.max(box.width, box.height), image.width, image.height);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const x = Math.min(Math.max(0, cx - side / 2), image.width - side);
  const y = Math.min(Math.max(0, cy - side / 2), image.height - side);
  return { x, y, width: side, height: side };
}

const r4 = (n: number) => Math.round(n * 1e4) / 1e4;

/**
 * Analyse one decoded image. The face-api instance must have the tiny detector, landmark-68 and recognition nets
 * loaded. `size` is the photo's natural size when the pixels were already scaled down (reported and used for the
 * squareness check).
 */
export async function analyzeFace(faceapi: FaceApiModule, image: Rgba, opts: { size?: { width: number; height: number } } = {}): Promise<FaceAnalysis> {
  const size = opts.size ?? { width: image.width, height: image.height };
  const img = downscale(image, MAX_SIDE);
  const { width: W, height: H } = img;
  const t0 = performance.now();
  const tensor = faceapi.tf.tensor3d(toRgb(img), [H, W, 3], 'int32');
  try {
    const options = new faceapi.TinyFaceDetectorOptions({ inputSize: DETECTOR_INPUT, scoreThreshold: FACE_SCORE });
    const found = await faceapi.detectAllFaces(tensor, options).withFaceLandmarks();
    // The main face: the largest box, ties broken by score.
    const ranked = [...found].sort((a, b) => b.detection.box.area - a.detection.box.area || b.detection.score - a.detection.score);
    const norm = (p: { x: number; y: number }): Point => ({ x: r4(p.x / W), y: r4(p.y / H) });
    const faces = ranked.map((f) => ({
      score: r4(f.detection.score),
      box: { x: r4(f.detection.box.x / W), y: r4(f.detection.box.y / H), width: r4(f.detection.box.width / W), height: r4(f.detection.box.height / H) },
    }));
    const main = ranked[0];
    if (!main) {
      return FaceAnalysis.parse({
        faces,
        landmarks68: null,
        eyes: null,
        descriptor: null,
        facePhash: null,
        image: size,
        framing: null,
        modelMs: r4(performance.now() - t0),
      });
    }
    const [faceTensor] = await faceapi.extractFaceTensors(tensor, [main.alignedRect]);
    let descriptor: number[] | null = null;
    try {
      const d = await faceapi.computeFaceDescriptor(faceTensor!);
      descriptor = Array.from(d as Float32Array, (v) => Math.round(v * 1e6) / 1e6);
    } finally {
      faceTensor?.dispose();
    }
    const modelMs = performance.now() - t0;
    const landmarks68 = main.landmarks.positions.map(norm);
    // Eyes from unrounded positions, framing measured on the normalised frame.
    const eyes = eyeCentres(main.landmarks.positions.map((p) => ({ x: p.x / W, y: p.y / H })));
    const b = main.detection.box;
    return FaceAnalysis.parse({
      faces,
      landmarks68,
      eyes: { left: { x: r4(eyes.left.x), y: r4(eyes.left.y) }, right: { x: r4(eyes.right.x), y: r4(eyes.right.y) } },
      descriptor,
      facePhash: phash64(img, faceCropRegion({ x: b.x, y: b.y, width: b.width, height: b.height }, img)),
      image: size,
      framing: framingOf(eyes, size),
      modelMs: r4(modelMs),
    });
  } finally {
    tensor.dispose();
  }
}
