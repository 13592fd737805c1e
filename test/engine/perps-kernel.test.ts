import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawPeaked, drawSize } from '../../src/engine/book-draws.js';
import { healthyEntry, liquidationPriceOf, type PerpArrays } from '../../src/engine/perps/generate.js';
import { RankEntries } from '../../src/engine/perps/rank-queue.js';
import { seededUniform } from '../../src/engine/rng.js';
import type { PerpGenerateSpec } from '../../src/engine/types.js';
import { drawPerps } from '../../src/engine/wasm/perps-draws.js';

interface Drawn {
  readonly book: PerpArrays;
  readonly sides: readonly [RankEntries, RankEntries];
}

/** A book of `offset` explicit positions (left empty) and the generated ones, with its two sides. */
function emptyBook(offset: number, g: PerpGenerateSpec): Drawn {
  const n = offset + g.longs + g.shorts;
  return {
    book: {
      long: new Uint8Array(n).fill(7),
      size: new Float64Array(n),
      entry: new Float64Array(n),
      margin: new Float64Array(n),
    },
    sides: [new RankEntries(n), new RankEntries(n)],
  };
}

/** What the JavaScript drew and filed before the kernel, position by position: the kernel's spec. */
function reference(offset: number, g: PerpGenerateSpec, mm: number, p0: number): Drawn {
  const drawn = emptyBook(offset, g);
  const { book } = drawn;
  const [shorts, longs] = drawn.sides;
  const u = seededUniform(g.seed);
  for (let k = 0; k < g.longs + g.shorts; k++) {
    const i = offset + k;
    const size = drawSize(g.size, u());
    const leverage = drawPeaked(g.leverage, u());
    const long = k < g.longs;
    const entry = healthyEntry(p0, g.entrySpread, leverage, mm, long, u());
    const margin = (size * entry) / leverage;
    book.long[i] = long ? 1 : 0;
    book.size[i] = size;
    book.entry[i] = entry;
    book.margin[i] = margin;
    if (!(size > 0)) continue;
    const price = liquidationPriceOf(long ? 1 : 0, size, entry, margin, mm);
    if (long) longs.append(i, price);
    else shorts.append(i, -price);
  }
  return drawn;
}

function sameBits(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function same(ours: Drawn, theirs: Drawn): boolean {
  const books = (['long', 'size', 'entry', 'margin'] as const).every((f) =>
    sameBits(ours.book[f], theirs.book[f]),
  );
  return (
    books &&
    ours.sides.every((side, s) => {
      const other = theirs.sides[s]!;
      return (
        side.count === other.count &&
        side.nan === other.nan &&
        sameBits(side.index, other.index) &&
        sameBits(side.key, other.key) &&
        sameBits(side.range, other.range)
      );
    })
  );
}

// Over the ranges `validate` accepts (README, "Ranges"): sizes 1e-9 to 1e12, leverage 1 to 1,000 below
// 1 / maintenance, maintenance 1e-4 to 0.5, prices 1e-8 to 1e9.
const specArb = fc
  .record({
    longs: fc.oneof(fc.constantFrom(0, 1, 1023, 1024, 1025), fc.integer({ min: 0, max: 4000 })),
    shorts: fc.oneof(fc.constantFrom(0, 1, 1024), fc.integer({ min: 0, max: 4000 })),
    seed: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
    sizeMin: fc.oneof(fc.constantFrom(1e-9, 1, 1e12), fc.double({ min: 1e-9, max: 1e12, noNaN: true })),
    sizeSpan: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e12, noNaN: true })),
    log: fc.boolean(),
    mm: fc.oneof(fc.constantFrom(1e-4, 0.005, 0.5), fc.double({ min: 1e-4, max: 0.5, noNaN: true })),
    // The leverage range as shares of (1, 1 / mm): min, span, where the peak is (or none).
    lo: fc.double({ min: 0, max: 0.999, noNaN: true }),
    span: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
    peak: fc.option(fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true }))),
    spread: fc.oneof(fc.constantFrom(0, 0.5), fc.double({ min: 0, max: 0.9, noNaN: true })),
    p0: fc.oneof(fc.constantFrom(1e-8, 2000, 1e9), fc.double({ min: 1e-8, max: 1e9, noNaN: true })),
    offset: fc.integer({ min: 0, max: 50 }),
  })
  .filter((s) => s.longs + s.shorts > 0);

describe("the book kernel's perpetuals (book-kernel.wat, perps)", () => {
  it('draws and files a generated perpetuals book exactly as the JavaScript draws do', () => {
    fc.assert(
      fc.property(specArb, (s) => {
        const top = Math.min(1000, (1 / s.mm) * 0.999);
        const min = 1 + (top - 1) * s.lo;
        const max = min + (top - min) * s.span;
        const g: PerpGenerateSpec = {
          longs: s.longs,
          shorts: s.shorts,
          seed: s.seed,
          size: { min: s.sizeMin, max: s.sizeMin + s.sizeSpan, ...(s.log ? { scale: 'log' } : {}) },
          leverage: { min, max, ...(s.peak === null ? {} : { mode: min + (max - min) * s.peak }) },
          entrySpread: s.spread,
        };
        const ours = emptyBook(s.offset, g);
        drawPerps(ours.book, s.offset, g, s.mm, s.p0, ours.sides);
        return same(ours, reference(s.offset, g, s.mm, s.p0));
      }),
      { numRuns: 200 },
    );
  });

  it('leaves the explicit positions before `offset` as they were and gives every generated one a side', () => {
    const g: PerpGenerateSpec = {
      longs: 1500,
      shorts: 700,
      seed: 9,
      size: { min: 1, max: 10 },
      leverage: { min: 2, max: 20, mode: 5 },
      entrySpread: 0.02,
    };
    const ours = emptyBook(3, g);
    drawPerps(ours.book, 3, g, 0.005, 2000, ours.sides);
    expect([...ours.book.long.subarray(0, 3)]).toEqual([7, 7, 7]);
    expect(ours.book.long.subarray(3, 1503).every((x) => x === 1)).toBe(true);
    expect(ours.book.long.subarray(1503).every((x) => x === 0)).toBe(true);
    expect(ours.sides[1].count).toBe(1500);
    expect(ours.sides[0].count).toBe(700);
    expect(same(ours, reference(3, g, 0.005, 2000))).toBe(true);
  });
});
