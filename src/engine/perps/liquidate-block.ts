import type { Venue } from '../market/index.js';
import type { PerpsSpec } from '../types.js';
import { Deleverager, type Deleveraged } from './adl.js';
import type { BackstopVault } from './backstop.js';
import type { PerpBook } from './book.js';
import { VenueCursor, largestWithin } from './fill.js';
import type { PerpEvent } from './liquidate.js';

/**
 * One round of perpetuals' liquidations as it runs: what every position's turn reads (the book, the
 * spec, P, the venue's cursor, the deleverager) and the totals it adds to, carried from block to block.
 */
export class PerpRoundState {
  readonly venueFills: boolean;
  readonly cursor: VenueCursor;
  readonly adl: Deleverager;
  readonly wholePositions: boolean;
  readonly feeRate: number;
  readonly log: PerpEvent[] = [];
  readonly adlLog: Deleveraged[] | undefined;
  /** The sliced positions, the only ones left open, to file back in the order taken. */
  readonly keptOpen: number[] = [];
  /** A number from the start, like the totals below (see `VenueCursor.at`). */
  fund = 0;
  liquidations = 0;
  notional = 0;
  longNotional = 0;
  fees = 0;
  drawn = 0;
  deleveraged = 0;
  adlCovered = 0;
  uncovered = 0;
  losses = 0;
  slippage = 0;
  overshoot = 0;
  paidOut = 0;
  backstopTaken = 0;
  backstopNotional = 0;
  backstopReceived = 0;
  /** Units the engine trades on the venue (signed: + sold); with oracle fills they are bound at the end. */
  venueUnits = 0;

  constructor(
    readonly book: PerpBook,
    readonly spec: PerpsSpec,
    readonly price: number,
    fundBefore: number,
    sale: { readonly venue: Venue; readonly bound: number },
    readonly vault: BackstopVault | undefined,
    readonly recordLog: boolean,
  ) {
    this.venueFills = spec.fill === 'venue';
    this.cursor = new VenueCursor(sale.venue, sale.bound);
    this.adl = new Deleverager(book, spec.adlRank ?? 'pnl-margin', price);
    this.wholePositions = spec.adlRank === 'hyperliquid';
    this.feeRate = spec.liquidationFee;
    this.adlLog = recordLog ? [] : undefined;
    this.fund = fundBefore;
  }

  /** What `units` in direction d fetch (sold) or cost (bought): the venue's, or the oracle's price. */
  fill(d: 1 | -1, units: number): number {
    return this.venueFills ? this.cursor.fill(d, units) : units * this.price;
  }
}

/**
 * The turns of positions [from, to) of `taken`, in order (`liquidatePerps` says what each does).
 *
 * A function called once a block of positions, its totals on `r`, not one loop over the round: a round
 * of a million perpetuals runs its loop once, so V8 compiles that loop on the fly (on-stack replacement),
 * and that code boxed every number the loop adds to a total, at every addition (issue 15: 250 bytes a
 * position, most of what a round allocated). A function called a few hundred times is compiled whole, the
 * totals updated in place. No closure of its own either: one in a loop's body gives every iteration a
 * context object.
 */
export function liquidateBlock(r: PerpRoundState, taken: Int32Array, from: number, to: number): void {
  const { book, spec, price, venueFills, cursor, adl, wholePositions, feeRate, vault, recordLog, adlLog } = r;
  for (let t = from; t < to; t++) {
    const i = taken[t]!;
    const size = book.size[i]!;
    if (!(size > 0) || !book.open[i]) continue;
    const d = book.direction(i);
    const equity = book.equity(i, price);
    const entry = book.entry[i]!;
    const marginBefore = book.margin[i]!;
    r.liquidations++;
    book.markLiquidated(i);
    if (vault?.takes(book, i, equity, price)) {
      vault.take(book, i);
      r.backstopTaken++;
      r.backstopNotional += size * price;
      r.backstopReceived += equity;
      r.notional += size * price;
      if (d > 0) r.longNotional += size * price;
      if (recordLog)
        r.log.push({
          kind: 'backstop',
          position: i,
          quantity: size,
          amount: equity,
          sizeBefore: size,
          marginBefore,
          marginAfter: 0,
        });
      continue;
    }
    const sliced = spec.sliceAbove !== undefined && size * price > spec.sliceAbove && equity > 0;
    const quantity = sliced
      ? Math.min(spec.sliceFraction * size, book.restoringQuantity(i, price, feeRate))
      : size;
    r.notional += quantity * price;
    if (d > 0) r.longNotional += quantity * price;
    let loss = 0;
    if (quantity < size) {
      // A slice: the margin stays in the account, credited with the slice's profit at its fill, less the fee.
      r.venueUnits += d * quantity;
      const fetched = r.fill(d, quantity);
      const slip = venueFills ? d * (quantity * price - fetched) : 0;
      r.slippage += slip;
      const fee = Math.min(Math.max(equity - slip, 0), feeRate * quantity * price);
      r.fund += fee;
      r.fees += fee;
      book.closeKeepingMargin(i, quantity, d * (fetched - quantity * entry) - fee);
      r.keptOpen.push(i);
    } else {
      const bankruptcy = book.bankruptcyPrice(i);
      // The whole position's equity at its fill: its equity at P less the slippage of selling all of it.
      const whole = venueFills ? equity - d * (size * price - cursor.peek(d, size)) : equity;
      if (whole >= 0 || r.fund >= -whole) {
        r.venueUnits += d * size;
        const fetched = r.fill(d, size);
        const slip = venueFills ? d * (size * price - fetched) : 0;
        r.slippage += slip;
        const e = equity - slip;
        if (e >= 0) {
          const fee = Math.min(e, feeRate * size * price);
          r.fund += fee;
          r.fees += fee;
          r.paidOut += e - fee;
        } else {
          loss = -e;
          r.losses += loss;
          r.fund -= loss;
          r.drawn += loss;
        }
      } else {
        // Below bankruptcy, beyond the fund: ADL matches units off the venue at the match price, the
        // bankrupt's better of P and Pb; a matched unit gives up `perUnit` against P, or keeps `kept`.
        const perUnit = Math.max(0, d * (bankruptcy - price));
        const kept = Math.max(0, d * (price - bankruptcy));
        const matchPrice = perUnit > 0 ? bankruptcy : price;
        const onVenue = venueFills
          ? largestWithin(venueLoss(cursor, d, bankruptcy, size, kept), size, r.fund)
          : perUnit > 0
            ? Math.min(size, r.fund / perUnit)
            : size;
        const wanted = size - onVenue;
        const order = adl.order;
        order.wanted = wanted;
        order.cap = size;
        order.matchPrice = matchPrice;
        order.perUnit = perUnit;
        const matched = adl.match(book.long[i] ? 0 : 1, adlLog);
        const units = size - matched.units;
        r.venueUnits += d * units;
        const fetched = r.fill(d, units);
        const slip = venueFills ? d * (units * price - fetched) : 0;
        r.slippage += slip;
        loss = slip - equity;
        r.losses += loss;
        const left = d * (units * bankruptcy - fetched) - matched.units * kept;
        const draw = Math.min(r.fund, Math.max(0, left));
        r.fund -= draw;
        r.drawn += draw;
        if (left < 0) r.paidOut -= left;
        // What ADL could not match; a residue of rounding (a billionth of the loss) is not a loss.
        const gap = left - draw;
        if (gap > loss * 1e-9) r.uncovered += gap;
        r.adlCovered += matched.units * perUnit;
        // Only a policy closing whole positions matches more than wanted (others differ by rounding).
        if (wholePositions) r.overshoot += Math.max(0, matched.units - wanted) * perUnit;
        r.paidOut += matched.paidOut;
        r.deleveraged += matched.count;
        if (adlLog) {
          for (const p of adlLog)
            r.log.push({
              kind: 'deleveraged',
              ...p,
              marginAfter: p.quantity < p.sizeBefore ? p.marginBefore * (1 - p.quantity / p.sizeBefore) : 0,
            });
          adlLog.length = 0;
        }
      }
      book.close(i);
    }
    if (recordLog)
      r.log.push({
        kind: 'liquidated',
        position: i,
        quantity,
        amount: loss,
        sizeBefore: size,
        marginBefore,
        marginAfter: book.margin[i]!,
      });
  }
}

/**
 * The loss of a bankrupt position of `size` whose `v` units go to the venue (at its prices) and the rest
 * to auto-deleveraging (each unit there keeping `kept`): what `largestWithin` holds within the fund.
 * Made here, not in the round's loop, so that the loop's body needs no context of its own.
 */
function venueLoss(
  cursor: VenueCursor,
  d: 1 | -1,
  bankruptcy: number,
  size: number,
  kept: number,
): (v: number) => number {
  return (v) => d * (v * bankruptcy - cursor.peek(d, v)) - (size - v) * kept;
}
