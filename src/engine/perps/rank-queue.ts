import { IndexHeap } from '../heap.js';
import { RankSorter, dealByBucket } from './rank-sort.js';

/**
 * What a `RankQueue` is built from: entries appended in the order a heap would have been, with the range
 * of their keys kept as they come (so the queue needs no pass of its own over them).
 */
export class RankEntries {
  readonly index: Int32Array;
  readonly key: Float64Array;
  count = 0;
  /** The least and the largest finite key, and the largest key (an infinite one too). */
  readonly range = Float64Array.of(Infinity, -Infinity, -Infinity);
  nan = false;

  constructor(capacity: number) {
    this.index = new Int32Array(capacity);
    this.key = new Float64Array(capacity);
  }

  append(index: number, key: number): void {
    this.index[this.count] = index;
    this.key[this.count++] = key;
    const range = this.range;
    if (key !== key) this.nan = true;
    if (key < range[0]! && key > -Infinity) range[0] = key;
    if (key > range[1]! && key < Infinity) range[1] = key;
    if (key > range[2]!) range[2] = key;
  }
}

/** The next pop's source (`RankQueue.choose`). */
const EMPTY = 0;
const RUN = 1;
const PUSHED = 2;
const HEAP = 3;

/**
 * A max-heap of indices that pops in exactly the order of an `IndexHeap` given the same operations (the
 * same entries appended in the same order and heapified, then the same pops and pushes), without keeping
 * one (issue 15: popping a third of a million-entry heap was the largest cost of the perpetuals bench
 * books, most of it cache misses; so was popping half a million entries off the ADL ranking).
 *
 * While the largest key is unique, a max-heap's pop is determined: that key's entry, whatever the heap's
 * shape. So the entries are dealt into key buckets (one counting pass, at the first pop) and a bucket is
 * sorted by descending key only when the pops reach it, in cache; pops then read the sorted run in order.
 * Entries pushed later wait in a small heap beside the run; the larger of the two tops is popped.
 *
 * Where keys tie (or a NaN, which a heap orders by its shape), the heap's shape decides. Then, and only
 * then, the queue falls back exactly: it builds the heap as it would have been built, replays the pops
 * and pushes made so far (each pop was of a unique largest key, so the heap gave the same ones and is left
 * in the same state) and continues on it. Equal keys always share a bucket (its index never decreases as
 * the key grows), so a tie in the run shows between a sorted bucket's neighbours, checked once as it is
 * admitted, before its first pop; a tie with or among the pushed entries, at the pop that meets it.
 */
export class RankQueue {
  /** The admitted bucket, sorted (in the sorter's arrays, not copied back): [at, end) are still to pop. */
  private at = 0;
  private end = 0;
  private runIndex = new Int32Array(0);
  private runKey = new Float64Array(0);
  /** The entries dealt into buckets. */
  private order = new Int32Array(0);
  private orderKey = new Float64Array(0);
  /** Group g (a non-empty bucket, highest first) is [start[g], start[g + 1]) of `order`. */
  private start: Int32Array = new Int32Array(1);
  private readonly groupMax = new Float64Array(1024);
  private groups = 0;
  private next = 0;
  private admissions = 0;
  private dealt = false;
  /** Entries pushed since it was built. */
  private readonly pushed = new IndexHeap(64);
  /** The exact fallback, once built. */
  private heap: IndexHeap | undefined;
  /** What it did, to replay: each push, and how many pops came before it since the last push. */
  private pops = 0;
  private readonly log: { pops: number; index: number; key: number }[] = [];
  private readonly sorter = new RankSorter();

  /** The entries it holds to begin with, as appended to a heap then heapified (kept, for a replay). */
  private readonly index: Int32Array;
  private readonly key: Float64Array;
  private readonly count: number;
  /** The least and largest finite key, and the largest key, of those entries. */
  private readonly range: Float64Array;

  constructor(entries: RankEntries) {
    this.index = entries.index;
    this.key = entries.key;
    this.count = entries.count;
    this.range = entries.range;
    if (entries.nan) this.fallBack();
  }

  /** The largest key (−Infinity when empty), as `IndexHeap.topKey`. */
  get topKey(): number {
    if (this.heap) return this.heap.topKey;
    const pushed = this.pushed.topKey;
    const head = !this.dealt
      ? this.count > 0
        ? this.range[2]!
        : -Infinity
      : this.at < this.end
        ? this.runKey[this.at]!
        : this.next < this.groups
          ? this.groupMax[this.next]!
          : -Infinity;
    return head > pushed ? head : pushed;
  }

  /** The index with the largest key (undefined when empty), as `IndexHeap.top`. */
  get top(): number | undefined {
    const from = this.choose();
    if (from === RUN) return this.runIndex[this.at];
    return from === PUSHED ? this.pushed.top : from === HEAP ? this.heap!.top : undefined;
  }

  /** Buckets admitted so far: each a new `run`. */
  get admitted(): number {
    return this.admissions;
  }

  /** The last admitted run's indices in pop order, [0, `runLength`) (the sorter's, valid until the next). */
  get run(): Int32Array {
    return this.runIndex;
  }

  get runLength(): number {
    return this.end;
  }

  /** Removes and returns the index with the largest key, as `IndexHeap.pop`. */
  pop(): number {
    const from = this.choose();
    // Empty: what the heap does then, whatever that is.
    if (from === HEAP || (from === EMPTY && this.fallBack())) return this.heap!.pop();
    this.pops++;
    return from === RUN ? this.runIndex[this.at++]! : this.pushed.pop();
  }

  /**
   * Pops every entry with a key above `bound`, as `pop` would one by one, into out[n…] while they come from
   * the admitted runs; returns the new n. It stops, leaving the rest to `pop`, at an entry not above
   * `bound` or where a pushed entry (or the heap, or a tie) would be next. For a caller popping a third of a
   * million entries: each `topKey` and `pop` chose its source again, and the key came back boxed.
   */
  takeAbove(bound: number, out: Int32Array, n: number): number {
    // Nothing to take: not dealt for it (`topKey` needs no deal; a side never popped is not dealt).
    if (!(this.topKey > bound)) return n;
    while (this.choose() === RUN) {
      // A run's entry is popped while its key is above the pushed entries' top (`choose`).
      const at = this.at;
      const to = copyAbove(
        this.runIndex,
        this.runKey,
        at,
        this.end,
        Math.max(bound, this.pushed.topKey),
        out,
        n,
      );
      n += to - at;
      this.pops += to - at;
      this.at = to;
      if (to === at || to < this.end) break;
    }
    return n;
  }

  push(index: number, key: number): void {
    if (this.heap) return this.heap.push(index, key);
    this.log.push({ pops: this.pops, index, key });
    this.pops = 0;
    if (key !== key) this.fallBack();
    else this.pushed.push(index, key);
  }

  /**
   * Where the next pop comes from: the run's next entry, the pushed entries' top, nowhere (empty) or,
   * after falling back on a tie, the heap. Admits the next bucket when the run is used up and it may hold the
   * largest key.
   */
  private choose(): number {
    if (this.heap) return HEAP;
    if (!this.dealt) this.deal();
    const pushed = this.pushed.topKey;
    if (this.at === this.end && this.next < this.groups && !(this.groupMax[this.next]! < pushed)) {
      const from = this.start[this.next]!;
      const to = this.start[++this.next]!;
      if (!this.sorter.sort(this.order, this.orderKey, from, to)) return this.fallBack();
      this.runIndex = this.sorter.index;
      this.runKey = this.sorter.key;
      this.at = 0;
      this.end = to - from;
      this.admissions++;
    }
    const run = this.at < this.end ? this.runKey[this.at]! : -Infinity;
    if (run > pushed) return RUN;
    if (pushed > run && this.pushed.topIsUnique) return PUSHED;
    if (this.at === this.end && this.next === this.groups && this.pushed.size === 0) return EMPTY;
    return this.fallBack();
  }

  /** The entries it was built with, dealt into buckets (at the first pop: a side never popped is not). */
  private deal(): void {
    this.order = new Int32Array(this.count);
    this.orderKey = new Float64Array(this.count);
    this.start = dealByBucket(
      this.index,
      this.key,
      this.count,
      this.range,
      this.order,
      this.orderKey,
      this.groupMax,
    );
    this.groups = this.start.length - 1;
    this.dealt = true;
  }

  /** The heap it stands for: built as it would have been, then the pops and pushes made so far. */
  private fallBack(): typeof HEAP {
    const heap = new IndexHeap(this.count);
    for (let p = 0; p < this.count; p++) heap.append(this.index[p]!, this.key[p]!);
    heap.heapify();
    for (const { pops, index, key } of this.log) {
      for (let q = 0; q < pops; q++) heap.pop();
      heap.push(index, key);
    }
    for (let q = 0; q < this.pops; q++) heap.pop();
    this.heap = heap;
    this.order = new Int32Array(0);
    this.orderKey = new Float64Array(0);
    return HEAP;
  }
}

/**
 * Copies index[from…] into out[n…] while key[…] > limit (before `end`); returns where it stopped. A loop of
 * its own over the run's arrays, for `takeAbove`.
 */
function copyAbove(
  index: Int32Array,
  key: Float64Array,
  from: number,
  end: number,
  limit: number,
  out: Int32Array,
  n: number,
): number {
  let at = from;
  while (at < end && key[at]! > limit) out[n++] = index[at++]!;
  return at;
}
