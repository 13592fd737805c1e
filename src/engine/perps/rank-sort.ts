import { bucketOf } from '../run-sort.js';

// The passes of `RankQueue`: a ranking dealt into key buckets, and a bucket sorted by descending key.
// Each its own function, over typed arrays only, so that each loop is optimised on its own.

/** Sub-buckets a bucket is dealt into before its small clusters are sorted by insertion. */
const SUB_BUCKETS = 1024;
/** A larger cluster (many close keys) is sorted by comparison: O(k log k) at worst. */
const INSERTION_MAX = 24;

/**
 * A counting sort of entries [0, count) into buckets spread evenly over the finite keys' range (an
 * infinite key in the end bucket), highest bucket first, into `order` / `orderKey`. Buckets of 512 or
 * more entries, at most 1,024: counters and write cursors that stay in cache while half a million entries
 * are dealt. Returns where each non-empty bucket starts, highest first, and the end (`count`) last;
 * writes each one's largest key into `groupMax`, highest first (it needs room for 1,024).
 */
export function dealByBucket(
  index: Int32Array,
  key: Float64Array,
  count: number,
  range: Float64Array,
  order: Int32Array,
  orderKey: Float64Array,
  groupMax: Float64Array,
): Int32Array {
  const lo = range[0]!;
  const hi = range[1]!;
  const buckets = Math.min(1024, Math.max(1, count >> 9));
  const scale = hi > lo ? buckets / (hi - lo) : 0;
  const top = buckets - 1;
  const ids = new Uint16Array(count);
  const cursor = new Int32Array(buckets);
  const bucketMax = new Float64Array(buckets).fill(-Infinity);
  for (let p = 0; p < count; p++) {
    const k = key[p]!;
    const b = top - bucketOf(k, lo, scale, top);
    ids[p] = b;
    cursor[b] = cursor[b]! + 1;
    if (k > bucketMax[b]!) bucketMax[b] = k;
  }
  const start = new Int32Array(buckets + 1);
  let groups = 0;
  let offset = 0;
  for (let b = 0; b < buckets; b++) {
    const c = cursor[b]!;
    cursor[b] = offset;
    if (c > 0) {
      groupMax[groups] = bucketMax[b]!;
      start[groups++] = offset;
    }
    offset += c;
  }
  start[groups] = count;
  for (let p = 0; p < count; p++) {
    const b = ids[p]!;
    const at = cursor[b]!;
    cursor[b] = at + 1;
    order[at] = index[p]!;
    orderKey[at] = key[p]!;
  }
  return start.subarray(0, groups + 1);
}

/**
 * Sorts a bucket by descending key. A bucket's keys are spread over a narrow range: a counting pass deals
 * them into sub-buckets, highest first, each then holding one or two entries, sorted by insertion; a
 * cluster of many close keys is sorted by comparison instead, so that no input is quadratic.
 */
export class RankSorter {
  private counts = new Int32Array(SUB_BUCKETS + 1);
  /** The last bucket sorted, [0, its size): valid until the next `sort`. */
  index = new Int32Array(0);
  key = new Float64Array(0);

  /**
   * Sorts entries [from, to) of `order` / `orderKey` into `index` / `key` (not back: the caller reads the
   * run from there); returns false, the order then unspecified, when two keys are equal (which of them a
   * heap pops first is its shape's business, not the key's).
   */
  sort(order: Int32Array, orderKey: Float64Array, from: number, to: number): boolean {
    const m = to - from;
    if (this.index.length < m) {
      this.index = new Int32Array(Math.max(m, 2 * this.index.length));
      this.key = new Float64Array(this.index.length);
    }
    const { index, key, counts } = this;
    const subs = Math.min(SUB_BUCKETS, m);
    counts.fill(0, 0, subs + 1);
    dealIntoSubBuckets(order, orderKey, from, to, subs, counts, index, key);
    for (let s = 0; s < subs; s++) {
      const lo = counts[s]!;
      const hi = counts[s + 1]!;
      if (hi - lo < 2) continue;
      if (hi - lo <= INSERTION_MAX) insertionSort(index, key, lo, hi);
      else comparisonSort(index, key, lo, hi);
    }
    return distinct(key, 0, m);
  }
}

/** Whether no two neighbours of the sorted entries [from, to) have the same key. */
function distinct(orderKey: Float64Array, from: number, to: number): boolean {
  for (let at = from + 1; at < to; at++) if (orderKey[at] === orderKey[at - 1]) return false;
  return true;
}

/**
 * A stable counting sort of [from, to) into `subs` sub-buckets by key, highest keys first, into
 * `outIndex` / `outKey` from 0; leaves in counts[s] where sub-bucket s starts, counts[subs] = m.
 */
function dealIntoSubBuckets(
  order: Int32Array,
  orderKey: Float64Array,
  from: number,
  to: number,
  subs: number,
  counts: Int32Array,
  outIndex: Int32Array,
  outKey: Float64Array,
): void {
  let min = Infinity;
  let max = -Infinity;
  for (let at = from; at < to; at++) {
    const k = orderKey[at]!;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  // An infinite or one-valued range: one sub-bucket (the clusters' sort does the rest).
  const scale = max > min && max - min < Infinity ? subs / (max - min) : 0;
  const top = subs - 1;
  for (let at = from; at < to; at++) {
    const s = top - bucketOf(orderKey[at]!, min, scale, top);
    counts[s + 1] = counts[s + 1]! + 1;
  }
  for (let s = 0; s < subs; s++) counts[s + 1] = counts[s + 1]! + counts[s]!;
  for (let at = from; at < to; at++) {
    const k = orderKey[at]!;
    const s = top - bucketOf(k, min, scale, top);
    const w = counts[s]!;
    counts[s] = w + 1;
    outIndex[w] = order[at]!;
    outKey[w] = k;
  }
  // The cursors, each now at the start of the next sub-bucket, shifted back into starts.
  for (let s = subs; s > 0; s--) counts[s] = counts[s - 1]!;
  counts[0] = 0;
}

/** A few entries into descending key order by insertion. */
function insertionSort(order: Int32Array, orderKey: Float64Array, lo: number, hi: number): void {
  for (let at = lo + 1; at < hi; at++) {
    const k = orderKey[at]!;
    const i = order[at]!;
    let to = at;
    while (to > lo && orderKey[to - 1]! < k) {
      orderKey[to] = orderKey[to - 1]!;
      order[to] = order[to - 1]!;
      to--;
    }
    orderKey[to] = k;
    order[to] = i;
  }
}

/** Many close keys into descending order by comparison (rare: a lopsided bucket, or ties). */
function comparisonSort(order: Int32Array, orderKey: Float64Array, lo: number, hi: number): void {
  const entries = Array.from({ length: hi - lo }, (_, t) => ({ i: order[lo + t]!, k: orderKey[lo + t]! }));
  entries.sort((x, y) => (x.k > y.k ? -1 : x.k < y.k ? 1 : 0));
  entries.forEach((e, t) => {
    order[lo + t] = e.i;
    orderKey[lo + t] = e.k;
  });
}
