/** Messages between the background and the face-analysis page (offscreen document / Firefox iframe), validated. */
import { z } from 'zod';
import { FaceAnalysis } from './schema';

export const FaceAnalyzeRequest = z.object({
  type: z.literal('vetter:face-analyze'),
  target: z.literal('offscreen'),
  /** The image bytes as base64 (Chrome's runtime messages are JSON: an ArrayBuffer would not survive). */
  data: z.string().min(1),
  mime: z.string(),
});
export type FaceAnalyzeRequest = z.infer<typeof FaceAnalyzeRequest>;

/** Where the time of one analysis went in the page, ms (lib/face/analyze.ts StageTimes, plus the image decode). */
export const FaceTimings = z.object({
  decode: z.number(),
  pixels: z.number(),
  tensor: z.number(),
  detect: z.number(),
  recheck: z.number(),
  landmarks: z.number(),
  descriptor: z.number(),
  rest: z.number(),
  total: z.number(),
});
export type FaceTimings = z.infer<typeof FaceTimings>;

/** How the page runs the model (for the bench and bug reports): tfjs backend, WASM SIMD/threads, kernels, load, warm-up. */
export const FaceEngine = z.object({
  backend: z.string(),
  simd: z.boolean(),
  threads: z.boolean(),
  /** Vetter's Concat/Slice kernels replaced tfjs's (lib/face/kernels.ts). */
  fastKernels: z.boolean(),
  loadMs: z.number(),
  warmUpMs: z.number(),
});
export type FaceEngine = z.infer<typeof FaceEngine>;

export const FaceAnalyzeResult = z.union([
  z.object({ ok: z.literal(true), analysis: FaceAnalysis, timings: FaceTimings.optional(), engine: FaceEngine.optional() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type FaceAnalyzeResult = z.infer<typeof FaceAnalyzeResult>;

export function toBase64(bytes: ArrayBuffer): string {
  const u8 = new Uint8Array(bytes);
  let s = '';
  for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode(...u8.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(b64: string): ArrayBuffer {
  const s = atob(b64);
  const u8 = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) u8[i] = s.charCodeAt(i);
  return u8.buffer;
}
