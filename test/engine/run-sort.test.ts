import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RunSorter, type RunArrays } from '../../src/engine/run-sort.js';

/** A run of `keys` between `pad` untouched entries each side; position i carries (i + 0.5, −i). */
function runOf(keys: readonly number[], pad: number): RunArrays {
  const size = keys.length + 2 * pad;
  const run = {
    index: new Int32Array(size),
    key: new Float64Array(size),
    a: new Float64Array(size),
    b: new Float64Array(size),
  };
  for (let at = 0; at < size; at++) {
    // The entries come in index order, as a bucket is dealt; the pads' keys are out of order on purpose.
    const k = at - pad;
    run.index[at] = k >= 0 && k < keys.length ? k : 10_000 + at;
    run.key[at] = k >= 0 && k < keys.length ? keys[k]! : -at;
    run.a[at] = run.index[at]! + 0.5;
    run.b[at] = -run.index[at]!;
  }
  return run;
}

/** The total order by definition: the larger key first, on equal keys the smaller index. */
const expectedOrder = (keys: readonly number[]): number[] =>
  keys.map((_, i) => i).sort((i, j) => (keys[i] === keys[j] ? i - j : keys[j]! - keys[i]!));

function check(keys: readonly number[], pad = 3): void {
  const run = runOf(keys, pad);
  new RunSorter().sort(run, pad, pad + keys.length);
  const sorted = [...run.index.subarray(pad, pad + keys.length)];
  expect(sorted).toEqual(expectedOrder(keys));
  for (let at = 0; at < run.index.length; at++) {
    const i = run.index[at]!;
    // Every entry keeps its key and carried numbers; the pads are untouched.
    if (i < 10_000) expect(run.key[at]).toBe(keys[i]);
    else expect(i).toBe(10_000 + at);
    expect([run.a[at], run.b[at]]).toEqual([i + 0.5, -i]);
  }
}

describe('RunSorter: a bucket sorted in the total order', () => {
  it('sorts any run, ties by index, clusters and infinite keys included', () => {
    const key = fc.oneof(
      { weight: 10, arbitrary: fc.double({ min: 1000, max: 1001, noNaN: true }) },
      { weight: 3, arbitrary: fc.integer({ min: 0, max: 5 }).map((k) => 1000 + k / 8) },
      { weight: 1, arbitrary: fc.constant(Infinity) },
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 400 }), (keys) => check(keys)),
      { numRuns: 200 },
    );
  });

  it('sorts a run of one key, and a cluster of close keys far from the rest, without insertion', () => {
    check(Array.from({ length: 3000 }, () => 1234.5));
    // 2,999 keys a few ulps apart and one outlier: every close key lands in one sub-bucket.
    check([...Array.from({ length: 2999 }, (_, i) => 1 + ((i * 7919) % 2999) * 2 ** -52), 1e6]);
  });

  it('a sorter reused on a larger run grows its scratch space', () => {
    const sorter = new RunSorter();
    for (const n of [5, 50, 5000]) {
      const keys = Array.from({ length: n }, (_, i) => ((i * 37) % n) / n);
      const run = runOf(keys, 0);
      sorter.sort(run, 0, n);
      expect([...run.index]).toEqual(expectedOrder(keys));
    }
  });
});
