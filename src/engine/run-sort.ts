import { RankedHeap } from './ranked-heap.js';

/** Sub-buckets a run is dealt into before its small clusters are sorted by insertion. */
const SUB_BUCKETS = 1024;
/** A cluster larger than this (many close or equal keys) is sorted through a heap: O(k log k) at worst. */
const INSERTION_MAX = 24;

/** The bucket of `key`: (key − lo) · scale, clamped to [0, top]; NaN lands in bucket 0. Never decreases as key grows. */
export function bucketOf(key: number, lo: number, scale: number, top: number): number {
  const x = (key - lo) * scale;
  return x >= 1 ? (x < top ? Math.floor(x) : top) : 0;
}

/** The slices of the lazy heap's parallel arrays a run is sorted within. */
export interface RunArrays {
  readonly index: Int32Array;
  readonly key: Float64Array;
  readonly a: Float64Array;
  readonly b: Float64Array;
}

/**
 * Sorts a bucket of the lazy heap in place, in `RankedHeap`'s total order (the larger key first, on equal
 * keys the smaller index), carrying each entry's two numbers, so that its positions are popped by reading
 * the arrays in order rather than through a heap (issue 15: a push and a pop per liquidated position were
 * most of a round's cost). A bucket's keys are spread over a narrow range: a counting pass deals them into
 * sub-buckets by key, highest first, each then holding one or two entries, sorted by insertion. A cluster
 * of many close keys (ties, or a lopsided book) goes through a heap instead, so no input is quadratic.
 */
export class RunSorter {
  private counts = new Int32Array(SUB_BUCKETS + 1);
  private scratch: RunArrays = {
    index: new Int32Array(0),
    key: new Float64Array(0),
    a: new Float64Array(0),
    b: new Float64Array(0),
  };
  private readonly heap = new RankedHeap(64);

  /** Sorts entries [from, to) of `run`. */
  sort(run: RunArrays, from: number, to: number): void {
    const m = to - from;
    if (m < 2) return;
    if (this.scratch.index.length < m) this.scratch = arraysOf(Math.max(m, 2 * this.scratch.index.length));
    const subs = Math.min(SUB_BUCKETS, m);
    const counts = this.counts;
    counts.fill(0, 0, subs + 1);
    dealIntoSubBuckets(run, from, to, subs, counts, this.scratch);
    // Sub-bucket s is now [counts[s], counts[s + 1]) of the run, from `from`.
    for (let s = 0; s < subs; s++) {
      const lo = from + counts[s]!;
      const hi = from + counts[s + 1]!;
      if (hi - lo < 2) continue;
      if (hi - lo <= INSERTION_MAX) insertionSort(run, lo, hi);
      else this.heapSort(run, lo, hi);
    }
  }

  /** A large cluster: every entry through a heap, then back in the order it pops. */
  private heapSort(run: RunArrays, lo: number, hi: number): void {
    const { heap } = this;
    const { index, key, a, b } = run;
    for (let at = lo; at < hi; at++) heap.push(index[at]!, key[at]!, a[at]!, b[at]!);
    for (let at = lo; at < hi; at++) {
      const i = heap.pop();
      index[at] = i;
      key[at] = heap.poppedKey;
      a[at] = heap.poppedA;
      b[at] = heap.poppedB;
    }
  }
}

function arraysOf(size: number): RunArrays {
  return {
    index: new Int32Array(size),
    key: new Float64Array(size),
    a: new Float64Array(size),
    b: new Float64Array(size),
  };
}

/**
 * A stable counting sort of [from, to) into `subs` sub-buckets by key, highest keys first (through
 * `scratch` and back); leaves in counts[s] the offset of sub-bucket s from `from`, counts[subs] = m.
 */
function dealIntoSubBuckets(
  run: RunArrays,
  from: number,
  to: number,
  subs: number,
  counts: Int32Array,
  scratch: RunArrays,
): void {
  const { index, key, a, b } = run;
  let min = Infinity;
  let max = -Infinity;
  for (let at = from; at < to; at++) {
    const k = key[at]!;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  // An infinite or one-valued range: one sub-bucket (the clusters' sort does the rest).
  const scale = max > min && max - min < Infinity ? subs / (max - min) : 0;
  const top = subs - 1;
  for (let at = from; at < to; at++) {
    const s = top - bucketOf(key[at]!, min, scale, top);
    counts[s + 1] = counts[s + 1]! + 1;
  }
  for (let s = 0; s < subs; s++) counts[s + 1] = counts[s + 1]! + counts[s]!;
  // counts[s] is now sub-bucket s's write cursor; after the scatter it is the start of s + 1.
  for (let at = from; at < to; at++) {
    const k = key[at]!;
    const s = top - bucketOf(k, min, scale, top);
    const w = counts[s]!;
    counts[s] = w + 1;
    scratch.index[w] = index[at]!;
    scratch.key[w] = k;
    scratch.a[w] = a[at]!;
    scratch.b[w] = b[at]!;
  }
  // Shift the cursors back into starts: sub-bucket s began where s − 1 ended.
  for (let s = subs; s > 0; s--) counts[s] = counts[s - 1]!;
  counts[0] = 0;
  const m = to - from;
  index.set(scratch.index.subarray(0, m), from);
  key.set(scratch.key.subarray(0, m), from);
  a.set(scratch.a.subarray(0, m), from);
  b.set(scratch.b.subarray(0, m), from);
}

/** A few entries into the total order by insertion (each compared with the total order's rule). */
function insertionSort(run: RunArrays, lo: number, hi: number): void {
  const { index, key, a, b } = run;
  for (let at = lo + 1; at < hi; at++) {
    const k = key[at]!;
    const i = index[at]!;
    const ea = a[at]!;
    const eb = b[at]!;
    let to = at;
    while (to > lo) {
      const pk = key[to - 1]!;
      if (pk > k || (pk === k && index[to - 1]! < i)) break;
      key[to] = pk;
      index[to] = index[to - 1]!;
      a[to] = a[to - 1]!;
      b[to] = b[to - 1]!;
      to--;
    }
    key[to] = k;
    index[to] = i;
    a[to] = ea;
    b[to] = eb;
  }
}
