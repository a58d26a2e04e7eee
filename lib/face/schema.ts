/**
 * What the face analysis returns for one profile photo (offscreen document on Chrome, background page on Firefox,
 * Node in tests). All coordinates are normalised to the image: x / width, y / height, so 0–1 inside the frame.
 */
import { z } from 'zod';
import { Hash64 } from '../history/hash64';
import { FFHQ_EYES, FRAMING_TOLERANCE } from './constants';

export const Point = z.object({ x: z.number(), y: z.number() });
export type Point = z.infer<typeof Point>;

export const Box = z.object({ x: z.number(), y: z.number(), width: z.number().nonnegative(), height: z.number().nonnegative() });
export type Box = z.infer<typeof Box>;

export { FFHQ_EYES, FRAMING_TOLERANCE };

export const Framing = z.object({
  /** Width and height within 1% of each other. */
  square: z.boolean(),
  /** The larger of the two eyes' distances from their FFHQ positions (normalised units). */
  eyeError: z.number().nonnegative(),
  /** Distance between the eye centres as a fraction of the image width. */
  interocular: z.number().nonnegative(),
  /** Vertical offset between the eye centres as a fraction of the image height. */
  level: z.number().nonnegative(),
  consistentWithStyleGAN: z.boolean(),
});
export type Framing = z.infer<typeof Framing>;

export const FaceAnalysis = z.object({
  /** Faces found by the tiny face detector (score ≥ the detector threshold), the main face first. */
  faces: z.array(z.object({ score: z.number().min(0).max(1), box: Box })),
  /** The 68 dlib-style landmarks of the main face. */
  landmarks68: z.array(Point).length(68).nullable(),
  /** Eye centres of the main face; `left` is the eye on the image's left (the person's right eye). */
  eyes: z.object({ left: Point, right: Point }).nullable(),
  /** 128-d face descriptor (dlib ResNet via face-api). Biometric: stays in local history, exported only if ticked. */
  descriptor: z.array(z.number()).length(128).nullable(),
  /** pHash of a square crop around the main face. */
  facePhash: Hash64.nullable(),
  image: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }),
  /** The StyleGAN framing measures; null without a face. */
  framing: Framing.nullable(),
  /** Time spent in the model (detection + landmarks + descriptor), ms. */
  modelMs: z.number().nonnegative(),
});
export type FaceAnalysis = z.infer<typeof FaceAnalysis>;

/**
 * What the history keeps of a face analysis (HistoryEntry.face; the descriptor also in the entry's digest): the
 * descriptor for photo-same-person (lib/history/match.ts → HistoryMatches.faces) and the face-crop pHash. Biometric
 * data: kept only in the local history, wiped with it, and left out of exports unless the user ticks photo data.
 */
export const FaceFingerprint = z.object({
  photoUrl: z.string(),
  descriptor: z.array(z.number()).length(128),
  facePhash: Hash64.nullable(),
  analysedAt: z.string().datetime({ offset: true }),
});
export type FaceFingerprint = z.infer<typeof FaceFingerprint>;

/** The fingerprint of an analysis with a face; null without one. */
export function faceFingerprint(a: FaceAnalysis, photoUrl: string, now: Date): FaceFingerprint | null {
  return a.descriptor ? { photoUrl, descriptor: a.descriptor, facePhash: a.facePhash, analysedAt: now.toISOString() } : null;
}
