import type { ExplicitOrDefault } from './explicit-or-default.js';
import type { GenerateSpec, PeakedRange, SizeRange } from './types.js';

/** The book's arrays the generator writes (every generated position's threshold is the default LT). */
export interface BookArrays {
  readonly collateral: Float64Array;
  readonly debt: Float64Array;
}

/**
 * The range the generated positions' keys fall in, known before they are drawn: a key is
 * debt / (collateral · LT) = p0 / HF, to a few ulps, over the health factor's range (undefined when that
 * is not finite). For `LazyHeap.beginCount`, whose buckets any range keeps correct.
 */
export function generatedKeyRange(spec: GenerateSpec, initialPrice: number): [number, number] | undefined {
  const lo = initialPrice / spec.healthFactor.max;
  const hi = initialPrice / spec.healthFactor.min;
  return Number.isFinite(lo) && Number.isFinite(hi) && lo > 0 ? [lo, hi] : undefined;
}

/**
 * Positions [from, to)'s liquidation price debt / (collateral · LT), its key in the heap; −Infinity for a
 * position with no debt, which waits off the heap. A loop of its own over the arrays, not a method call
 * per position: it runs once per position of the book. It also folds into `range` what `LazyHeap.seal`
 * needs, one pass over the book fewer: the least key above −Infinity into range[0], the largest below
 * +Infinity into range[1] and the count of keys above −Infinity (a NaN key is not) into range[2]; a
 * range starts as `newKeyRange()`.
 */
export function liquidationPrices(
  book: BookArrays,
  { explicit, fallback: lt }: ExplicitOrDefault,
  keys: Float64Array,
  range: Float64Array,
  from: number,
  to: number,
): void {
  const { collateral, debt } = book;
  let lo = range[0]!;
  let hi = range[1]!;
  let filed = range[2]!;
  for (let i = from; i < to; i++) {
    const d = debt[i]!;
    const k = d > 0 ? d / (collateral[i]! * (i < explicit.length ? explicit[i]! : lt)) : -Infinity;
    keys[i] = k;
    if (k > -Infinity) filed++;
    if (k < lo && k > -Infinity) lo = k;
    if (k > hi && k < Infinity) hi = k;
  }
  range[0] = lo;
  range[1] = hi;
  range[2] = filed;
}

/** An empty fold for `liquidationPrices`: no key yet. */
export const newKeyRange = (): Float64Array => Float64Array.of(Infinity, -Infinity, 0);

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
