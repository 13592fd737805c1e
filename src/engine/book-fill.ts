import { generatedKeyRange, liquidationPrices, newKeyRange } from './book-draws.js';
import type { BookArrays } from './book-draws.js';
import type { ExplicitOrDefault } from './explicit-or-default.js';
import { fillDrawsOnce } from './kept-draws.js';
import { LazyHeap } from './lazy-heap.js';
import type { GenerateSpec, PositionSpec } from './types.js';
import { drawGenerated } from './wasm/book-kernel.js';

/** What a book is built from: the preset's explicit positions, its generator, p0 and the default LT. */
export interface BookSource {
  readonly positions: readonly PositionSpec[];
  /** A position after all others with no debt yet (an attacker who borrows later). */
  readonly borrower?: { readonly id: string; readonly collateral: number };
  readonly generate?: GenerateSpec;
  readonly initialPrice: number;
  readonly threshold: number;
}

/** Writes the positions the preset gives (explicit ones, the attacker's collateral) into `book`. */
export function writeGiven(book: BookArrays, source: BookSource): void {
  source.positions.forEach((p, i) => {
    book.collateral[i] = p.collateral;
    book.debt[i] = p.debt;
  });
  if (source.borrower) book.collateral[book.collateral.length - 1] = source.borrower.collateral;
}

/**
 * Round 0's collateral and debt of a book of `count` positions built from `source`, drawn again: the
 * given positions, then the generated ones through the same draws as `fillBook` (their keys go to a
 * scratch array).
 */
export function drawRoundZero(source: BookSource, count: number): BookArrays {
  const book = { collateral: new Float64Array(count), debt: new Float64Array(count) };
  writeGiven(book, source);
  const spec = source.generate;
  if (spec) {
    const { initialPrice, threshold } = source;
    const explicit = source.positions.length;
    const keys = new Float64Array(count);
    fillDrawsOnce(book, explicit, spec, initialPrice, threshold, () =>
      drawGenerated(book, explicit, spec, initialPrice, threshold, keys),
    );
  }
  return book;
}

/**
 * The heap of every position with debt, filled as the book is: the explicit positions' keys (their
 * collateral and debt already in `book`), then the generated positions, drawn into `book` block by block,
 * each block's keys counted into the heap's buckets while in cache, over the range the generator's keys
 * are known to fall in (`generatedKeyRange`); then the attacker's position (its collateral in `book`, no
 * debt yet).
 */
export function fillBook(book: BookArrays, thresholds: ExplicitOrDefault, source: BookSource): LazyHeap {
  const count = book.collateral.length;
  const heap = new LazyHeap(count);
  const { keys } = heap;
  const range = newKeyRange();
  const explicit = source.positions.length;
  liquidationPrices(book, thresholds, keys, range, 0, explicit);
  const spec = source.generate;
  const { initialPrice, threshold } = source;
  const known = spec && generatedKeyRange(spec, initialPrice);
  // Counted as they come only when the whole range is known before the draws; else at `seal`.
  const counting = spec === undefined || known !== undefined;
  if (counting) {
    const lo = known ? Math.min(range[0]!, known[0]) : range[0]!;
    const hi = known ? Math.max(range[1]!, known[1]) : range[1]!;
    heap.beginCount(lo, hi, range[2]! + (spec?.count ?? 0));
    heap.count(0, explicit);
  }
  if (spec) {
    const end = explicit + spec.count;
    const drawn = fillDrawsOnce(book, explicit, spec, initialPrice, threshold, () =>
      drawGenerated(
        book,
        explicit,
        spec,
        initialPrice,
        threshold,
        keys,
        counting ? heap.buckets() : undefined,
      ),
    );
    if (!drawn) {
      liquidationPrices(book, thresholds, keys, range, explicit, end);
      if (counting) heap.count(explicit, end);
    }
  }
  if (source.borrower) {
    liquidationPrices(book, thresholds, keys, range, count - 1, count);
    if (counting) heap.count(count - 1, count);
  }
  heap.seal(book.collateral, book.debt);
  return heap;
}
