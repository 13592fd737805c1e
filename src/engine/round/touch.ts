import type { PositionBook } from '../book.js';

/** Positions a liquidation loop touches at a time, ahead of liquidating them. */
export const TOUCHED = 256;

/** Where `touch` leaves what it read, so that the reads are not optimised away. */
const sink = { value: 0 };

/**
 * Reads positions indices[from, to)'s collateral, debt, `liquidated` and `open` in the book and nothing
 * else, so that their cache misses (a random index each: a bucket's positions are in key order, not index
 * order) overlap. The liquidation loop that follows reads `liquidated` before it writes a position
 * (`update`) and so waited on that miss, and on the lines of its stores, one position at a time.
 * Touching collateral and debt alone gained nothing: the byte arrays' reads were the waits. Measured on
 * the bench's 1M lending book, 4–7 ms of about 250 a whole run (three sets of 10–16 interleaved runs). As
 * perps/touch.ts; the values go unused: no result can depend on when they were read.
 *
 * Only `liquidateEvery` touches: it liquidates every position it takes. `liquidateAll`'s candidates are
 * often skipped without a read of the book, and touching them there made `liquidators-profit-seeking` at
 * 1M positions 18% slower (`liquidators-scarce` 10% faster).
 */
export function touch(book: PositionBook, indices: Int32Array, from: number, to: number): void {
  const { collateral, debt, liquidated, open } = book;
  let sum = 0;
  for (let k = from; k < to; k++) {
    const i = indices[k]!;
    sum += collateral[i]! + debt[i]! + liquidated[i]! + open[i]!;
  }
  sink.value = sum;
}
