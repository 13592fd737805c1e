import { UniformStream } from './rng.js';
import type { GenerateSpec, PeakedRange, SizeRange } from './types.js';

/** The book's arrays the generator writes. */
export interface BookArrays {
  readonly collateral: Float64Array;
  readonly debt: Float64Array;
  readonly threshold: Float64Array;
}

/**
 * Draws `count` positions: for each, collateral then health factor at p0, one uniform draw each, mapped
 * through the range's shape (`drawSize`, `drawPeaked`); debt = collateral * p0 * LT / HF, so that HF at p0
 * is the drawn value.
 */
export function fillGenerated(
  book: BookArrays,
  offset: number,
  spec: GenerateSpec,
  initialPrice: number,
  lt: number,
): void {
  const stream = new UniformStream(spec.seed);
  const { collateral: collaterals, debt: debts, threshold: thresholds } = book;
  const { collateral: sizes, healthFactor: healths } = spec;
  for (let i = offset, end = offset + spec.count; i < end; i++) {
    const collateral = drawSize(sizes, stream.next());
    const healthFactor = drawPeaked(healths, stream.next());
    collaterals[i] = collateral;
    debts[i] = (collateral * initialPrice * lt) / healthFactor;
    thresholds[i] = lt;
  }
}

/**
 * Each position's liquidation price debt / (collateral · LT), its key in the heap; −Infinity for a
 * position with no debt, which waits off the heap. A loop of its own over the arrays, not a method call
 * per position: it runs once per position of the book.
 */
export function liquidationPrices(book: BookArrays, keys: Float64Array): void {
  const { collateral, debt, threshold } = book;
  for (let i = 0; i < keys.length; i++) {
    const d = debt[i]!;
    keys[i] = d > 0 ? d / (collateral[i]! * threshold[i]!) : -Infinity;
  }
}

/** Maps a uniform u in [0, 1) to a size: linear, or log-uniform (equal counts per decade). */
export function drawSize(range: SizeRange, u: number): number {
  const { min, max } = range;
  if (range.scale === 'log') return min * Math.pow(max / min, u);
  return min + (max - min) * u;
}

/**
 * Maps a uniform u in [0, 1) to a health factor: uniform, or triangular on [min, max] peaking at `mode`
 * (the inverse of its distribution function, so one draw gives one value).
 */
export function drawPeaked(range: PeakedRange, u: number): number {
  const { min, max, mode } = range;
  if (mode === undefined || max === min) return min + (max - min) * u;
  const width = max - min;
  const split = (mode - min) / width;
  return u < split
    ? min + Math.sqrt(u * width * (mode - min))
    : max - Math.sqrt((1 - u) * width * (max - mode));
}
