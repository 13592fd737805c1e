import type { PerpBook } from './book.js';

/** Where `touch` leaves what it read, so that the reads are not optimised away. */
const sink = { value: 0 };

/**
 * Reads the size, margin and entry of positions indices[from, to) and nothing else, so that their cache
 * misses (a random index each) overlap: the work that follows, one position at a time, finds them in
 * cache, where each waited on its own misses before the next (its branches test them). Two callers, whose
 * work a round interleaves: each block of liquidation turns (liquidate.ts, `taken` in the order of the
 * liquidation prices) and each bucket of the ADL ranking as the queue admits it (adl.ts, a few hundred
 * winners, half a million closes a round at a million positions). Either alone was not measurably faster
 * (the other's misses were then the wait); the two together were: the perpetuals' 60%-deleveraged bench
 * book 1.94 -> 1.82 times the floor. Touching the byte arrays too (side, open, liquidated) gained nothing
 * more, and gathering the three into arrays read in order was no faster. The values go unused: no result
 * can depend on when they were read.
 */
export function touch(book: PerpBook, indices: Int32Array, from: number, to: number): void {
  const { size, margin, entry } = book;
  let sum = 0;
  for (let k = from; k < to; k++) {
    const i = indices[k]!;
    sum += size[i]! + margin[i]! + entry[i]!;
  }
  sink.value = sum;
}
