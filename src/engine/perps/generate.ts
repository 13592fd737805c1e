import { drawPeaked, drawSize } from '../book-draws.js';
import { UniformStream } from '../rng.js';
import type { PerpGenerateSpec } from '../types.js';
import type { RankEntries } from './rank-queue.js';

/** The book's arrays the generator writes. */
export interface PerpArrays {
  readonly long: Uint8Array;
  readonly size: Float64Array;
  readonly entry: Float64Array;
  readonly margin: Float64Array;
}

/** Positions a block draws (`drawBlock`). */
const BLOCK = 1024;

/**
 * Draws the generated positions into the book's arrays from `offset` on: for each in turn size, then
 * leverage, then entry, each one draw shaped by its range, and files each with a size at its
 * liquidation price (the longs' entries, the shorts' negated) as it is drawn, in index order.
 *
 * In blocks of `BLOCK` positions, each a call of `drawBlock`: a function called a thousand times is
 * optimised after its first calls, where one loop over a million positions ran its first part
 * unoptimised and was then replaced mid-loop; and filing as drawn spares a pass over the book per side.
 */
export function drawGenerated(
  book: PerpArrays,
  offset: number,
  g: PerpGenerateSpec,
  maintenance: number,
  initialPrice: number,
  sides: readonly [shorts: RankEntries, longs: RankEntries],
): void {
  const stream = new UniformStream(g.seed);
  const total = g.longs + g.shorts;
  for (let k = 0; k < total; k += BLOCK)
    drawBlock(book, offset, k, Math.min(total, k + BLOCK), stream, g, maintenance, initialPrice, sides);
}

/** Generated positions [from, to), as `drawGenerated` says. */
function drawBlock(
  book: PerpArrays,
  offset: number,
  from: number,
  to: number,
  stream: UniformStream,
  g: PerpGenerateSpec,
  maintenance: number,
  initialPrice: number,
  [shorts, longs]: readonly [RankEntries, RankEntries],
): void {
  for (let k = from; k < to; k++) {
    const i = offset + k;
    const size = drawSize(g.size, stream.next());
    const leverage = drawPeaked(g.leverage, stream.next());
    const long = k < g.longs;
    const entry = healthyEntry(initialPrice, g.entrySpread, leverage, maintenance, long, stream.next());
    const margin = (size * entry) / leverage;
    book.long[i] = long ? 1 : 0;
    book.size[i] = size;
    book.entry[i] = entry;
    book.margin[i] = margin;
    if (!(size > 0)) continue;
    const price = liquidationPriceOf(long ? 1 : 0, size, entry, margin, maintenance);
    if (long) longs.append(i, price);
    else shorts.append(i, -price);
  }
}

/**
 * The price at which a position is liquidatable (below it for a long, above it for a short): where its
 * equity is `mm` of its notional. `PerpBook.liquidationPrice` and the generator's filing both use it, so
 * that a position is filed at the same key, to the bit, whichever files it.
 */
export function liquidationPriceOf(
  long: number,
  s: number,
  entry: number,
  margin: number,
  mm: number,
): number {
  return long ? (s * entry - margin) / (s * (1 - mm)) : (s * entry + margin) / (s * (1 + mm));
}

/**
 * A generated entry: uniform in p0 · (1 ± spread), narrowed so that the position is not liquidatable at
 * p0 (a book is drawn as it stands before the shock). A long of leverage L is liquidatable at p0 once
 * its entry is above p0 · (1 − mm) / (1 − 1/L); a short once its entry is below p0 · (1 + mm) / (1 + 1/L).
 * Both bounds lie beyond p0 when L < 1 / mm, which the preset schema requires.
 */
export function healthyEntry(
  p0: number,
  spread: number,
  leverage: number,
  maintenance: number,
  long: boolean,
  u: number,
): number {
  let low = p0 * (1 - spread);
  let high = p0 * (1 + spread);
  if (long) high = Math.min(high, (p0 * (1 - maintenance)) / (1 - 1 / leverage));
  else low = Math.max(low, (p0 * (1 + maintenance)) / (1 + 1 / leverage));
  return low + (high - low) * u;
}
