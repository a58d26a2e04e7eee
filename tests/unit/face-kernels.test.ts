// @vitest-environment node
/**
 * The faster WASM Concat kernel (lib/face/kernels.ts) gives the same tensors as tfjs's own kernel, on random shapes,
 * axes and dtypes, and leaves the cases it does not handle (and bad input) to tfjs.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FaceApiModule } from '../../lib/face/analyze';
import { useFastConcat } from '../../lib/face/kernels';
import { loadFaceApiNode } from '../../lib/face/node';

/* eslint-disable @typescript-eslint/no-explicit-any -- tfjs kernel internals are untyped here */
let tf: any;
let faceapi: FaceApiModule;

beforeAll(async () => {
  ({ faceapi } = await loadFaceApiNode());
  tf = faceapi.tf;
}, 120_000);

const kernel = () => tf.getKernel('Concat', 'wasm').kernelFunc;

/** Run a Concat kernel function directly on tensors and read the result back as a plain array. */
function runKernel(fn: any, xs: any[], axis: number): { shape: number[]; values: number[] } {
  const info = fn({ inputs: xs, backend: tf.backend(), attrs: { axis } });
  const t = tf.engine().makeTensorFromTensorInfo(info);
  const out = { shape: t.shape, values: Array.from(t.dataSync() as ArrayLike<number>) };
  t.dispose();
  return out;
}

describe('fast WASM Concat kernel', () => {
  it('is installed by the Node loader on the WASM backend, once', () => {
    expect(tf.getBackend()).toBe('wasm');
    const fn = kernel();
    expect(typeof fn.original).toBe('function');
    expect(useFastConcat(tf)).toBe(true);
    expect(kernel()).toBe(fn);
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
          const fast = runKernel(kernel(), xs, a);
          const orig = runKernel(kernel().original, xs, a);
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
    expect([v[0], v[1], v[2], v[v.length - 3], v[v.length - 1]].map((x) => Math.round(x * 1000) / 1000)).toEqual([117.001, 114.697, 97.404, 117.001, 97.404]);
    [r, g, bl, c].forEach((x: any) => x.dispose());
  });
});
