/**
 * Faster tfjs WASM `Concat` and `Slice` kernels for the shapes face-api hits on every photo (tfjs-backend-wasm 4.22
 * runs both in JS, not in the WASM module).
 *
 * Concat: *
 * face-api normalises each net's input by subtracting the mean colour, built as
 * `concat([fill([1,H,W,1], r), fill(…, g), fill(…, b)], 3)`. tfjs-backend-wasm 4.22 concatenates in JS with one
 * `subarray` + `set` per (row, input): for an inner size of 1 that is 3 × H × W tiny copies, measured at 37–80 ms
 * for the detector's 320² input (half the detector's time) and ~9 ms for the recognition net's 150². The
 * replacement copies small inner blocks element by element (same bytes, ~1 ms) and leaves every other case
 * (strings, bools, mixed dtypes, large inner blocks) to the original kernel.
 *
 * Slice: tfjs copies the WHOLE input out of the WASM heap (`readSync` = a copy: 3 MB for the 512² photo tensor) and
 * then copies the crop one pixel (3 values) at a time; extractFaceTensors slices the photo twice per face (2.9–15 ms
 * each, more for larger faces). The replacement reads the heap in place and copies whole contiguous runs (a crop's
 * rows).
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
type KernelArgs = { inputs: unknown; backend: WasmBackend; attrs: Record<string, unknown> };
type KernelFunc = ((args: KernelArgs) => TensorInfo) & {
  /** On the replacement: the tfjs kernel it falls back to (tests compare the two). */
  original?: KernelFunc;
};

/** Inner blocks up to this many elements are copied element by element (a `subarray` costs more than that). */
const SMALL_INNER = 64;

const size_ = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

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
    if (t.dtype !== first.dtype || t.shape.length !== rank || size_(t.shape) === 0) return null;
    for (let d = 0; d < rank; d++) if (d !== axis && t.shape[d] !== first.shape[d]) return null;
  }
  const innerDims = inputs.map((t) => size_(t.shape.slice(axis)));
  if (Math.min(...innerDims) > SMALL_INNER) return null;
  const outShape = first.shape.slice();
  outShape[axis] = inputs.reduce((s, t) => s + t.shape[axis]!, 0);
  const out = backend.makeOutput(outShape, first.dtype);
  // Heap views only after makeOutput: it may grow the WASM memory, which detaches older views. Both dtypes are
  // 4 bytes, copied as Int32 bit patterns: one monomorphic loop (exact for floats too, NaN payloads included).
  const ins = inputs.map((t) => int32View(backend.typedArrayFromHeap(t)));
  interleave(int32View(backend.typedArrayFromHeap(out)), ins, innerDims, size_(first.shape.slice(0, axis)));
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

/** The slice done by hand (float32/int32, any rank), or null for tfjs's kernel (strings, bools, odd arguments). */
function fastSlice(x: TensorInfo, backend: WasmBackend, beginAttr: unknown, sizeAttr: unknown): TensorInfo | null {
  const rank = x.shape.length;
  if ((x.dtype !== 'float32' && x.dtype !== 'int32') || rank === 0) return null;
  if (!Array.isArray(beginAttr) || !Array.isArray(sizeAttr) || beginAttr.length !== rank || sizeAttr.length !== rank) return null;
  const begin: number[] = [];
  const size: number[] = [];
  for (let d = 0; d < rank; d++) {
    const b: unknown = beginAttr[d];
    const n: unknown = sizeAttr[d];
    const dim = x.shape[d]!;
    if (typeof b !== 'number' || typeof n !== 'number' || !Number.isInteger(b) || !Number.isInteger(n) || b < 0 || n < -1) return null;
    const len = n === -1 ? dim - b : n;
    if (len <= 0 || b + len > dim) return null;
    begin.push(b);
    size.push(len);
  }
  const strides = x.shape.map((_, d) => size_(x.shape.slice(d + 1)));
  // Dims after k are taken whole, so each copy is one contiguous run of size[k] × strides[k] values.
  let k = rank - 1;
  while (k > 0 && begin[k] === 0 && size[k] === x.shape[k]) k--;
  const run = size[k]! * strides[k]!;
  const out = backend.makeOutput(size, x.dtype);
  const src = int32View(backend.typedArrayFromHeap(x));
  const dst = int32View(backend.typedArrayFromHeap(out));
  const idx = new Array<number>(k).fill(0);
  const runs = size_(size.slice(0, k));
  let o = 0;
  for (let r = 0; r < runs; r++) {
    let s = begin[k]! * strides[k]!;
    for (let d = 0; d < k; d++) s += (begin[d]! + idx[d]!) * strides[d]!;
    if (run <= SMALL_INNER) for (let j = 0; j < run; j++) dst[o++] = src[s++]!;
    else {
      dst.set(src.subarray(s, s + run), o);
      o += run;
    }
    for (let d = k - 1; d >= 0; d--) {
      if (++idx[d]! < size[d]!) break;
      idx[d] = 0;
    }
  }
  return out;
}

function replaceKernel(api: TfKernels, name: string, fast: (args: KernelArgs) => TensorInfo | null): boolean {
  const orig = api.getKernel(name, 'wasm');
  if (!orig) return false;
  if (orig.kernelFunc.original) return true;
  const kernelFunc: KernelFunc = (args) => fast(args) ?? orig.kernelFunc(args);
  kernelFunc.original = orig.kernelFunc;
  api.unregisterKernel(name, 'wasm');
  api.registerKernel({ ...orig, kernelFunc });
  return true;
}

/**
 * Replace the WASM backend's Concat and Slice kernels (once; call after `setBackend('wasm')`). Returns whether both
 * fast kernels are in place. Where the WASM backend has no such kernel (another tfjs build) nothing changes.
 */
export function useFastKernels(tf: unknown): boolean {
  const api = tf as TfKernels;
  const concat = replaceKernel(api, 'Concat', (a) => fastConcat(a.inputs as TensorInfo[], a.backend, a.attrs.axis as number | number[]));
  const slice = replaceKernel(api, 'Slice', (a) => fastSlice((a.inputs as { x: TensorInfo }).x, a.backend, a.attrs.begin, a.attrs.size));
  return concat && slice;
}
