import type { BookArrays } from '../book-draws.js';
import { seededState } from '../rng.js';
import type { GenerateSpec } from '../types.js';
import { BOOK_KERNEL_WASM } from './book-kernel.bytes.js';

/**
 * The lazy heap's bucket counting state, which the kernel carries on from block to block
 * (`LazyHeap.buckets`, `countBuckets` in JavaScript): the buckets' geometry, counts, largest keys and
 * list heads, and each position's bucket id and next position in its bucket's list.
 */
export interface BucketCounts {
  readonly lo: number;
  readonly scale: number;
  readonly counts: Int32Array;
  readonly bucketMax: Float64Array;
  readonly first: Int32Array;
  readonly bucketIds: Uint16Array;
  readonly next: Int32Array;
}

// Node 20's type definitions leave WebAssembly to the DOM's library, which this project does not load:
// the little of it used here.
interface WebAssemblyApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (
    module: object,
    imports: Record<string, Record<string, unknown>>,
  ) => { readonly exports: unknown };
}
const { Module, Instance } = (globalThis as unknown as { readonly WebAssembly: WebAssemblyApi }).WebAssembly;

/** Positions a `fill` call draws; the scratch block's layout in bytes, as book-kernel.wat gives it. */
const BLOCK = 2048;
const AT = {
  collateral: 0,
  debt: 16384,
  key: 32768,
  next: 49152,
  id: 57344,
  counts: 61440,
  first: 65536,
  max: 69632,
} as const;
/** The most buckets the scratch memory holds (`LazyHeap.beginCount` makes at most 1,024). */
const MAX_BUCKETS = 1024;

export interface KernelExports {
  readonly memory: { readonly buffer: ArrayBuffer };
  seed(s0: bigint, s1: bigint): void;
  fill(
    base: number,
    n: number,
    sizeMin: number,
    sizeMax: number,
    log: number,
    hfMin: number,
    hfMax: number,
    hfMode: number,
    peaked: number,
    initialPrice: number,
    lt: number,
    counting: number,
    lo: number,
    scale: number,
    top: number,
  ): void;
  perps(
    base: number,
    k0: number,
    n: number,
    longs: number,
    sizeMin: number,
    sizeMax: number,
    log: number,
    leverageMin: number,
    leverageMax: number,
    leverageMode: number,
    peaked: number,
    initialPrice: number,
    spread: number,
    maintenance: number,
  ): void;
}

let instance: KernelExports | undefined;

/**
 * The kernel, one instance per thread, made at the first book drawn (compiling the module takes
 * microseconds). Its memory never grows, so views of it stay valid.
 */
function theKernel(): KernelExports {
  if (instance) return instance;
  const bytes = Uint8Array.from(atob(BOOK_KERNEL_WASM), (c) => c.charCodeAt(0));
  instance = new Instance(new Module(bytes), { math: { pow: Math.pow } }).exports as KernelExports;
  return instance;
}

/**
 * A getter of views of the kernel's memory, made at its first call: its memory never grows, so they stay
 * valid for the thread's life.
 */
export function scratchViews<T>(make: (buffer: ArrayBuffer) => T): () => T {
  let views: T | undefined;
  return () => (views ??= make(theKernel().memory.buffer));
}

/** The first `n` elements of a block's scratch view: the view itself when the block is whole. */
export function head<T extends Float64Array | Int32Array | Uint16Array>(view: T, n: number): T {
  return n === view.length ? view : (view.subarray(0, n) as T);
}

/** The kernel, its generator seeded as `UniformStream(seed)` is (the same draws follow). */
export function seededKernel(seed: number): KernelExports {
  const kernel = theKernel();
  const state = seededState(seed);
  kernel.seed(word(state[0]!, state[1]!), word(state[2]!, state[3]!));
  return kernel;
}

/** Views of the lending book's scratch block. */
const theScratch = scratchViews((buffer) => ({
  collateral: new Float64Array(buffer, AT.collateral, BLOCK),
  debt: new Float64Array(buffer, AT.debt, BLOCK),
  key: new Float64Array(buffer, AT.key, BLOCK),
  next: new Int32Array(buffer, AT.next, BLOCK),
  id: new Uint16Array(buffer, AT.id, BLOCK),
  counts: new Int32Array(buffer, AT.counts, MAX_BUCKETS),
  first: new Int32Array(buffer, AT.first, MAX_BUCKETS),
  max: new Float64Array(buffer, AT.max, MAX_BUCKETS),
}));

/** xoroshiro128+'s s0 or s1 as one 64-bit integer, from its high and low 32 bits. */
const word = (high: number, low: number): bigint => (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);

/**
 * Draws `spec.count` positions into `book` and `keys` from `offset`: for each, collateral then health
 * factor at p0, one uniform draw each, mapped through the range's shape (`drawSize`, `drawPeaked`);
 * debt = collateral * p0 * LT / HF, so that HF at p0 is the drawn value. Each position's heap key
 * (`liquidationPrices`) is written as it is drawn, where a second pass over a million positions read 24 MB
 * back (issue 15: about 9 ms of a million-position run). With `buckets`, each key is also counted into
 * the lazy heap's buckets (`countBuckets`) while in cache.
 *
 * Drawn by book-kernel.wat, which does exactly this, bit for bit, block by block through its scratch
 * memory (each block copied out while in cache): the book is drawn once a process, so its JavaScript ran
 * mostly before V8 had optimised it (issue 15: a million-position book's draws and counts took 48-54 ms on
 * a process's first run, 35-38 on its fourth).
 */
export function drawGenerated(
  book: BookArrays,
  offset: number,
  spec: GenerateSpec,
  initialPrice: number,
  lt: number,
  keys: Float64Array,
  buckets?: BucketCounts,
): void {
  const kernel = seededKernel(spec.seed);
  const k = theScratch();
  const bucketCount = buckets?.counts.length ?? 0;
  if (bucketCount > MAX_BUCKETS)
    throw new Error(`the book kernel holds ${MAX_BUCKETS} buckets, not ${bucketCount}`);
  if (buckets) {
    k.counts.set(buckets.counts);
    k.first.set(buckets.first);
    k.max.set(buckets.bucketMax);
  }
  const { collateral: size, healthFactor: hf } = spec;
  const log = size.scale === 'log' ? 1 : 0;
  const peaked = hf.mode !== undefined && hf.max !== hf.min ? 1 : 0;
  const counting = buckets ? 1 : 0;
  const lo = buckets?.lo ?? 0;
  const scale = buckets?.scale ?? 0;
  const top = bucketCount - 1;
  for (let i = offset, end = offset + spec.count; i < end; i += BLOCK) {
    const n = Math.min(BLOCK, end - i);
    kernel.fill(
      i,
      n,
      size.min,
      size.max,
      log,
      hf.min,
      hf.max,
      hf.mode ?? 0,
      peaked,
      initialPrice,
      lt,
      counting,
      lo,
      scale,
      top,
    );
    book.collateral.set(head(k.collateral, n), i);
    book.debt.set(head(k.debt, n), i);
    keys.set(head(k.key, n), i);
    if (buckets) {
      buckets.bucketIds.set(head(k.id, n), i);
      buckets.next.set(head(k.next, n), i);
    }
  }
  if (buckets) {
    buckets.counts.set(head(k.counts, bucketCount));
    buckets.first.set(head(k.first, bucketCount));
    buckets.bucketMax.set(head(k.max, bucketCount));
  }
}
