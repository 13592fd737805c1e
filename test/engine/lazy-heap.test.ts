import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndexHeap } from '../../src/engine/heap.js';
import { LazyHeap } from '../../src/engine/lazy-heap.js';

/** Each step: pop everything above a floor (the floors fall, like a cascade's prices), then push some back. */
const script = fc.record({
  keys: fc.array(
    fc.oneof(
      { weight: 20, arbitrary: fc.double({ min: 1, max: 3000, noNaN: true }) },
      { weight: 1, arbitrary: fc.constant(Infinity) },
    ),
    { minLength: 1, maxLength: 3000 },
  ),
  floors: fc.array(fc.double({ min: 0.5, max: 3000, noNaN: true }), { minLength: 1, maxLength: 30 }),
  pushBack: fc.double({ min: 0, max: 0.5, noNaN: true }),
});

describe('LazyHeap: a heap ordered lazily by key bucket', () => {
  it('pops what one heap of every key pops, in the same order, round after round', () => {
    fc.assert(
      fc.property(script, ({ keys, floors, pushBack }) => {
        // Distinct keys: the order of equal keys is the heap's own (LazyHeap says so).
        const distinct = [...new Set(keys)];
        const n = distinct.length;
        const whole = new IndexHeap(n);
        const lazy = new LazyHeap(n);
        const a = new Float64Array(n);
        const b = new Float64Array(n);
        distinct.forEach((key, i) => {
          a[i] = i * 2;
          b[i] = i * 3;
          whole.append(i, key);
          lazy.append(i, key);
        });
        whole.heapify();
        lazy.seal(a, b);
        const sorted = [...floors].sort((x, y) => y - x);
        for (const floor of sorted) {
          const fromWhole: number[] = [];
          const fromLazy: number[] = [];
          while (whole.topKey > floor) fromWhole.push(whole.pop());
          lazy.admit(floor);
          while (lazy.topKey > floor) {
            const i = lazy.pop();
            // The carried numbers come out with their position.
            expect([lazy.poppedA, lazy.poppedB]).toEqual([a[i], b[i]]);
            fromLazy.push(i);
          }
          expect(fromLazy).toEqual(fromWhole);
          // Some go back under a lower key (a partial liquidation), the same to both.
          const back = fromWhole.slice(0, Math.floor(fromWhole.length * pushBack));
          for (const i of back) {
            const key = floor * 0.9 - i * 1e-6;
            whole.push(i, key);
            lazy.push(i, key, a[i]!, b[i]!);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('holds in its heap only the buckets above the floor: the rest of the book waits', () => {
    const n = 100_000;
    const lazy = new LazyHeap(n);
    for (let i = 0; i < n; i++) lazy.append(i, 1000 + i / 100);
    lazy.seal(new Float64Array(n), new Float64Array(n));
    // The top 1% of keys (above 1990): those, and no more than a bucket or so below them, enter the heap.
    lazy.admit(1990);
    let popped = 0;
    while (lazy.topKey > 1990) {
      lazy.pop();
      popped++;
    }
    expect(popped).toBe(999);
    // What is left in the heap is less than one bucket: its largest key is within ~512 positions of 1990.
    expect(lazy.topKey).toBeLessThanOrEqual(1990);
    expect(lazy.topKey).toBeGreaterThan(1990 - 1024 / 100);
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
