/**
 * The face model in an extension page (Chrome's offscreen document, or the Firefox iframe in the background page):
 * face-api's browser ESM build (tfjs bundled) on the WASM backend, wasm files and weights from the extension's own
 * /tfjs/ and /models/ folders (copied at build time, wxt.config.ts). Loads once, when the page opens (it is opened
 * only when a photo is about to be analysed, so the load overlaps the photo's download).
 */
import * as faceapi from '@vladmandic/face-api';
import { browser } from 'wxt/browser';
import { decodeScaled } from '../photos/fetch';
import { analyzeFace, MAX_SIDE, warmUp, type FaceApiModule, type StageTimes } from './analyze';
import { useFastKernels } from './kernels';
import type { Rgba } from './pixels';
import type { FaceEngine, FaceTimings } from './messages';
import type { FaceAnalysis } from './schema';

/**
 * Photos are drawn at most this large, the size the analysis works at (analyze.ts MAX_SIDE): the browser's scaled
 * drawImage replaces the JS downscale (~15–25 ms for a 1024² photo, measured in Node under load).
 */
const DECODE_MAX = MAX_SIDE;

/** Files copied at build time (not in WXT's typed public paths). */
const extUrl = (path: string): string => (browser.runtime.getURL as (p: string) => string)(path);

let loading: Promise<{ api: FaceApiModule; engine: FaceEngine }> | null = null;

/** Load the backend and the three nets once, then warm them up (see warmUp); a failure is retried on the next call. */
export function loadFaceApiBrowser(): Promise<{ api: FaceApiModule; engine: FaceEngine }> {
  loading ??= (async () => {
    const t0 = performance.now();
    const tf = faceapi.tf as unknown as {
      setWasmPaths(p: string): void;
      setBackend(b: string): Promise<boolean>;
      getBackend(): string;
      ready(): Promise<void>;
      env(): { set(flag: string, v: boolean): void; getAsync(flag: string): Promise<unknown> };
    };
    // Extension pages are not cross-origin isolated: use the single-threaded SIMD (or plain) binary we ship.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    tf.setWasmPaths(extUrl('/tfjs/'));
    if (!(await tf.setBackend('wasm'))) throw new Error('the WebAssembly backend could not start');
    await tf.ready();
    const fastKernels = useFastKernels(faceapi.tf);
    // A path, not the chrome-extension:// URL: face-api's loadFromUri mangles non-http schemes. Resolves against
    // this extension page's own origin.
    const models = '/models';
    await Promise.all([
      faceapi.nets.tinyFaceDetector.loadFromUri(models),
      faceapi.nets.faceLandmark68Net.loadFromUri(models),
      faceapi.nets.faceRecognitionNet.loadFromUri(models),
    ]);
    const api = faceapi as unknown as FaceApiModule;
    const loadMs = performance.now() - t0;
    const warmUpMs = await warmUp(api);
    const engine: FaceEngine = {
      backend: tf.getBackend(),
      simd: (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true,
      threads: (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) === true,
      fastKernels,
      loadMs,
      warmUpMs,
    };
    return { api, engine };
  })();
  loading.catch(() => (loading = null));
  return loading;
}

/** Decode image bytes with the browser's decoders (lib/photos/fetch.ts); the natural size is kept for the report. */
export function decodeInPage(bytes: ArrayBuffer, mime: string): Promise<{ rgba: Rgba; width: number; height: number }> {
  return decodeScaled(new Blob([bytes], { type: mime || 'image/jpeg' }), DECODE_MAX);
}

export async function analyzeBytes(bytes: ArrayBuffer, mime: string): Promise<{ analysis: FaceAnalysis; timings: FaceTimings; engine: FaceEngine }> {
  const { api, engine } = await loadFaceApiBrowser();
  const t0 = performance.now();
  const { rgba, width, height } = await decodeInPage(bytes, mime);
  const decode = performance.now() - t0;
  let stages: StageTimes | undefined;
  const analysis = await analyzeFace(api, rgba, { size: { width, height }, timings: (t) => (stages = t) });
  return { analysis, timings: { decode, ...stages! }, engine };
}
