import { IndexHeap } from './heap.js';

/**
 * A max-heap of position indices that is ordered lazily: the book's positions are first dealt into key
 * buckets (one counting pass, O(n)), and a bucket moves into the real heap only once the caller asks for
 * keys above a floor its largest key exceeds (`admit`). A cascade that liquidates a third of a
 * million-position book then sorts only that third, and the heap it pops from holds the positions near
 * the price rather than the whole book, so its sifts stay in cache (issue 15: popping a heapified
 * million-entry heap was most of a round's cost).
 *
 * Pops come in the same order as from one `IndexHeap` holding every key: every key above the floor is in
 * the heap before the first pop, and a heap gives distinct keys in decreasing order whatever its shape.
 *
 * Each position carries two numbers (the lending book's collateral and debt) from the moment it is dealt
 * into a bucket until it is popped, so that the round that liquidates it reads them in order from
 * `poppedA` / `poppedB` rather than scattered over the book's arrays (half the liquidation loop's time was
 * those two reads). In the heap a position is a slot of a small side store, reused as positions leave.
 *
 * A position's key and carried numbers must not change while it waits: the book changes only positions it
 * has taken off the heap, and puts them back with `push`.
 */
export class LazyHeap {
  /** Slots of the side store, by key. */
  private readonly heap: IndexHeap;
  /** Appended positions, their keys and carried numbers in the order they came, until `seal` deals them out. */
  private pendingIndex: Int32Array;
  private pendingKey: Float64Array;
  private pendingCount = 0;
  /** After `seal`: positions grouped by bucket, highest first; group g is [start[g], start[g + 1]). */
  private order = new Int32Array(0);
  private orderKey = new Float64Array(0);
  private orderA = new Float64Array(0);
  private orderB = new Float64Array(0);
  private start = new Int32Array(1);
  /** The largest key in each group. */
  private groupMax = new Float64Array(0);
  private groups = 0;
  /** The next group not yet in the heap. */
  private next = 0;
  /** The side store: each slot's position and carried numbers, and the free slots (a stack). */
  private slotIndex = new Int32Array(1024);
  private slotA = new Float64Array(1024);
  private slotB = new Float64Array(1024);
  private free = new Int32Array(1024);
  private freeCount = 0;
  private slots = 0;
  /** The carried numbers of the position the last `pop` returned. */
  poppedA = 0;
  poppedB = 0;

  constructor(capacity: number) {
    // The heap holds the buckets near the price, not the book: it starts small and grows.
    this.heap = new IndexHeap(Math.min(capacity, 4096));
    this.pendingIndex = new Int32Array(capacity);
    this.pendingKey = new Float64Array(capacity);
  }

  /** Adds a position before `seal`. */
  append(index: number, key: number): void {
    this.pendingIndex[this.pendingCount] = index;
    this.pendingKey[this.pendingCount++] = key;
  }

  /**
   * Deals the appended positions into buckets spread evenly over the range of their finite keys (an
   * infinite key goes in the top bucket), at most 1,024 buckets of 512 or more positions: few enough that
   * their counters and write cursors stay in cache while a million positions are dealt. A bucket's index
   * never decreases as the key grows, so the groups, highest first, hold ever smaller keys.
   */
  seal(a: Float64Array, b: Float64Array): void {
    const n = this.pendingCount;
    const keys = this.pendingKey.subarray(0, n);
    const buckets = Math.min(1024, Math.max(1, n >> 9));
    const lo = finiteMin(keys);
    const hi = finiteMax(keys);
    const scale = hi > lo ? buckets / (hi - lo) : 0;
    const counts = new Int32Array(buckets);
    const bucketMax = new Float64Array(buckets).fill(-Infinity);
    countBuckets(keys, lo, scale, counts, bucketMax);
    // Non-empty buckets become groups, highest first; counts[b] becomes the write cursor of bucket b.
    const start = new Int32Array(buckets + 1);
    const groupMax = new Float64Array(buckets);
    let groups = 0;
    let offset = 0;
    for (let b = buckets - 1; b >= 0; b--) {
      const c = counts[b]!;
      counts[b] = offset;
      if (c === 0) continue;
      groupMax[groups] = bucketMax[b]!;
      start[groups++] = offset;
      offset += c;
    }
    start[groups] = offset;
    this.order = new Int32Array(n);
    this.orderKey = new Float64Array(n);
    this.orderA = new Float64Array(n);
    this.orderB = new Float64Array(n);
    deal(this.pendingIndex, keys, lo, scale, counts, a, b, [
      this.order,
      this.orderKey,
      this.orderA,
      this.orderB,
    ]);
    this.start = start;
    this.groupMax = groupMax;
    this.groups = groups;
    this.next = 0;
    this.pendingIndex = new Int32Array(0);
    this.pendingKey = new Float64Array(0);
    this.pendingCount = 0;
  }

  /** Moves into the heap every bucket holding a key above `floor`: after this, `topKey` and `pop` are exact down to it. */
  admit(floor: number): void {
    const { groupMax, start, order, orderKey, orderA, orderB } = this;
    let g = this.next;
    while (g < this.groups && groupMax[g]! > floor) {
      for (let at = start[g]!, end = start[g + 1]!; at < end; at++)
        this.push(order[at]!, orderKey[at]!, orderA[at]!, orderB[at]!);
      g++;
    }
    this.next = g;
  }

  /** The largest key in the heap (−Infinity when empty); only keys above the last `admit` floor are certain to be there. */
  get topKey(): number {
    return this.heap.topKey;
  }

  /** Removes the position with the largest key and returns it; its carried numbers are in `poppedA`, `poppedB`. */
  pop(): number {
    const slot = this.heap.pop();
    this.poppedA = this.slotA[slot]!;
    this.poppedB = this.slotB[slot]!;
    this.free[this.freeCount++] = slot;
    return this.slotIndex[slot]!;
  }

  push(index: number, key: number, a: number, b: number): void {
    let slot: number;
    if (this.freeCount > 0) slot = this.free[--this.freeCount]!;
    else {
      if (this.slots === this.slotIndex.length) this.growSlots();
      slot = this.slots++;
    }
    this.slotIndex[slot] = index;
    this.slotA[slot] = a;
    this.slotB[slot] = b;
    this.heap.push(slot, key);
  }

  private growSlots(): void {
    const size = this.slotIndex.length * 2;
    const index = new Int32Array(size);
    const a = new Float64Array(size);
    const b = new Float64Array(size);
    const free = new Int32Array(size);
    index.set(this.slotIndex);
    a.set(this.slotA);
    b.set(this.slotB);
    free.set(this.free);
    this.slotIndex = index;
    this.slotA = a;
    this.slotB = b;
    this.free = free;
  }
}

// The passes of `seal`, each its own function: a function holding several million-iteration loops is
// optimised in the middle of the first and thrown away at the next (no type feedback yet), once per loop.

function finiteMin(keys: Float64Array): number {
  let lo = Infinity;
  for (let p = 0; p < keys.length; p++) {
    const k = keys[p]!;
    if (k < lo && k > -Infinity) lo = k;
  }
  return lo;
}

function finiteMax(keys: Float64Array): number {
  let hi = -Infinity;
  for (let p = 0; p < keys.length; p++) {
    const k = keys[p]!;
    if (k > hi && k < Infinity) hi = k;
  }
  return hi;
}

/** Counts the keys of each bucket and keeps each bucket's largest key. */
function countBuckets(
  keys: Float64Array,
  lo: number,
  scale: number,
  counts: Int32Array,
  bucketMax: Float64Array,
): void {
  const top = counts.length - 1;
  for (let p = 0; p < keys.length; p++) {
    const k = keys[p]!;
    const b = bucketOf(k, lo, scale, top);
    counts[b] = counts[b]! + 1;
    if (k > bucketMax[b]!) bucketMax[b] = k;
  }
}

/**
 * Writes each position, its key and carried numbers at its bucket's cursor (a stable counting sort by
 * bucket). Reads in index order; writes go to one cursor per bucket, few enough to stay in cache.
 */
function deal(
  index: Int32Array,
  keys: Float64Array,
  lo: number,
  scale: number,
  cursor: Int32Array,
  a: Float64Array,
  b: Float64Array,
  [order, orderKey, orderA, orderB]: readonly [Int32Array, Float64Array, Float64Array, Float64Array],
): void {
  const top = cursor.length - 1;
  for (let p = 0; p < keys.length; p++) {
    const k = keys[p]!;
    const bucket = bucketOf(k, lo, scale, top);
    const at = cursor[bucket]!;
    cursor[bucket] = at + 1;
    const i = index[p]!;
    order[at] = i;
    orderKey[at] = k;
    orderA[at] = a[i]!;
    orderB[at] = b[i]!;
  }
}

/** The bucket of `key`: (key − lo) · scale, clamped to [0, top]; NaN lands in bucket 0. */
function bucketOf(key: number, lo: number, scale: number, top: number): number {
  const x = (key - lo) * scale;
  return x >= 1 ? (x < top ? Math.floor(x) : top) : 0;
}
