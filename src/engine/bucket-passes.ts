import { bucketOf } from './run-sort.js';

// The passes of `LazyHeap.seal` and of its tiers, each its own function: a function holding several
// million-iteration loops is optimised in the middle of the first and thrown away at the next (no type
// feedback yet), once per loop.

/** Writes the least and the largest finite key into range[0], range[1]; returns how many keys are on the heap. */
export function finiteRange(keys: Float64Array, range: Float64Array): number {
  let lo = Infinity;
  let hi = -Infinity;
  let filed = 0;
  for (let p = 0; p < keys.length; p++) {
    const k = keys[p]!;
    if (k > -Infinity) filed++;
    if (k < lo && k > -Infinity) lo = k;
    if (k > hi && k < Infinity) hi = k;
  }
  range[0] = lo;
  range[1] = hi;
  return filed;
}

/** Not on the heap: a bucket id above every bucket (there are at most 1,024). */
const OFF_HEAP = 0xffff;

/**
 * Counts the keys of positions [from, to) into their buckets, keeps each bucket's largest key, and writes
 * each position's bucket and links it into its bucket's list (first[b], then next[p] until −1; first
 * must start at −1).
 */
export function countBuckets(
  keys: Float64Array,
  from: number,
  to: number,
  lo: number,
  scale: number,
  counts: Int32Array,
  bucketMax: Float64Array,
  bucketIds: Uint16Array,
  first: Int32Array,
  next: Int32Array,
): void {
  const top = counts.length - 1;
  for (let p = from; p < to; p++) {
    const k = keys[p]!;
    if (!(k > -Infinity)) {
      bucketIds[p] = OFF_HEAP;
      continue;
    }
    const b = bucketOf(k, lo, scale, top);
    bucketIds[p] = b;
    next[p] = first[b]!;
    first[b] = p;
    counts[b] = counts[b]! + 1;
    if (k > bucketMax[b]!) bucketMax[b] = k;
  }
}

/**
 * Writes each position of buckets [low, high], its key and carried numbers at its bucket's cursor (a
 * stable counting sort by bucket). Reads in index order; writes go to one cursor per bucket, few enough
 * to stay in cache.
 */
export function deal(
  keys: Float64Array,
  bucketIds: Uint16Array,
  cursor: Int32Array,
  a: Float64Array,
  b: Float64Array,
  [order, orderKey, orderA, orderB]: readonly [Int32Array, Float64Array, Float64Array, Float64Array],
  low: number,
  high: number,
): void {
  for (let i = 0; i < bucketIds.length; i++) {
    const bucket = bucketIds[i]!;
    if (bucket < low || bucket > high) continue;
    const at = cursor[bucket]!;
    cursor[bucket] = at + 1;
    order[at] = i;
    orderKey[at] = keys[i]!;
    orderA[at] = a[i]!;
    orderB[at] = b[i]!;
  }
}

/**
 * `deal` for a tier of few positions: walks the lists of buckets [low, high] (`countBuckets`) instead of
 * scanning the whole book, so that a round reaching a few hundred positions of a million costs a few
 * hundred reads, not a pass over the book. The order within a bucket is not the scan's (the lists run
 * down the indices), which is no matter: a bucket is sorted in the total order when it is admitted.
 */
export function dealLists(
  keys: Float64Array,
  first: Int32Array,
  next: Int32Array,
  cursor: Int32Array,
  a: Float64Array,
  b: Float64Array,
  [order, orderKey, orderA, orderB]: readonly [Int32Array, Float64Array, Float64Array, Float64Array],
  low: number,
  high: number,
): void {
  for (let bucket = high; bucket >= low; bucket--) {
    let at = cursor[bucket]!;
    for (let i = first[bucket]!; i >= 0; i = next[i]!) {
      order[at] = i;
      orderKey[at] = keys[i]!;
      orderA[at] = a[i]!;
      orderB[at] = b[i]!;
      at++;
    }
    cursor[bucket] = at;
  }
}
