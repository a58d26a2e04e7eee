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
/**
 * Tiny face detector input sizes (multiples of 32). The first pass runs at FAST_INPUT (256: 0.64 of the work of 320);
 * unless it finds a face scoring ACCEPT_SCORE or more, the photo is detected again at DETECTOR_INPUT (320, the
 * reference size) and that result is used. So a face photo usually costs one small pass, and a photo without a
 * clear face costs both passes (never less accurate than 320 alone). Measured best scores at 224 / 256 / 320:
 * astronaut portrait 0.62 / 0.86 / 0.86, its 128 px q40 copy 0.61 / 0.62 / 0.77, camera.png's small face
 * 0.10 / 0.71 / 0.78; the FFHQ crop at 64 px 0.00 at 256 but 0.94 at 320, and the camera photo mirrored 0.73 at 256
 * but 0.48 at 320: the score jumps with the input grid, hence a re-check rather than 256 alone or a lower threshold.
 */
export const FAST_INPUT = 256;
export const DETECTOR_INPUT = 320;
/** A first-pass face at least this sure is kept without the re-check. */
export const ACCEPT_SCORE = 0.6;
/** Below this detector score there is no face (shared/photos.md §3: the logo and the cat stay below). */
export const FACE_SCORE = 0.5;

/** Where the time of one analysis went, ms (the bench prints these; `recheck` is 0 when the first pass sufficed). */
export interface StageTimes {
  /** Downscale to MAX_SIDE and RGB conversion (JS). */
  pixels: number;
  /** Copy into a tfjs tensor. */
  tensor: number;
  /** First detector pass at FAST_INPUT. */
  detect: number;
  /** Second pass at DETECTOR_INPUT (0 when not needed). */
  recheck: number;
  /** 68 landmarks of the main face (crop + net). */
  landmarks: number;
  /** Aligned crop + 128-d recognition net. */
  descriptor: number;
  /** Face-crop pHash and the result's assembly. */
  rest: number;
  total: number;
}

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

type Tensor3D = ReturnType<FaceApiModule['tf']['tensor3d']>;

/**
 * Faces on the tensor: the first pass at FAST_INPUT, the re-check at DETECTOR_INPUT when the first pass found no
 * face scoring ACCEPT_SCORE or more. Only detections scoring FACE_SCORE or more are returned.
 */
async function detectFaces(faceapi: FaceApiModule, tensor: Tensor3D, t: StageTimes, now: () => number) {
  let t0 = now();
  const first = await faceapi.detectAllFaces(tensor, new faceapi.TinyFaceDetectorOptions({ inputSize: FAST_INPUT, scoreThreshold: FACE_SCORE }));
  t.detect = now() - t0;
  if (first.some((d) => d.score >= ACCEPT_SCORE)) return first;
  t0 = now();
  const again = await faceapi.detectAllFaces(tensor, new faceapi.TinyFaceDetectorOptions({ inputSize: DETECTOR_INPUT, scoreThreshold: FACE_SCORE }));
  t.recheck = now() - t0;
  return again;
}

/**
 * Analyse one decoded image. The face-api instance must have the tiny detector, landmark-68 and recognition nets
 * loaded. `size` is the photo's natural size when the pixels were already scaled down (reported and used for the
 * squareness check). `timings` receives where the time went, measured with `clock` (default: wall clock; the
 * bench passes the process's CPU time, which other load on the machine disturbs less).
 */
export async function analyzeFace(
  faceapi: FaceApiModule,
  image: Rgba,
  opts: { size?: { width: number; height: number }; timings?: (t: StageTimes) => void; clock?: () => number } = {},
): Promise<FaceAnalysis> {
  const t: StageTimes = { pixels: 0, tensor: 0, detect: 0, recheck: 0, landmarks: 0, descriptor: 0, rest: 0, total: 0 };
  const now = opts.clock ?? (() => performance.now());
  const tStart = now();
  const size = opts.size ?? { width: image.width, height: image.height };
  const img = downscale(image, MAX_SIDE);
  const { width: W, height: H } = img;
  const rgb = toRgb(img);
  const tTensor = now();
  t.pixels = tTensor - tStart;
  const tensor = faceapi.tf.tensor3d(rgb, [H, W, 3], 'int32');
  const t0 = now();
  const w0 = performance.now();
  t.tensor = t0 - tTensor;
  const done = (a: FaceAnalysis): FaceAnalysis => {
    t.total = now() - tStart;
    t.rest = Math.max(0, t.total - t.pixels - t.tensor - t.detect - t.recheck - t.landmarks - t.descriptor);
    opts.timings?.(t);
    return a;
  };
  try {
    const found = await detectFaces(faceapi, tensor, t, now);
    // The main face: the largest box, ties broken by score.
    const ranked = [...found].sort((a, b) => b.box.area - a.box.area || b.score - a.score);
    const norm = (p: { x: number; y: number }): Point => ({ x: r4(p.x / W), y: r4(p.y / H) });
    const faces = ranked.map((f) => ({
      score: r4(f.score),
      box: { x: r4(f.box.x / W), y: r4(f.box.y / H), width: r4(f.box.width / W), height: r4(f.box.height / H) },
    }));
    const detection = ranked[0];
    if (!detection) {
      return done(
        FaceAnalysis.parse({
          faces,
          landmarks68: null,
          eyes: null,
          descriptor: null,
          facePhash: null,
          image: size,
          framing: null,
          modelMs: r4(performance.now() - w0),
        }),
      );
    }
    // Landmarks of the main face only (face-api's withFaceLandmarks would run the net on every face found).
    let t1 = now();
    const [cropped] = await faceapi.extractFaceTensors(tensor, [detection]);
    let main: ReturnType<typeof faceapi.extendWithFaceLandmarks<{ detection: typeof detection }>>;
    try {
      const lm = (await faceapi.nets.faceLandmark68Net.detectLandmarks(cropped!)) as InstanceType<FaceApiModule['FaceLandmarks68']>;
      main = faceapi.extendWithFaceLandmarks({ detection }, lm);
    } finally {
      cropped?.dispose();
    }
    t.landmarks = now() - t1;
    t1 = now();
    const [faceTensor] = await faceapi.extractFaceTensors(tensor, [main.alignedRect]);
    let descriptor: number[] | null = null;
    try {
      const d = await faceapi.computeFaceDescriptor(faceTensor!);
      descriptor = Array.from(d as Float32Array, (v) => Math.round(v * 1e6) / 1e6);
    } finally {
      faceTensor?.dispose();
    }
    t.descriptor = now() - t1;
    const modelMs = performance.now() - w0;
    const landmarks68 = main.landmarks.positions.map(norm);
    // Eyes from unrounded positions, framing measured on the normalised frame.
    const eyes = eyeCentres(main.landmarks.positions.map((p) => ({ x: p.x / W, y: p.y / H })));
    const b = detection.box;
    return done(
      FaceAnalysis.parse({
        faces,
        landmarks68,
        eyes: { left: { x: r4(eyes.left.x), y: r4(eyes.left.y) }, right: { x: r4(eyes.right.x), y: r4(eyes.right.y) } },
        descriptor,
        facePhash: phash64(img, faceCropRegion({ x: b.x, y: b.y, width: b.width, height: b.height }, img)),
        image: size,
        framing: framingOf(eyes, size),
        modelMs: r4(modelMs),
      }),
    );
  } finally {
    tensor.dispose();
  }
}

/**
 * One pass of every net on blank input (detector at both sizes, landmarks, recognition), so that the first photo
 * does not pay the WASM kernels' first-call cost (~100–150 ms measured in Node). Returns its time, ms.
 */
export async function warmUp(faceapi: FaceApiModule): Promise<number> {
  const t0 = performance.now();
  const tf = faceapi.tf;
  const blank = tf.fill([64, 64, 3], 128, 'int32') as Tensor3D;
  const face = tf.fill([112, 112, 3], 128, 'int32') as Tensor3D;
  const crop = tf.fill([150, 150, 3], 128, 'int32') as Tensor3D;
  try {
    for (const inputSize of [FAST_INPUT, DETECTOR_INPUT]) await faceapi.detectAllFaces(blank, new faceapi.TinyFaceDetectorOptions({ inputSize, scoreThreshold: FACE_SCORE }));
    await faceapi.nets.faceLandmark68Net.detectLandmarks(face);
    await faceapi.computeFaceDescriptor(crop);
  } finally {
    [blank, face, crop].forEach((t) => t.dispose());
  }
  return performance.now() - t0;
}
