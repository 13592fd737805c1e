import { afterEach, describe, expect, it } from 'vitest';
import {
  PositionBook,
  keepGeneratedDraws,
  runCascade,
  summarize,
  type BookSource,
} from '../../src/engine/index.js';
import { scenario } from '../helpers/scenario.js';

const source = (over: Partial<BookSource> = {}): BookSource => ({
  positions: [{ id: 'a', collateral: 3, debt: 4000 }],
  generate: { count: 500, seed: 7, collateral: { min: 1, max: 50 }, healthFactor: { min: 1.02, max: 1.8 } },
  initialPrice: 2000,
  threshold: 0.8,
  ...over,
});

/** The arrays a fresh draw gives, with the memo off. */
function fresh(src: BookSource) {
  keepGeneratedDraws(false);
  const book = new PositionBook(src);
  keepGeneratedDraws(true);
  return [Array.from(book.collateral), Array.from(book.debt), Array.from(book.threshold)];
}
const arrays = (book: PositionBook) => [
  Array.from(book.collateral),
  Array.from(book.debt),
  Array.from(book.threshold),
];

afterEach(() => keepGeneratedDraws(false));

describe('a generated book drawn once per thread (sweep workers)', () => {
  it('gives the book a fresh draw gives, however the book that kept it was changed since', () => {
    keepGeneratedDraws(true);
    const first = new PositionBook(source());
    // A run advances its book in place: the memo must hold its own copy.
    first.collateral.fill(0);
    first.debt.fill(1);
    const second = new PositionBook(source());
    expect(arrays(second)).toEqual(fresh(source()));
  });

  it('draws again when anything the draws depend on changes', () => {
    keepGeneratedDraws(true);
    new PositionBook(source());
    const changes: Partial<BookSource>[] = [
      { generate: { ...source().generate!, seed: 8 } },
      { generate: { ...source().generate!, count: 499 } },
      { generate: { ...source().generate!, collateral: { min: 1, max: 50, scale: 'log' } } },
      { generate: { ...source().generate!, healthFactor: { min: 1.02, max: 1.8, mode: 1.1 } } },
      { initialPrice: 2100 },
      { threshold: 0.75 },
      { positions: [] },
    ];
    for (const change of changes) {
      const book = new PositionBook(source(change));
      expect(arrays(book), JSON.stringify(change)).toEqual(fresh(source(change)));
      // And the memo now holds the changed draws: asking for them again gives them again.
      expect(arrays(new PositionBook(source(change)))).toEqual(fresh(source(change)));
    }
  });

  it('runs a sweep of shocks to the same summaries with the memo on as with it off', () => {
    const preset = (pct: number) =>
      scenario({
        shock: { pct },
        market: { model: 'constant-product', depth2pct: 2000 * 3000 },
        generate: {
          count: 3000,
          seed: 42,
          collateral: { min: 1, max: 50 },
          healthFactor: { min: 1.02, max: 1.8 },
        },
      });
    const pcts = [0.05, 0.1, 0.2];
    keepGeneratedDraws(false);
    const off = pcts.map((pct) => summarize(runCascade(preset(pct))));
    keepGeneratedDraws(true);
    const on = pcts.map((pct) => summarize(runCascade(preset(pct))));
    expect(on).toEqual(off);
    expect(off.some((s) => s.positionsLiquidated > 0)).toBe(true);
  });
});
