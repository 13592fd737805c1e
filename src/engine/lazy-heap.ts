import { countBuckets, deal, dealLists, finiteRange } from './bucket-passes.js';
import { RunSorter, type RunArrays } from './run-sort.js';
import { RankedHeap } from './ranked-heap.js';
import type { BucketCounts } from './wasm/book-kernel.js';

/**
 * A max-heap of position indices that is ordered lazily: the book's positions are first dealt into key
 * buckets (one counting pass, O(n)), and a bucket is sorted, as the run pops are read from, only when the
 * pops reach it: once its largest key is above the floor the caller asks down to and not below the top
 * (`peek`). A cascade that liquidates a third of a million-position book then sorts only that third, a
 * bucket (about a thousand positions) at a time, in cache; the positions put back go into a small heap
 * merged with the run (issue 15: popping a heapified million-entry heap was most of a round's cost, and
 * then a push and a pop per position through a bucket-sized heap).
 *
 * Pops come in the order of one heap holding every key: the larger key first, on equal keys the smaller
 * index (`RankedHeap`'s total order). A bucket not yet admitted holds only keys below its largest, which
 * is below the heap's top, so the top is the first of all.
 *
 * Each position carries two numbers (the lending book's collateral and debt) from the moment it is dealt
 * into a bucket until it is popped, so that the round that liquidates it reads them in order from
 * `poppedA` / `poppedB` rather than scattered over the book's arrays (half the liquidation loop's time was
 * those two reads).
 *
 * A position's key and carried numbers must not change while it waits: the book changes only positions it
 * has taken off the heap, and puts them back with `push`.
 */
/** The fewest positions a tier deals (`dealTier`). */
const MIN_TIER = 4096;

export class LazyHeap {
  /** The positions put back (and, should one ever be, what is left of a run when the next is admitted). */
  private readonly heap = new RankedHeap(4096);
  /**
   * Position i's key, written by the book before `seal` (−Infinity: not on the heap), one slot for each
   * position: so the book fills it in one pass over its arrays, and `seal` needs no list of indices.
   */
  keys: Float64Array;
  /** After `seal`: positions grouped by bucket, highest first; group g is [start[g], start[g + 1]). */
  private order = new Int32Array(0);
  private orderKey = new Float64Array(0);
  private orderA = new Float64Array(0);
  private orderB = new Float64Array(0);
  private start = new Int32Array(1);
  /** The largest key in each group, and the bucket it is. */
  private groupMax = new Float64Array(0);
  private groupBucket = new Int32Array(0);
  private groups = 0;
  /** The next group not yet in the heap. */
  private next = 0;
  /** The admitted bucket, sorted (`RunSorter`): entries [runAt, runEnd) of `order` are still to pop. */
  private runAt = 0;
  private runEnd = 0;
  private run: RunArrays = { index: this.order, key: this.orderKey, a: this.orderA, b: this.orderB };
  private readonly sorter = new RunSorter();
  /** The carried numbers of the position the last `pop` returned. */
  poppedA = 0;
  poppedB = 0;
  /** Groups [0, dealt) are written into `order`; the rest wait in `pending` and the book's arrays. */
  private dealt = 0;
  /**
   * What a later tier is dealt from (`dealTier`): the keys, each position's bucket (written as the
   * buckets are counted, so a tier's scan reads two bytes a position and computes nothing), each
   * bucket's write cursor.
   */
  private pending: Float64Array = new Float64Array(0);
  private bucketIds: Uint16Array = new Uint16Array(0);
  /** Each bucket's positions as a list (`countBuckets`), for a tier too small to be worth a scan. */
  private first: Int32Array = new Int32Array(0);
  private nextInBucket: Int32Array = new Int32Array(0);
  private carriedA: Float64Array = new Float64Array(0);
  private carriedB: Float64Array = new Float64Array(0);
  private cursor = new Int32Array(0);
  /** The buckets' geometry and largest keys while they are counted (`beginCount`). */
  private lo = 0;
  private scale = 0;
  private bucketMax = new Float64Array(0);
  private counting = false;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
  }

  /**
   * Starts counting keys into buckets spread evenly over [lo, hi] (an infinite key goes in the top
   * bucket, a key outside the range in the nearer end bucket), at most 1,024 buckets of 512 or more of
   * the `n` keys expected: few enough that their counters and write cursors stay in cache while a million
   * positions are dealt. A bucket's index never decreases as the key grows, so the groups, highest first,
   * hold ever smaller keys. Any range gives the same pops (they come in the total order, and a group's
   * largest key is counted, not assumed); only how evenly the buckets fill depends on it.
   *
   * For a caller that writes the keys in blocks and counts each block while it is still in cache
   * (`count`): the book's generator knows its keys' range before it draws them (issue 15: a counting pass
   * of its own over a million keys was 9 ms). `seal` alone counts them all over their own range.
   */
  beginCount(lo: number, hi: number, n: number): void {
    const buckets = Math.min(1024, Math.max(1, n >> 9));
    this.lo = lo;
    this.scale = hi > lo ? buckets / (hi - lo) : 0;
    this.cursor = new Int32Array(buckets);
    this.bucketMax = new Float64Array(buckets).fill(-Infinity);
    this.bucketIds = new Uint16Array(this.keys.length);
    this.first = new Int32Array(buckets).fill(-1);
    this.nextInBucket = new Int32Array(this.keys.length);
    this.counting = true;
  }

  /** Counts the keys of positions [from, to) into the buckets `beginCount` set (`countBuckets`). */
  count(from: number, to: number): void {
    const { keys, lo, scale, cursor, bucketMax, bucketIds, first, nextInBucket } = this;
    countBuckets(keys, from, to, lo, scale, cursor, bucketMax, bucketIds, first, nextInBucket);
  }

  /** The counting state `beginCount` set, for a caller that counts keys itself (the book's kernel). */
  buckets(): BucketCounts {
    const { lo, scale, cursor: counts, bucketMax, first, bucketIds, nextInBucket: next } = this;
    return { lo, scale, counts, bucketMax, first, bucketIds, next };
  }

  /**
   * Ends the counting (after `beginCount` and a `count` of every position; else it counts them all
   * here, over the range of their finite keys) and makes the non-empty buckets the groups.
   *
   * The buckets are counted, but their positions are written out in tiers, as the pops reach them
   * (`dealTier`): a cascade that liquidates a third of the book then deals about half of it, and one
   * that liquidates a few positions deals a few thousand (issue 15: dealing the whole million was 45 ms, the
   * largest single cost of building the book). `a` and
   * `b` are read when a tier is dealt: they must not change for a position before it is popped.
   */
  seal(a: Float64Array, b: Float64Array): void {
    const { keys } = this;
    if (!this.counting) {
      const range = new Float64Array(2);
      const n = finiteRange(keys, range);
      this.beginCount(range[0]!, range[1]!, n);
      this.count(0, keys.length);
    }
    const { cursor: counts, bucketMax } = this;
    const buckets = counts.length;
    // Non-empty buckets become groups, highest first; counts[b] becomes the write cursor of bucket b.
    const start = new Int32Array(buckets + 1);
    const groupMax = new Float64Array(buckets);
    const groupBucket = new Int32Array(buckets);
    let groups = 0;
    let offset = 0;
    for (let b = buckets - 1; b >= 0; b--) {
      const c = counts[b]!;
      counts[b] = offset;
      if (c === 0) continue;
      groupMax[groups] = bucketMax[b]!;
      groupBucket[groups] = b;
      start[groups++] = offset;
      offset += c;
    }
    start[groups] = offset;
    // Full size, but only the places a tier writes are paged in.
    this.order = new Int32Array(offset);
    this.orderKey = new Float64Array(offset);
    this.orderA = new Float64Array(offset);
    this.orderB = new Float64Array(offset);
    this.run = { index: this.order, key: this.orderKey, a: this.orderA, b: this.orderB };
    this.runAt = 0;
    this.runEnd = 0;
    this.start = start;
    this.groupMax = groupMax;
    this.groupBucket = groupBucket;
    this.groups = groups;
    this.next = 0;
    this.dealt = 0;
    this.pending = keys;
    this.carriedA = a;
    this.carriedB = b;
    this.bucketMax = new Float64Array(0);
    this.counting = false;
    this.keys = new Float64Array(0);
  }

  /**
   * The first key of all, when it is above `floor` (else a key at or below it, or −Infinity): moves into
   * the heap each bucket whose largest key is above the floor and would rank at or above the heap's top.
   */
  peek(floor: number): number {
    let top = this.topKey();
    while (this.next < this.groups) {
      const max = this.groupMax[this.next]!;
      if (!(max > floor) || max < top) break;
      this.admitGroup(this.next++, floor);
      top = this.topKey();
    }
    return top;
  }

  /**
   * Removes the first position and returns it; its carried numbers are in `poppedA`, `poppedB`. The
   * first of the run's next entry and the heap's top, by the total order: a run's entry is a read of
   * four arrays in order, the heap (positions put back) is a sift, so the common case costs no sift.
   */
  pop(): number {
    const at = this.runAt;
    if (at < this.runEnd) {
      const key = this.orderKey[at]!;
      const index = this.order[at]!;
      const heapKey = this.heap.topKey;
      if (key > heapKey || (key === heapKey && index < this.heap.topIndex)) {
        this.runAt = at + 1;
        this.poppedA = this.orderA[at]!;
        this.poppedB = this.orderB[at]!;
        return index;
      }
    }
    const index = this.heap.pop();
    this.poppedA = this.heap.poppedA;
    this.poppedB = this.heap.poppedB;
    return index;
  }

  /**
   * At least as many positions as pops down to `floor` can give: the heap's, the run's and those of every
   * group not yet admitted whose largest key is above the floor (so a caller can size its buffers before
   * its loop, not in it).
   */
  countAbove(floor: number): number {
    let count = this.heap.size + (this.runEnd - this.runAt);
    for (let g = this.next; g < this.groups && this.groupMax[g]! > floor; g++)
      count += this.start[g + 1]! - this.start[g]!;
    return count;
  }

  push(index: number, key: number, a: number, b: number): void {
    this.heap.push(index, key, a, b);
  }

  /** The run's next key or the heap's top, the larger (−Infinity when both are empty). */
  private topKey(): number {
    const heapKey = this.heap.topKey;
    if (this.runAt === this.runEnd) return heapKey;
    const key = this.orderKey[this.runAt]!;
    return key > heapKey ? key : heapKey;
  }

  /**
   * One bucket becomes the run: sorted in place in the total order. A bucket is admitted only once the
   * run before it is used up (its keys are all above this bucket's, so `peek` admits no bucket while it
   * lasts); should entries be left, they go into the heap, where the total order still holds.
   */
  private admitGroup(g: number, floor: number): void {
    if (g >= this.dealt) this.dealTier(floor);
    const { heap, order, orderKey, orderA, orderB } = this;
    for (let at = this.runAt; at < this.runEnd; at++)
      heap.push(order[at]!, orderKey[at]!, orderA[at]!, orderB[at]!);
    const from = this.start[g]!;
    const to = this.start[g + 1]!;
    this.sorter.sort(this.run, from, to);
    this.runAt = from;
    this.runEnd = to;
  }

  /**
   * Writes out the next tier of groups: every group the pops down to `floor` will reach (the round asking
   * will take them all), and at least as many positions as the tiers before it and `MIN_TIER`, so that a
   * cascade reaching deep into the book scans it a few times at most (a dense tier's scan reads the bucket
   * ids in index order, a sparse one walks its buckets' lists; only the tier's positions are written).
   * A round that liquidates a few positions of a large book so deals a few of it, not an eighth (the
   * bench's round-cost section times step() alone on such a book).
   */
  private dealTier(floor: number): void {
    const { start, groups, groupMax } = this;
    const from = this.dealt;
    let reached = from + 1;
    while (reached < groups && groupMax[reached]! > floor) reached++;
    const want = Math.max(start[reached]! - start[from]!, MIN_TIER, start[from]!);
    let to = from + 1;
    while (to < groups && start[to]! - start[from]! < want) to++;
    const into = [this.order, this.orderKey, this.orderA, this.orderB] as const;
    const low = this.groupBucket[to - 1]!;
    const high = this.groupBucket[from]!;
    // A sparse tier reads its positions through the buckets' lists (scattered, but few); a dense one
    // scans the book in index order (every cache line holds some of its positions anyway).
    if (start[to]! - start[from]! < this.pending.length >> 4)
      dealLists(
        this.pending,
        this.first,
        this.nextInBucket,
        this.cursor,
        this.carriedA,
        this.carriedB,
        into,
        low,
        high,
      );
    else deal(this.pending, this.bucketIds, this.cursor, this.carriedA, this.carriedB, into, low, high);
    this.dealt = to;
    if (to === groups) {
      this.pending = new Float64Array(0);
      this.bucketIds = new Uint16Array(0);
      this.first = new Int32Array(0);
      this.nextInBucket = this.first;
      this.carriedA = this.pending;
      this.carriedB = this.pending;
    }
  }
}
