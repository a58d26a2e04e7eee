// @vitest-environment node
/**
 * The faster WASM Concat and Slice kernels (lib/face/kernels.ts) give the same tensors as tfjs's own kernels, on
 * random shapes, axes, crops and dtypes, and leave the cases they do not handle (and bad input) to tfjs.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FaceApiModule } from '../../lib/face/analyze';
import { useFastKernels } from '../../lib/face/kernels';
import { loadFaceApiNode } from '../../lib/face/node';

/* eslint-disable @typescript-eslint/no-explicit-any -- tfjs kernel internals are untyped here */
let tf: any;
let faceapi: FaceApiModule;

beforeAll(async () => {
  ({ faceapi } = await loadFaceApiNode());
  tf = faceapi.tf;
}, 120_000);

const kernel = (name = 'Concat') => tf.getKernel(name, 'wasm').kernelFunc;

/** Run a kernel function directly on tensors and read the result back as a plain array. */
function runKernel(fn: any, inputs: unknown, attrs: object): { shape: number[]; values: number[] } {
  const info = fn({ inputs, backend: tf.backend(), attrs });
  const t = tf.engine().makeTensorFromTensorInfo(info);
  const out = { shape: t.shape, values: Array.from(t.dataSync() as ArrayLike<number>) };
  t.dispose();
  return out;
}

describe('fast WASM Concat kernel', () => {
  it('is installed with the Slice kernel by the Node loader on the WASM backend, once', () => {
    expect(tf.getBackend()).toBe('wasm');
    const fns = [kernel('Concat'), kernel('Slice')];
    for (const fn of fns) expect(typeof fn.original).toBe('function');
    expect(useFastKernels(tf)).toBe(true);
    expect([kernel('Concat'), kernel('Slice')]).toEqual(fns);
  });

  it('matches tfjs on random shapes, axes (also negative) and dtypes', () => {
    fc.assert(
      fc.property(
        fc.record({
          dims: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
          axisPick: fc.nat(),
          negative: fc.boolean(),
          sizes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 4 }),
          dtype: fc.constantFrom('float32', 'int32'),
          seed: fc.integer(),
        }),
        ({ dims, axisPick, negative, sizes, dtype, seed }) => {
          const axis = axisPick % dims.length;
          let s = seed;
          const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) | 0) >>> 8) / 2 ** 24;
          const xs = sizes.map((n) => {
            const shape = dims.slice();
            shape[axis] = n;
            const count = shape.reduce((a, b) => a * b, 1);
            const vals = Array.from({ length: count }, () => (dtype === 'int32' ? Math.floor(rnd() * 2000) - 1000 : rnd() * 10 - 5));
            return tf.tensor(vals, shape, dtype);
          });
          const a = negative ? axis - dims.length : axis;
          const fast = runKernel(kernel(), xs, { axis: a });
          const orig = runKernel(kernel().original, xs, { axis: a });
          xs.forEach((x: any) => x.dispose());
          expect(fast).toEqual(orig);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('copies float bit patterns exactly (NaN, infinities, -0) in the mean-colour shape face-api builds', () => {
    const special = [NaN, Infinity, -Infinity, -0, 1e-38, 3.4e38];
    const xs = [0, 1, 2].map((c) => tf.tensor(special.map((v, i) => special[(i + c) % special.length]!), [1, 2, 3, 1], 'float32'));
    const fast = tf.getKernel('Concat', 'wasm').kernelFunc({ inputs: xs, backend: tf.backend(), attrs: { axis: 3 } });
    const t = tf.engine().makeTensorFromTensorInfo(fast);
    const want = tf.engine().makeTensorFromTensorInfo(kernel().original({ inputs: xs, backend: tf.backend(), attrs: { axis: 3 } }));
    expect(new Uint32Array((t.dataSync() as Float32Array).buffer.slice(0))).toEqual(new Uint32Array((want.dataSync() as Float32Array).buffer.slice(0)));
    expect(Array.from(t.dataSync() as Float32Array).filter((x) => Object.is(x, -0))).toHaveLength(3);
    [t, want, ...xs].forEach((x: any) => x.dispose());
  });

  it('leaves bool tensors, large inner blocks and a single input to tfjs, and still rejects mismatched shapes', () => {
    const b = tf.concat([tf.tensor([true, false], [2, 1], 'bool'), tf.tensor([false, true], [2, 1], 'bool')], 1);
    expect(Array.from(b.dataSync())).toEqual([1, 0, 0, 1]);
    const big = tf.concat([tf.fill([2, 100], 1), tf.fill([2, 100], 2)], 1);
    expect(big.shape).toEqual([2, 200]);
    expect(Array.from(big.dataSync() as Float32Array).slice(95, 105)).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2]);
    expect(tf.concat([tf.tensor([1, 2])], 0).shape).toEqual([2]);
    expect(() => tf.concat([tf.zeros([2, 3]), tf.zeros([3, 3])], 1)).toThrow();
    [b, big].forEach((x: any) => x.dispose());
  });

  it('builds the mean-colour image face-api subtracts: each channel value in every pixel of a 320² input', () => {
    const [r, g, bl] = [117.001, 114.697, 97.404].map((v) => tf.fill([1, 320, 320, 1], v, 'float32'));
    const c = tf.concat([r, g, bl], 3);
    const v = c.dataSync() as Float32Array;
    expect([v[0], v[1], v[2], v[v.length - 3], v[v.length - 1]].map((x) => Math.round(x! * 1000) / 1000)).toEqual([117.001, 114.697, 97.404, 117.001, 97.404]);
    [r, g, bl, c].forEach((x: any) => x.dispose());
  });
});

describe('fast WASM Slice kernel', () => {
  it('matches tfjs on random shapes, crops (size -1 = to the end) and dtypes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ dim: fc.integer({ min: 1, max: 6 }), b: fc.nat(), n: fc.nat(), toEnd: fc.boolean() }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('float32', 'int32'),
        (dims, dtype) => {
          const shape = dims.map((d) => d.dim);
          const begin = dims.map((d) => d.b % d.dim);
          const size = dims.map((d, i) => (d.toEnd ? -1 : 1 + (d.n % (d.dim - begin[i]!))));
          const count = shape.reduce((a, b) => a * b, 1);
          const x = tf.tensor(Array.from({ length: count }, (_, i) => (dtype === 'int32' ? i * 7 - 50 : i / 3)), shape, dtype);
          const fast = runKernel(kernel('Slice'), { x }, { begin, size });
          const orig = runKernel(kernel('Slice').original, { x }, { begin, size });
          x.dispose();
          expect(fast).toEqual(orig);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('crops a photo-sized int32 tensor the way extractFaceTensors does', () => {
    const img = tf.tensor3d(Int32Array.from({ length: 64 * 48 * 3 }, (_, i) => i), [64, 48, 3], 'int32');
    const crop = tf.slice3d(img, [10, 5, 0], [20, 30, 3]);
    expect(crop.shape).toEqual([20, 30, 3]);
    const v = crop.dataSync() as Int32Array;
    // Row r, column c, channel ch of the crop is pixel (10 + r, 5 + c) of the image.
    for (const [r, c, ch] of [[0, 0, 0], [19, 29, 2], [7, 13, 1]] as const) expect(v[(r * 30 + c) * 3 + ch]).toBe(((10 + r) * 48 + 5 + c) * 3 + ch);
    [img, crop].forEach((t: any) => t.dispose());
  });

  it('leaves bools, short argument lists and out-of-range crops to tfjs (same result as its own kernel)', () => {
    const b = tf.slice(tf.tensor([true, false, true], [3], 'bool'), [1], [2]);
    expect(Array.from(b.dataSync())).toEqual([0, 1]);
    const x = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]);
    expect(Array.from(tf.slice(x, 1).dataSync())).toEqual([4, 5, 6]);
    expect(Array.from(tf.slice(x, [0, 1], [2]).dataSync())).toEqual([2, 3, 5, 6]);
    const odd = { begin: [0, 2], size: [1, 5] };
    expect(runKernel(kernel('Slice'), { x }, odd)).toEqual(runKernel(kernel('Slice').original, { x }, odd));
    [b, x].forEach((t: any) => t.dispose());
  });
});
