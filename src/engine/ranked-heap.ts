/**
 * A max-heap of positions in a strict total order: the larger key first and, on equal keys, the smaller
 * position index. So the order it pops in is a function of the positions it holds, never of the order
 * they came in or of the heap's shape: a `LazyHeap` can then admit its buckets one at a time, as the pops
 * reach them, and still give exactly the order of one heap holding every position.
 *
 * Each entry carries two numbers (the lending book's collateral and debt) beside its key and index, in
 * four parallel typed arrays, so that a pop hands them over without a read scattered over the book. Four
 * children a node: half the levels of a binary heap, a node's children side by side in memory.
 */
export class RankedHeap {
  private key: Float64Array;
  private index: Int32Array;
  private a: Float64Array;
  private b: Float64Array;
  private count = 0;
  /** The key and the carried numbers of the entry the last `pop` returned. */
  poppedKey = 0;
  poppedA = 0;
  poppedB = 0;

  /** `capacity` is where it starts: `push` doubles it when full. */
  constructor(capacity: number) {
    const size = Math.max(1, capacity);
    this.key = new Float64Array(size);
    this.index = new Int32Array(size);
    this.a = new Float64Array(size);
    this.b = new Float64Array(size);
  }

  get size(): number {
    return this.count;
  }

  /** The largest key (−Infinity when empty). */
  get topKey(): number {
    return this.count > 0 ? this.key[0]! : -Infinity;
  }

  /** The index of the entry `pop` would return (−1 when empty). */
  get topIndex(): number {
    return this.count > 0 ? this.index[0]! : -1;
  }

  /** Adds a position; a sift up, the parent's place taken while the new entry ranks above it. */
  push(index: number, key: number, a: number, b: number): void {
    if (this.count === this.key.length) this.grow();
    const { key: keys, index: indices, a: as, b: bs } = this;
    let at = this.count++;
    while (at > 0) {
      const parent = (at - 1) >> 2;
      const parentKey = keys[parent]!;
      if (parentKey > key || (parentKey === key && indices[parent]! < index)) break;
      keys[at] = parentKey;
      indices[at] = indices[parent]!;
      as[at] = as[parent]!;
      bs[at] = bs[parent]!;
      at = parent;
    }
    keys[at] = key;
    indices[at] = index;
    as[at] = a;
    bs[at] = b;
  }

  /** Removes the first entry and returns its index; its carried numbers are in `poppedA`, `poppedB`. */
  pop(): number {
    const top = this.index[0]!;
    this.poppedKey = this.key[0]!;
    this.poppedA = this.a[0]!;
    this.poppedB = this.b[0]!;
    const last = --this.count;
    if (last > 0) this.siftDown(this.key[last]!, this.index[last]!, this.a[last]!, this.b[last]!);
    return top;
  }

  /** Places the entry (key, index, a, b) from the root down, each step the first of up to four children up. */
  private siftDown(key: number, index: number, a: number, b: number): void {
    const { key: keys, index: indices, a: as, b: bs, count: size } = this;
    let at = 0;
    for (;;) {
      const first = 4 * at + 1;
      if (first >= size) break;
      let child = first;
      let bestKey = keys[first]!;
      let bestIndex = indices[first]!;
      const end = first + 4 < size ? first + 4 : size;
      for (let c = first + 1; c < end; c++) {
        const k = keys[c]!;
        if (k > bestKey || (k === bestKey && indices[c]! < bestIndex)) {
          bestKey = k;
          bestIndex = indices[c]!;
          child = c;
        }
      }
      if (key > bestKey || (key === bestKey && index < bestIndex)) break;
      keys[at] = bestKey;
      indices[at] = bestIndex;
      as[at] = as[child]!;
      bs[at] = bs[child]!;
      at = child;
    }
    keys[at] = key;
    indices[at] = index;
    as[at] = a;
    bs[at] = b;
  }

  private grow(): void {
    const size = this.key.length * 2;
    const key = new Float64Array(size);
    const index = new Int32Array(size);
    const a = new Float64Array(size);
    const b = new Float64Array(size);
    key.set(this.key);
    index.set(this.index);
    a.set(this.a);
    b.set(this.b);
    this.key = key;
    this.index = index;
    this.a = a;
    this.b = b;
  }
}
