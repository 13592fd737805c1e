import { describe, expect, it } from 'vitest';
import { PerpBook } from '../../src/engine/perps/book.js';
import type { PerpsSpec } from '../../src/engine/index.js';

const spec: PerpsSpec = {
  insuranceFund: 0,
  liquidationFee: 0.005,
  maintenance: 0.0125,
  sliceFraction: 0.2,
  positions: [
    { id: 'A', side: 'long', size: 3, entry: 100_000, margin: 20_000 },
    { id: 'B', side: 'short', size: 2, entry: 100_000, margin: 10_000 },
  ],
  generate: {
    longs: 300,
    shorts: 200,
    seed: 4,
    size: { min: 0.01, max: 10 },
    leverage: { min: 1, max: 60 },
    entrySpread: 0.1,
  },
};

describe("a perpetuals book's round 0, made when asked for", () => {
  it('asked before any change: the sizes and margins as drawn', () => {
    const book = new PerpBook(spec, 100_000);
    expect(Array.from(book.initialSize)).toEqual(Array.from(book.size));
    expect(Array.from(book.initialMargin)).toEqual(Array.from(book.margin));
  });

  it('asked after closes, slices and reductions: the same, bit for bit, not the book as it stands', () => {
    const fresh = new PerpBook(spec, 100_000);
    const book = new PerpBook(spec, 100_000);
    book.close(0);
    book.reduce(1, 0.5);
    book.closeKeepingMargin(7, 0.001, -3);
    book.reduce(300, 1e9);
    expect(book.size[0]).toBe(0);
    expect(Array.from(book.initialSize)).toEqual(Array.from(fresh.size));
    expect(Array.from(book.initialMargin)).toEqual(Array.from(fresh.margin));
    // Made once: later changes leave it as it is.
    const kept = book.initialSize;
    book.close(9);
    expect(book.initialSize).toBe(kept);
    expect(kept[9]).toBe(fresh.size[9]);
  });
});
