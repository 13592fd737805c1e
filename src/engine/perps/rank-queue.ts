import { IndexHeap } from '../heap.js';
import { RankSorter, dealByBucket, keyRange } from './rank-sort.js';

/**
 * Auto-deleveraging's ranking, popped in exactly the order of an `IndexHeap` given the same entries in
 * the same order (appended, then heapified), but without the heap (issue 15: popping half a million
 * entries off a heapified ranking was a quarter of the ADL bench book's time, most of it cache misses).
 *
 * While the largest key left is unique, a max-heap's pop is determined: it is that key's entry, whatever
 * the heap's shape. So the entries are dealt into key buckets (one counting pass) and a bucket is sorted
 * by descending key only when the pops reach it, in cache; pops then read the sorted run in order.
 *
 * Equal keys (or a NaN, which a heap orders by its shape) are where the heap's shape decides: then, and
 * only then, the queue falls back exactly. It builds the heap as the ranking did (append in the same
 * order, heapify), replays the pops made so far (each was a unique largest key, so the heap gives the
 * same ones and is left in the same state as the old ranking's heap) and continues on it. Equal keys
 * always share a bucket (the bucket never decreases as the key grows), so the check is the sorted
 * bucket's neighbours, once, as it is admitted: before its first entry is popped.
 */
export class RankQueue {
  /** The bucket, sorted, that pops read: entries [at, end) of `order` are still to pop. */
  private at = 0;
  private end = 0;
  private readonly order: Int32Array;
  private readonly orderKey: Float64Array;
  /** Group g (a non-empty bucket, highest first) is [start[g], start[g + 1]) of `order`. */
  private readonly start: Int32Array;
  private readonly groups: number;
  private next = 0;
  /** The exact fallback, once built. */
  private heap: IndexHeap | undefined;
  private readonly sorter = new RankSorter();

  /** Entries [0, count) of `index` and `key`, in the order a heap would have been appended them. */
  constructor(
    private readonly index: Int32Array,
    private readonly key: Float64Array,
    private readonly count: number,
  ) {
    const range = new Float64Array(2);
    const nan = keyRange(key, count, range);
    this.order = new Int32Array(count);
    this.orderKey = new Float64Array(count);
    this.start = dealByBucket(index, key, count, range, this.order, this.orderKey);
    this.groups = this.start.length - 1;
    if (nan) this.fallBack();
  }

  /** The index with the largest key (undefined when empty), as `IndexHeap.top`. */
  get top(): number | undefined {
    if (this.at < this.end) return this.order[this.at];
    return this.heap ? this.heap.top : this.admit();
  }

  /** Removes and returns the top, as `IndexHeap.pop` (the queue must not be empty). */
  pop(): number {
    const top = this.top!;
    if (this.heap) return this.heap.pop();
    this.at++;
    return top;
  }

  /** Sorts the next bucket into the run (or falls back on a tie in it); returns the new top. */
  private admit(): number | undefined {
    if (this.next === this.groups) return undefined;
    const g = this.next++;
    const from = this.start[g]!;
    const to = this.start[g + 1]!;
    if (!this.sorter.sort(this.order, this.orderKey, from, to)) {
      this.fallBack();
      return this.heap!.top;
    }
    this.end = to;
    return this.order[from];
  }

  /** The heap the ranking used to build, after the pops made so far (`at` of them). */
  private fallBack(): void {
    const heap = new IndexHeap(this.count);
    for (let p = 0; p < this.count; p++) heap.append(this.index[p]!, this.key[p]!);
    heap.heapify();
    for (let p = 0; p < this.at; p++) heap.pop();
    this.heap = heap;
    this.end = this.at;
  }
}
