/**
 * A faster tfjs WASM `Concat` kernel for the one shape face-api hits on every photo.
 *
 * face-api normalises each net's input by subtracting the mean colour, built as
 * `concat([fill([1,H,W,1], r), fill(…, g), fill(…, b)], 3)`. tfjs-backend-wasm 4.22 concatenates in JS with one
 * `subarray` + `set` per (row, input): for an inner size of 1 that is 3 × H × W tiny copies, measured at 37–80 ms
 * for the detector's 320² input (half the detector's time) and ~9 ms for the recognition net's 150². The
 * replacement copies small inner blocks element by element (same bytes, ~1 ms) and leaves every other case
 * (strings, mixed dtypes, large inner blocks) to the original kernel.
 */

/** The parts of the tfjs namespace used here (face-api re-exports tfjs as `faceapi.tf`). */
interface TfKernels {
  getKernel(name: string, backend: string): KernelConfig | undefined;
  unregisterKernel(name: string, backend: string): void;
  registerKernel(config: KernelConfig): void;
}
interface KernelConfig {
  kernelName: string;
  backendName: string;
  kernelFunc: KernelFunc;
  [k: string]: unknown;
}
type TensorInfo = { dataId: object; shape: number[]; dtype: string };
interface WasmBackend {
  makeOutput(shape: number[], dtype: string): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): Float32Array | Int32Array | Uint8Array;
}
type KernelFunc = ((args: { inputs: TensorInfo[]; backend: WasmBackend; attrs: { axis: number | number[] } }) => TensorInfo) & {
  /** On the replacement: the tfjs kernel it falls back to (tests compare the two). */
  original?: KernelFunc;
};

/** Inner blocks up to this many elements are copied element by element (a `subarray` costs more than that). */
const SMALL_INNER = 64;

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** The concat done by hand, or null when the original kernel should handle it (it also reports bad input). */
function fastConcat(inputs: TensorInfo[], backend: WasmBackend, axisAttr: number | number[]): TensorInfo | null {
  const first = inputs[0];
  if (!first || inputs.length < 2) return null;
  const rank = first.shape.length;
  const rawAxis = Array.isArray(axisAttr) ? axisAttr[0] : axisAttr;
  if (typeof rawAxis !== 'number' || !Number.isInteger(rawAxis) || rawAxis < -rank || rawAxis >= rank) return null;
  const axis = rawAxis < 0 ? rawAxis + rank : rawAxis;
  if (first.dtype !== 'float32' && first.dtype !== 'int32') return null;
  for (const t of inputs) {
    if (t.dtype !== first.dtype || t.shape.length !== rank || size(t.shape) === 0) return null;
    for (let d = 0; d < rank; d++) if (d !== axis && t.shape[d] !== first.shape[d]) return null;
  }
  const innerDims = inputs.map((t) => size(t.shape.slice(axis)));
  if (Math.min(...innerDims) > SMALL_INNER) return null;
  const outShape = first.shape.slice();
  outShape[axis] = inputs.reduce((s, t) => s + t.shape[axis]!, 0);
  const out = backend.makeOutput(outShape, first.dtype);
  // Heap views only after makeOutput: it may grow the WASM memory, which detaches older views. Both dtypes are
  // 4 bytes, copied as Int32 bit patterns: one monomorphic loop (exact for floats too, NaN payloads included).
  const ins = inputs.map((t) => int32View(backend.typedArrayFromHeap(t)));
  interleave(int32View(backend.typedArrayFromHeap(out)), ins, innerDims, size(first.shape.slice(0, axis)));
  return out;
}

const int32View = (a: Float32Array | Int32Array | Uint8Array) => new Int32Array(a.buffer, a.byteOffset, a.byteLength / 4);

/** dst = for each of `batch` rows, the next inner block of each source in turn. */
function interleave(dst: Int32Array, srcs: Int32Array[], innerDims: number[], batch: number): void {
  let o = 0;
  for (let b = 0; b < batch; b++)
    for (let i = 0; i < srcs.length; i++) {
      const d = innerDims[i]!;
      const src = srcs[i]!;
      let s = b * d;
      if (d <= SMALL_INNER) for (let k = 0; k < d; k++) dst[o++] = src[s++]!;
      else {
        dst.set(src.subarray(s, s + d), o);
        o += d;
      }
    }
}

/**
 * Replace the WASM backend's Concat kernel (once; call after `setBackend('wasm')`). Returns whether the fast kernel
 * is in place. Without a registered WASM Concat (another tfjs build) nothing changes.
 */
export function useFastConcat(tf: unknown): boolean {
  const api = tf as TfKernels;
  const orig = api.getKernel('Concat', 'wasm');
  if (!orig) return false;
  if (orig.kernelFunc.original) return true;
  const kernelFunc: KernelFunc = (args) => fastConcat(args.inputs, args.backend, args.attrs.axis) ?? orig.kernelFunc(args);
  kernelFunc.original = orig.kernelFunc;
  api.unregisterKernel('Concat', 'wasm');
  api.registerKernel({ ...orig, kernelFunc });
  return true;
}
