import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndexHeap } from '../../src/engine/heap.js';
import { LazyHeap } from '../../src/engine/lazy-heap.js';
import { RankedHeap } from '../../src/engine/ranked-heap.js';
import { seededUniform } from '../../src/engine/rng.js';

/** Each step: pop everything above a floor (the floors fall, like a cascade's prices), then push some back. */
const script = fc.record({
  keys: fc.array(
    fc.oneof(
      { weight: 20, arbitrary: fc.double({ min: 1, max: 3000, noNaN: true }) },
      // Equal keys, many of them: their order is the smaller index first.
      { weight: 4, arbitrary: fc.integer({ min: 1, max: 30 }).map((k) => k * 100) },
      { weight: 1, arbitrary: fc.constant(Infinity) },
      // No debt: never on the heap.
      { weight: 1, arbitrary: fc.constant(-Infinity) },
    ),
    { minLength: 1, maxLength: 3000 },
  ),
  floors: fc.array(fc.double({ min: 0.5, max: 3000, noNaN: true }), { minLength: 1, maxLength: 30 }),
  pushBack: fc.double({ min: 0, max: 0.5, noNaN: true }),
});

/** What one heap of every key gives, by definition: the larger key first, on equal keys the smaller index. */
function firstOf(entries: Map<number, number>, floor: number): number[] {
  return [...entries]
    .filter(([, key]) => key > floor)
    .sort(([i, x], [j, y]) => (x === y ? i - j : y - x))
    .map(([i]) => i);
}

describe('LazyHeap: a heap ordered lazily by key bucket', () => {
  it('pops the positions above each floor in the total order, round after round, ties included', () => {
    fc.assert(
      fc.property(script, ({ keys, floors, pushBack }) => {
        const n = keys.length;
        const lazy = new LazyHeap(n);
        const a = new Float64Array(n);
        const b = new Float64Array(n);
        const waiting = new Map<number, number>();
        keys.forEach((key, i) => {
          a[i] = i * 2;
          b[i] = i * 3;
          waiting.set(i, key);
          lazy.keys[i] = key;
        });
        lazy.seal(a, b);
        const sorted = [...floors].sort((x, y) => y - x);
        for (const floor of sorted) {
          const expected = firstOf(waiting, floor);
          const fromLazy: number[] = [];
          while (lazy.peek(floor) > floor) {
            const i = lazy.pop();
            // The carried numbers come out with their position.
            expect([lazy.poppedA, lazy.poppedB]).toEqual([a[i], b[i]]);
            fromLazy.push(i);
          }
          expect(fromLazy).toEqual(expected);
          for (const i of expected) waiting.delete(i);
          // Some go back under a lower key (a partial liquidation), some of them under one key alike.
          const back = expected.slice(0, Math.floor(expected.length * pushBack));
          for (const i of back) {
            const key = i % 3 === 0 ? floor * 0.8 : floor * 0.9 - i * 1e-6;
            waiting.set(i, key);
            lazy.push(i, key, a[i]!, b[i]!);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('pops a large book with ties in the total order as the floors fall, with positions put back', () => {
    // 200,000 positions in 390 buckets; keys with ties; some never on the heap.
    const n = 200_000;
    const lazy = new LazyHeap(n);
    const a = new Float64Array(n);
    const b = new Float64Array(n);
    const waiting = new Map<number, number>();
    const uniform = seededUniform(9);
    for (let i = 0; i < n; i++) {
      const u = uniform();
      const key = u < 0.01 ? -Infinity : u < 0.2 ? 1000 + Math.floor(u * 1000) : 1000 + u * 1000;
      lazy.keys[i] = key;
      a[i] = i + 0.5;
      b[i] = -i;
      if (key > -Infinity) waiting.set(i, key);
    }
    lazy.seal(a, b);
    for (const floor of [1990, 1900, 1700, 1400, 1200, 999, 0]) {
      const expected = firstOf(waiting, floor);
      const popped: number[] = [];
      while (lazy.peek(floor) > floor) {
        const i = lazy.pop();
        if (lazy.poppedA !== a[i] || lazy.poppedB !== b[i]) throw new Error(`carried numbers of ${i}`);
        popped.push(i);
      }
      expect(popped).toEqual(expected);
      for (const i of expected) waiting.delete(i);
      // A tenth go back under the floor, half of them under one key.
      for (const i of expected.filter((i) => i % 10 === 0)) {
        const key = i % 20 === 0 ? floor - 5 : floor - 5 - i * 1e-7;
        waiting.set(i, key);
        lazy.push(i, key, a[i]!, b[i]!);
      }
    }
    // Only the last floor's push-backs are left.
    expect(waiting.size).toBeGreaterThan(0);
    expect([...waiting.values()].every((key) => key === -5 || (key < -5 && key > -6))).toBe(true);
  });

  it('counted in blocks over any range (beginCount, count), pops as when seal counts them all', () => {
    fc.assert(
      fc.property(
        script,
        fc.double({ min: -5000, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 10_000, noNaN: true }),
        fc.integer({ min: 1, max: 500 }),
        ({ keys, floors }, lo, width, block) => {
          const n = keys.length;
          const a = Float64Array.from(keys, (_, i) => i * 2);
          const b = Float64Array.from(keys, (_, i) => i * 3);
          const whole = new LazyHeap(n);
          const blocks = new LazyHeap(n);
          keys.forEach((key, i) => {
            whole.keys[i] = key;
            blocks.keys[i] = key;
          });
          whole.seal(a, b);
          // A range that may miss the keys, or hold them in one bucket: only the buckets' sizes change.
          blocks.beginCount(lo, lo + width, n);
          for (let from = 0; from < n; from += block) blocks.count(from, Math.min(n, from + block));
          blocks.seal(a, b);
          for (const floor of [...floors].sort((x, y) => y - x)) {
            const popped = (heap: LazyHeap) => {
              const out: number[] = [];
              while (heap.peek(floor) > floor) out.push(heap.pop());
              return out;
            };
            expect(popped(blocks)).toEqual(popped(whole));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('holds in its heap only the buckets above the floor: the rest of the book waits', () => {
    const n = 100_000;
    const lazy = new LazyHeap(n);
    for (let i = 0; i < n; i++) lazy.keys[i] = 1000 + i / 100;
    lazy.seal(new Float64Array(n), new Float64Array(n));
    // The top 1% of keys (above 1990): those, and no more than a bucket or so below them, enter the heap.
    let popped = 0;
    while (lazy.peek(1990) > 1990) {
      lazy.pop();
      popped++;
    }
    expect(popped).toBe(999);
    // What is left in the heap is less than one bucket: its largest key is within ~512 positions of 1990.
    expect(lazy.peek(1990)).toBeLessThanOrEqual(1990);
    expect(lazy.peek(1990)).toBeGreaterThan(1990 - 1024 / 100);
    // A floor below every key moves the rest in.
    let rest = 0;
    while (lazy.peek(0) > 0) {
      lazy.pop();
      rest++;
    }
    expect(rest).toBe(n - 999);
  });

  it('a RankedHeap grows, and gives equal keys by index whatever order they came in', () => {
    const heap = new RankedHeap(2);
    const order = Array.from({ length: 200 }, (_, i) => (i * 71) % 200);
    for (const i of order) heap.push(i, i % 5, -i, i);
    const popped: number[] = [];
    while (heap.size > 0) {
      const i = heap.pop();
      expect([heap.poppedA, heap.poppedB]).toEqual([-i, i]);
      popped.push(i);
    }
    const expected = [...order].sort((i, j) => (i % 5 === j % 5 ? i - j : (j % 5) - (i % 5)));
    expect(popped).toEqual(expected);
  });

  it('an IndexHeap grows past the capacity it started with', () => {
    const heap = new IndexHeap(2);
    for (let i = 0; i < 100; i++) heap.push(i, (i * 37) % 100);
    const keys: number[] = [];
    while (heap.size > 0) {
      keys.push(heap.topKey);
      heap.pop();
    }
    expect(keys).toEqual([...keys].sort((x, y) => y - x));
    expect(keys).toHaveLength(100);
  });
});
