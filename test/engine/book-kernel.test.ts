import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countBuckets } from '../../src/engine/bucket-passes.js';
import { drawPeaked, drawSize } from '../../src/engine/book-draws.js';
import { seededUniform } from '../../src/engine/rng.js';
import type { GenerateSpec } from '../../src/engine/types.js';
import { drawGenerated, type BucketCounts } from '../../src/engine/wasm/book-kernel.js';
import { BYTES, assembledModule } from '../../scripts/wasm.mjs';

/** What the JavaScript drew and counted before the kernel, position by position: the kernel's spec. */
function reference(
  count: number,
  offset: number,
  spec: GenerateSpec,
  p0: number,
  lt: number,
  buckets: BucketCounts,
): { collateral: Float64Array; debt: Float64Array; keys: Float64Array } {
  const collateral = new Float64Array(count);
  const debt = new Float64Array(count);
  const keys = new Float64Array(count);
  const u = seededUniform(spec.seed);
  for (let i = offset; i < offset + spec.count; i++) {
    const c = drawSize(spec.collateral, u());
    const h = drawPeaked(spec.healthFactor, u());
    const d = (c * p0 * lt) / h;
    collateral[i] = c;
    debt[i] = d;
    keys[i] = d > 0 ? d / (c * lt) : -Infinity;
  }
  const { lo, scale, counts, bucketMax, bucketIds, first, next } = buckets;
  countBuckets(keys, offset, offset + spec.count, lo, scale, counts, bucketMax, bucketIds, first, next);
  return { collateral, debt, keys };
}

/** Counting state over [lo, hi] in `n` buckets, with the book's earlier positions already counted. */
function bucketsFor(count: number, lo: number, hi: number, n: number, earlier: number): BucketCounts {
  const buckets: BucketCounts = {
    lo,
    scale: hi > lo ? n / (hi - lo) : 0,
    counts: new Int32Array(n),
    bucketMax: new Float64Array(n).fill(-Infinity),
    first: new Int32Array(n).fill(-1),
    bucketIds: new Uint16Array(count),
    next: new Int32Array(count),
  };
  const keys = Float64Array.from({ length: earlier }, (_, i) => lo + ((hi - lo) * i) / Math.max(1, earlier));
  countBuckets(
    keys,
    0,
    earlier,
    lo,
    buckets.scale,
    buckets.counts,
    buckets.bucketMax,
    buckets.bucketIds,
    buckets.first,
    buckets.next,
  );
  return buckets;
}

/** The same bits (NaN and -0 included), element by element. */
function sameBits(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

// Over the ranges `validate` accepts (README, "Ranges"): sizes 1e-9 to 1e12, health factors 0.001 to
// 1,000, prices 1e-8 to 1e9, thresholds 1e-6 to 1.
const specArb = fc.record({
  count: fc.oneof(fc.constantFrom(1, 2047, 2048, 2049), fc.integer({ min: 1, max: 9000 })),
  seed: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  sizeMin: fc.oneof(fc.constantFrom(1e-9, 1, 1e12), fc.double({ min: 1e-9, max: 1e12, noNaN: true })),
  sizeSpan: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e12, noNaN: true })),
  log: fc.boolean(),
  hfMin: fc.oneof(fc.constantFrom(0.001, 1), fc.double({ min: 0.001, max: 1000, noNaN: true })),
  hfSpan: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1000, noNaN: true })),
  // Where the peak is in [min, max] (0 and 1 at the ends), or none.
  peak: fc.option(fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true }))),
  p0: fc.oneof(fc.constantFrom(1e-8, 2000, 1e9), fc.double({ min: 1e-8, max: 1e9, noNaN: true })),
  lt: fc.oneof(fc.constantFrom(1e-6, 1), fc.double({ min: 1e-6, max: 1, noNaN: true })),
  buckets: fc.constantFrom(1, 7, 1024),
  offset: fc.integer({ min: 0, max: 3000 }),
});

describe('the book kernel (src/engine/wasm/book-kernel.wat)', () => {
  it('is committed as the bytes its source assembles to (npm run wasm)', async () => {
    expect(readFileSync(BYTES, 'utf8')).toBe(await assembledModule());
  });

  it('draws and counts a generated book exactly as the JavaScript draws do, over every shape', () => {
    fc.assert(
      fc.property(specArb, (s) => {
        const hfMax = s.hfMin + s.hfSpan;
        const spec: GenerateSpec = {
          count: s.count,
          seed: s.seed,
          collateral: { min: s.sizeMin, max: s.sizeMin + s.sizeSpan, ...(s.log ? { scale: 'log' } : {}) },
          healthFactor: {
            min: s.hfMin,
            max: hfMax,
            ...(s.peak === null ? {} : { mode: s.hfMin + s.hfSpan * s.peak }),
          },
        };
        const total = s.offset + s.count;
        const lo = s.p0 / hfMax;
        const hi = s.p0 / s.hfMin;
        const theirs = bucketsFor(total, lo, hi, s.buckets, s.offset);
        const expected = reference(total, s.offset, spec, s.p0, s.lt, theirs);
        const ours = bucketsFor(total, lo, hi, s.buckets, s.offset);
        const book = { collateral: new Float64Array(total), debt: new Float64Array(total) };
        const keys = new Float64Array(total);
        drawGenerated(book, s.offset, spec, s.p0, s.lt, keys, ours);
        return (
          sameBits(book.collateral, expected.collateral) &&
          sameBits(book.debt, expected.debt) &&
          sameBits(keys, expected.keys) &&
          sameBits(ours.bucketIds, theirs.bucketIds) &&
          sameBits(ours.next, theirs.next) &&
          sameBits(ours.counts, theirs.counts) &&
          sameBits(ours.first, theirs.first) &&
          sameBits(ours.bucketMax, theirs.bucketMax)
        );
      }),
      { numRuns: 200 },
    );
  });

  it('gives positions without debt no bucket, as countBuckets does', () => {
    // A health factor of Infinity gives NaN debt, a size of 0 no debt: both keys are -Infinity.
    for (const spec of [
      {
        count: 3000,
        seed: 7,
        collateral: { min: 1, max: 2 },
        healthFactor: { min: Infinity, max: Infinity },
      },
      { count: 3000, seed: 7, collateral: { min: 0, max: 0 }, healthFactor: { min: 1, max: 2 } },
    ] satisfies GenerateSpec[]) {
      const theirs = bucketsFor(spec.count, 1, 2, 16, 0);
      const expected = reference(spec.count, 0, spec, 100, 0.8, theirs);
      const ours = bucketsFor(spec.count, 1, 2, 16, 0);
      const book = { collateral: new Float64Array(spec.count), debt: new Float64Array(spec.count) };
      const keys = new Float64Array(spec.count);
      drawGenerated(book, 0, spec, 100, 0.8, keys, ours);
      expect(sameBits(keys, expected.keys)).toBe(true);
      expect(ours.bucketIds.every((b) => b === 0xffff)).toBe(true);
      expect(sameBits(ours.counts, theirs.counts)).toBe(true);
      expect(sameBits(ours.next, theirs.next)).toBe(true);
    }
  });

  it('without buckets writes the book and keys alone', () => {
    const spec: GenerateSpec = {
      count: 5000,
      seed: 3,
      collateral: { min: 1, max: 50 },
      healthFactor: { min: 1, max: 2 },
    };
    const theirs = bucketsFor(spec.count, 0, 1, 1, 0);
    const expected = reference(spec.count, 0, spec, 2000, 0.825, theirs);
    const book = { collateral: new Float64Array(spec.count), debt: new Float64Array(spec.count) };
    const keys = new Float64Array(spec.count);
    drawGenerated(book, 0, spec, 2000, 0.825, keys);
    expect(sameBits(book.collateral, expected.collateral)).toBe(true);
    expect(sameBits(book.debt, expected.debt)).toBe(true);
    expect(sameBits(keys, expected.keys)).toBe(true);
  });
});
