/**
 * Node-only loader for tests and the bench: face-api's node-wasm build with @tensorflow/tfjs and the WASM backend,
 * weights read from the npm package (nothing downloaded). Never imported by the extension.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import type { FaceApiModule } from './analyze';
import { useFastKernels } from './kernels';
import type { Rgba } from './pixels';

const require = createRequire(import.meta.url);

let loading: Promise<{ faceapi: FaceApiModule; loadMs: number }> | null = null;

/** Load once per process: the WASM backend and the three nets (tiny detector, 68 landmarks, recognition). */
export function loadFaceApiNode(): Promise<{ faceapi: FaceApiModule; loadMs: number }> {
  loading ??= (async () => {
    const t0 = performance.now();
    const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApiModule;
    const tf = faceapi.tf as unknown as { setWasmPaths(p: string): void; setBackend(b: string): Promise<boolean>; ready(): Promise<void> };
    const wasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
    tf.setWasmPaths(`${wasmDir}/`);
    if (!(await tf.setBackend('wasm'))) throw new Error('the tfjs WASM backend could not start');
    await tf.ready();
    useFastKernels(faceapi.tf);
    const modelDir = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
    await faceapi.nets.tinyFaceDetector.loadFromDisk(modelDir);
    await faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir);
    await faceapi.nets.faceRecognitionNet.loadFromDisk(modelDir);
    return { faceapi, loadMs: performance.now() - t0 };
  })();
  return loading;
}

/** Decode a PNG or JPEG file's bytes to RGBA (Node). */
export function decodeImage(bytes: Buffer): Rgba {
  if (bytes[0] === 0x89 && bytes[1] === 0x50) {
    const png = PNG.sync.read(bytes);
    return { width: png.width, height: png.height, data: png.data };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    const j = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
    return { width: j.width, height: j.height, data: j.data };
  }
  throw new Error('not a PNG or JPEG file');
}

export const readImage = (path: string): Rgba => decodeImage(readFileSync(path));
