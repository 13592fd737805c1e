import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndexHeap } from '../../src/engine/heap.js';
import { RankEntries, RankQueue } from '../../src/engine/perps/rank-queue.js';

/**
 * The pops of a `RankQueue` and of the `IndexHeap` the ranking used to build (appended in the same order,
 * then heapified), side by side: the same index at every step, ties and NaN keys included, where the
 * heap's shape decides. `stops` puts in second reads of `top` before a pop, as the ADL loop does;
 * `pushes` go onto both, one every `every` steps, as the book files positions back. A step of `takes`
 * above 0 takes entries at once (`takeAbove`) down to the key about that many places below the top.
 */
function expectSameOrder(
  keys: readonly number[],
  stops: readonly boolean[] = [],
  pushes: readonly number[] = [],
  every = 1,
  takes: readonly number[] = [],
): void {
  const ranked = [...keys, ...pushes].filter((k) => k === k).sort((a, b) => b - a);
  const out = new Int32Array(keys.length + pushes.length + 2);
  const heap = new IndexHeap(keys.length);
  const entries = new RankEntries(keys.length);
  keys.forEach((key, p) => {
    heap.append(7 * p + 3, key);
    entries.append(7 * p + 3, key);
  });
  heap.heapify();
  const queue = new RankQueue(entries);
  const popped: number[] = [];
  let pushed = 0;
  for (let step = 0; heap.top !== undefined || pushed < pushes.length; step++) {
    // Every `every` steps, the next of `pushes` goes onto both, as an index past the ranked ones.
    if ((step % every === 0 || heap.top === undefined) && pushed < pushes.length) {
      heap.push(100_000 + pushed, pushes[pushed]!);
      queue.push(100_000 + pushed, pushes[pushed++]!);
      expectSameKey(queue.topKey, heap.topKey);
      continue;
    }
    const take = takes[step % Math.max(1, takes.length)] ?? 0;
    if (take > 0) {
      // As many pops as it took, each of a key above the bound, in the heap's order (into out from 2).
      const bound = ranked[Math.min(ranked.length - 1, popped.length + take)] ?? 0;
      const n = queue.takeAbove(bound, out, 2);
      for (let t = 2; t < n; t++) {
        expect(heap.topKey > bound).toBe(true);
        const expected = heap.pop();
        expect(out[t]).toBe(expected);
        popped.push(expected);
      }
      if (n > 2) continue;
    }
    expectSameKey(queue.topKey, heap.topKey);
    expect(queue.top).toBe(heap.top);
    // A stop reads the top a second time before the pop.
    if (stops[step % Math.max(1, stops.length)]) expect(queue.top).toBe(heap.top);
    const expected = heap.pop();
    expect(queue.pop()).toBe(expected);
    popped.push(expected);
  }
  expect(queue.top).toBeUndefined();
  expect(popped).toHaveLength(keys.length + pushes.length);
}

/** The same key as compared (0 and −0 are; the book only compares it), or both NaN. */
const expectSameKey = (a: number, b: number): void => expect(a === b || (a !== a && b !== b)).toBe(true);

const distinctKeys = (n: number, seed: number): number[] => {
  let x = seed;
  const keys = new Set<number>();
  while (keys.size < n) {
    x = (x * 48271) % 2147483647;
    keys.add((x / 2147483647) * 40);
  }
  return [...keys];
};

describe('RankQueue pops in the order of the IndexHeap the ranking used to build', () => {
  it('distinct keys, enough to fill many buckets (the sorted path throughout)', () => {
    expectSameOrder(distinctKeys(20_000, 11));
  });

  it('ties deep in the ranking: falls back and replays the pops made so far', () => {
    const keys = distinctKeys(5_000, 5);
    // Three positions with one key (identical explicit positions rank the same), low in the ranking.
    const low = Math.min(...keys) / 2;
    keys.splice(100, 0, low);
    keys.splice(2_000, 0, low);
    keys.push(low);
    expectSameOrder(keys, [false, false, true]);
  });

  it('a tie at the very top, all keys equal, NaN and infinite keys', () => {
    expectSameOrder([5, 9, 9, 1, 2]);
    expectSameOrder(Array.from({ length: 3_000 }, () => 4));
    expectSameOrder([3, Number.NaN, 8, 1, Number.NaN, 2]);
    expectSameOrder([Infinity, 3, -Infinity, 8, Infinity, 0, -0]);
    expectSameOrder([Infinity, 3, -Infinity, 8, 0, -5]);
    expectSameOrder([]);
  });

  it('a lopsided bucket (a cluster sorted by comparison)', () => {
    const keys = distinctKeys(4_000, 3).map((k) => (k < 39 ? 1 + k * 1e-9 : k));
    expectSameOrder(keys);
  });

  it('pushes among the pops: the pushed entries merge with the run, ties among them or with it fall back', () => {
    const keys = distinctKeys(3_000, 17);
    // Pushed keys: fresh ones, copies of keys still waiting, copies of each other, NaN.
    const pushes = [
      ...distinctKeys(200, 23).map((k) => k + 0.5),
      ...keys.slice(2_000, 2_050),
      ...[7.25, 7.25, 7.25],
      Number.NaN,
    ];
    for (const cut of [pushes.length - 1, 200, 203, pushes.length])
      expectSameOrder(keys, [], pushes.slice(0, cut), 3);
  });

  it('ties among pushed entries above the whole run (the pushed heap alone has the top)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 41, max: 44 }), { minLength: 2, maxLength: 60 }),
        fc.integer({ min: 1, max: 4 }),
        (pushes, every) => expectSameOrder(distinctKeys(600, 29), [], pushes, every),
      ),
      { numRuns: 100 },
    );
  });

  it('entries taken at once (takeAbove) among the pops and pushes: the same order', () => {
    expectSameOrder(distinctKeys(20_000, 11), [], [], 1, [0, 700, 0, 0, 1, 3_000]);
    const keys = distinctKeys(3_000, 17);
    expectSameOrder(
      keys,
      [],
      [...distinctKeys(200, 23).map((k) => k + 0.5), ...keys.slice(0, 9)],
      3,
      [40, 0],
    );
    expectSameOrder([...keys, ...keys.slice(100, 110)], [], [], 1, [0, 500]);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.double({ noNaN: false })), { maxLength: 1_500 }),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.double({ noNaN: false })), { maxLength: 300 }),
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.integer({ min: 0, max: 600 }), { maxLength: 6 }),
        (keys, pushes, every, takes) => expectSameOrder(keys, [], pushes, every, takes),
      ),
      { numRuns: 150 },
    );
  });

  it('any keys from a small set (many ties) or spread (few), any interleaving of tops and pops', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.double({ noNaN: false })), { maxLength: 1_500 }),
        fc.array(fc.boolean(), { maxLength: 5 }),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.double({ noNaN: false })), { maxLength: 300 }),
        fc.integer({ min: 1, max: 9 }),
        (keys, stops, pushes, every) => expectSameOrder(keys, stops, pushes, every),
      ),
      { numRuns: 150 },
    );
  });
});
