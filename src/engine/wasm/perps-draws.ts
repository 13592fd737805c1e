import type { PerpArrays } from '../perps/generate.js';
import type { RankEntries } from '../perps/rank-queue.js';
import type { PerpGenerateSpec } from '../types.js';
import { head, scratchViews, seededKernel } from './book-kernel.js';

/** Positions a `perps` call draws; its scratch block's layout in bytes, as book-kernel.wat gives it. */
const BLOCK = 1024;
const AT = 131072;
const SIZE = AT;
const ENTRY = AT + 8192;
const MARGIN = AT + 16384;
/** Each side's filed positions and its fold: [index, key, fold] in bytes, longs then shorts. */
const FILED = [
  [AT + 24576, AT + 28672, AT + 49152],
  [AT + 36864, AT + 40960, AT + 49184],
] as const;

/** Views of one side's filed positions and fold (least, largest finite, largest key; NaN seen; count). */
interface Filed {
  readonly index: Int32Array;
  readonly key: Float64Array;
  readonly range: Float64Array;
  readonly flags: Int32Array;
}

/** Views of the perpetuals' scratch block. */
const theScratch = scratchViews((buffer) => {
  const filed = ([index, key, fold]: readonly [number, number, number]): Filed => ({
    index: new Int32Array(buffer, index, BLOCK),
    key: new Float64Array(buffer, key, BLOCK),
    range: new Float64Array(buffer, fold, 3),
    flags: new Int32Array(buffer, fold + 24, 2),
  });
  return {
    size: new Float64Array(buffer, SIZE, BLOCK),
    entry: new Float64Array(buffer, ENTRY, BLOCK),
    margin: new Float64Array(buffer, MARGIN, BLOCK),
    longs: filed(FILED[0]),
    shorts: filed(FILED[1]),
  };
});

/**
 * Appends a block's filed positions to `entries`, and folds the block's key range into theirs: the same
 * entries and range, to the bit, as appending them one by one (the folds keep the first of equal keys,
 * as `RankEntries.append` does).
 */
function appendFiled(entries: RankEntries, filed: Filed): void {
  const n = filed.flags[1]!;
  if (n === 0) return;
  entries.index.set(head(filed.index, n), entries.count);
  entries.key.set(head(filed.key, n), entries.count);
  entries.count += n;
  if (filed.flags[0]) entries.nan = true;
  const { range } = entries;
  if (filed.range[0]! < range[0]!) range[0] = filed.range[0]!;
  if (filed.range[1]! > range[1]!) range[1] = filed.range[1]!;
  if (filed.range[2]! > range[2]!) range[2] = filed.range[2]!;
}

/**
 * Draws the generated perpetuals into the book's arrays from `offset` on: for each in turn size, then
 * leverage, then entry, each one draw shaped by its range (`drawSize`, `drawPeaked`, `healthyEntry`),
 * margin = size · entry / leverage, and files each with a size above 0 at its liquidation price
 * (`liquidationPriceOf`; the longs' entries, the shorts' negated) as it is drawn, in index order: filing
 * as drawn spares a pass over the book per side.
 *
 * Drawn by book-kernel.wat's `perps`, a block of 1,024 at a time copied out while in cache, bit for bit
 * the JavaScript draws (test/engine/book-kernel.test.ts): the book is drawn once a process, so its
 * JavaScript ran mostly before V8 had optimised it (issue 15: drawing was a fifth of the 1M perpetuals
 * bench book's engine time).
 */
export function drawPerps(
  book: PerpArrays,
  offset: number,
  g: PerpGenerateSpec,
  maintenance: number,
  initialPrice: number,
  [shorts, longs]: readonly [shorts: RankEntries, longs: RankEntries],
): void {
  const kernel = seededKernel(g.seed);
  const k = theScratch();
  const total = g.longs + g.shorts;
  book.long.fill(1, offset, offset + g.longs);
  book.long.fill(0, offset + g.longs, offset + total);
  const log = g.size.scale === 'log' ? 1 : 0;
  const { min, max, mode } = g.leverage;
  const peaked = mode !== undefined && max !== min ? 1 : 0;
  for (let from = 0; from < total; from += BLOCK) {
    const n = Math.min(BLOCK, total - from);
    const i = offset + from;
    kernel.perps(
      i,
      from,
      n,
      g.longs,
      g.size.min,
      g.size.max,
      log,
      min,
      max,
      mode ?? 0,
      peaked,
      initialPrice,
      g.entrySpread,
      maintenance,
    );
    book.size.set(head(k.size, n), i);
    book.entry.set(head(k.entry, n), i);
    book.margin.set(head(k.margin, n), i);
    appendFiled(longs, k.longs);
    appendFiled(shorts, k.shorts);
  }
}
