import type { AdlRank } from '../types.js';
import type { PerpBook } from './book.js';
import { RankEntries, RankQueue } from './rank-queue.js';
import { touch } from './touch.js';

/** One position auto-deleveraging closed part of, for the log. */
export interface Deleveraged {
  readonly position: number;
  readonly quantity: number;
  /** The profit it gave up against the oracle price. */
  readonly amount: number;
  readonly sizeBefore: number;
  readonly marginBefore: number;
}

/** What a `match` is for (`Deleverager.order`). */
export interface MatchOrder {
  wanted: number;
  cap: number;
  matchPrice: number;
  perUnit: number;
}

/** What a `match` did; the same object every call (valid until the next: no allocation per bankrupt position). */
export interface Match {
  /** Units matched off the venue. */
  readonly units: number;
  /** Positions deleveraged. */
  readonly count: number;
  /** Paid out to their owners: the closed share of margin plus the profit at the match price. */
  readonly paidOut: number;
}

/**
 * Auto-deleveraging for one round: the opposing positions in profit at the oracle price P, ranked (or, for
 * "pro-rata", listed) once per side per round, and matched against bankrupt slices at a match price.
 *
 * - "pnl-margin" (Binance's "LeveragePnL": unrealised PnL / collateral × margin ratio): rank by
 *   profit/margin × notional/equity; only the units needed are matched, the last position partly.
 * - "hyperliquid" (its docs' sorting index): rank by (P / entry) × (notional / equity) for a long,
 *   (entry / P) × (notional / equity) for a short; each position is closed whole (at most what the bankrupt
 *   slice has left), so the last one can give up more than was needed: the overshoot.
 * - "pro-rata": every opposing position in profit closes the same share of its size, the units needed over
 *   their total size (all of it when that is less).
 */
export class Deleverager {
  private readonly queues: (RankQueue | undefined)[] = [undefined, undefined];
  private readonly lists: (Int32Array | undefined)[] = [undefined, undefined];
  private readonly matched = { units: 0, count: 0, paidOut: 0 };
  /** The run of each side's queue last touched (`RankQueue.admitted`). */
  private readonly touched = [-1, -1];

  constructor(
    private readonly book: PerpBook,
    private readonly policy: AdlRank,
    private readonly price: number,
  ) {}

  /**
   * What the next `match` is for, written by its caller before the call. Not arguments: V8 boxes each
   * number passed to a call it does not inline (a heap object apiece), and `match`, a loop, is not inlined:
   * four a bankrupt position were most of what a round of the ADL bench book allocated (15 MB of 21, a
   * scavenge every 4 MB). Fields of numbers are written in place (they start as doubles, 0.5, so that V8
   * keeps them doubles: a field first given an integer is re-laid out when the first fraction comes).
   */
  readonly order: MatchOrder = { wanted: 0.5, cap: 0.5, matchPrice: 0.5, perUnit: 0.5 };

  /**
   * Matches up to `order.wanted` units (at most `order.cap`) from the side `long` (1) or short (0) at
   * `order.matchPrice`, each unit giving up `order.perUnit` of profit against P. A whole-position policy
   * may match more than wanted, never more than the cap.
   */
  match(long: 0 | 1, log: Deleveraged[] | undefined): Match {
    const { wanted, cap, matchPrice, perUnit } = this.order;
    if (this.policy === 'pro-rata') return this.proRata(long, wanted, matchPrice, perUnit, log);
    const whole = this.policy === 'hyperliquid';
    const queue = (this.queues[long] ??= this.rank(long));
    const book = this.book;
    let units = 0;
    let count = 0;
    let paidOut = 0;
    while (units < wanted && queue.top !== undefined) {
      if (queue.admitted !== this.touched[long]) {
        touch(book, queue.run, 0, queue.runLength);
        this.touched[long] = queue.admitted;
      }
      const index = queue.top;
      const size = book.size[index]!;
      if (!(size > 0)) {
        queue.pop();
        continue;
      }
      const take = Math.min(size, (whole ? cap : wanted) - units);
      // `close`, written out: V8 boxes each number passed to a call it does not inline, and where `match`
      // is inlined into liquidateBlock it did not inline `close` (out of room): four boxes a close, 40 MB
      // a round of the ADL bench book. `payout` is small enough to be inlined always.
      const marginBefore = book.margin[index]!;
      paidOut += payout(marginBefore, take, size, book.direction(index), matchPrice, book.entry[index]!);
      book.reduce(index, take);
      log?.push({ position: index, quantity: take, amount: take * perUnit, sizeBefore: size, marginBefore });
      if (!(book.size[index]! > 0)) queue.pop();
      units += take;
      count++;
    }
    return this.result(units, count, paidOut);
  }

  private result(units: number, count: number, paidOut: number): Match {
    const matched = this.matched;
    matched.units = units;
    matched.count = count;
    matched.paidOut = paidOut;
    return matched;
  }

  private proRata(
    long: 0 | 1,
    wanted: number,
    matchPrice: number,
    perUnit: number,
    log: Deleveraged[] | undefined,
  ): Match {
    const list = (this.lists[long] ??= this.list(long));
    // Their sizes now (earlier matches this round have reduced them).
    let total = 0;
    for (const index of list) total += this.book.size[index]!;
    if (!(total > 0)) return this.result(0, 0, 0);
    const share = Math.min(1, wanted / total);
    let units = 0;
    let count = 0;
    let paidOut = 0;
    for (const index of list) {
      const size = this.book.size[index]!;
      if (!(size > 0)) continue;
      const take = share === 1 ? size : size * share;
      paidOut += this.close(index, take, matchPrice, perUnit, log);
      units += take;
      count++;
    }
    return this.result(units, count, paidOut);
  }

  /** Closes `take` units of an opposing position at `matchPrice`; returns what its owner is paid. */
  private close(
    index: number,
    take: number,
    matchPrice: number,
    perUnit: number,
    log?: Deleveraged[],
  ): number {
    const book = this.book;
    const sizeBefore = book.size[index]!;
    const marginBefore = book.margin[index]!;
    const paid = payout(
      marginBefore,
      take,
      sizeBefore,
      book.direction(index),
      matchPrice,
      book.entry[index]!,
    );
    book.reduce(index, take);
    log?.push({ position: index, quantity: take, amount: take * perUnit, sizeBefore, marginBefore });
    return paid;
  }

  /**
   * Every winner of side `long` with its key, in index order (the order the ranking's heap used to be
   * appended in, which `RankQueue` replays should two keys tie).
   */
  private rank(long: 0 | 1): RankQueue {
    const entries = new RankEntries(this.book.count);
    rankSide(this.book, long, this.price, this.policy === 'hyperliquid', entries);
    return new RankQueue(entries);
  }

  /** Every winner of side `long`, in index order (pro-rata needs no ranking: the keys go unread). */
  private list(long: 0 | 1): Int32Array {
    const entries = new RankEntries(this.book.count);
    rankSide(this.book, long, this.price, false, entries);
    return entries.index.slice(0, entries.count);
  }
}

/**
 * The winners of one side (open, in profit at P, equity above zero: only those are deleveraged) and the
 * ranking key of each, in one pass over the book's arrays (no method call a position: this pass reads a
 * million positions once a round that deleverages).
 * The same operations in the same order as `PerpBook.equity` and `direction`, so the same keys to the bit.
 * Appends the winners' indices and keys to `entries`.
 */
function rankSide(
  book: PerpBook,
  long: 0 | 1,
  price: number,
  hyperliquid: boolean,
  entries: RankEntries,
): void {
  const { open, size, entry, margin } = book;
  const sides = book.long;
  const d = long ? 1 : -1;
  for (let j = 0; j < book.count; j++) {
    if (!open[j] || sides[j] !== long) continue;
    const s = size[j]!;
    if (!(s > 0)) continue;
    const e = entry[j]!;
    const profit = d * (price - e);
    if (!(profit > 0)) continue;
    const equity = margin[j]! + d * s * (price - e);
    if (!(equity > 0)) continue;
    const leverage = (s * price) / equity;
    const key = hyperliquid
      ? (long ? price / e : e / price) * leverage
      : ((d * s * (price - e)) / margin[j]!) * leverage;
    entries.append(j, key);
  }
}

/**
 * What closing `take` of a position's `sizeBefore` units at `matchPrice` pays its owner: that share of its
 * margin, and its profit on them against its entry (`direction` +1 long, −1 short).
 */
function payout(
  marginBefore: number,
  take: number,
  sizeBefore: number,
  direction: number,
  matchPrice: number,
  entry: number,
): number {
  return (marginBefore * take) / sizeBefore + direction * take * (matchPrice - entry);
}
