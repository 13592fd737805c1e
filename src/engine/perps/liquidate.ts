import type { Venue } from '../market/index.js';
import type { PerpsSpec } from '../types.js';
import { Deleverager, type Deleveraged } from './adl.js';
import type { BackstopVault } from './backstop.js';
import type { PerpBook } from './book.js';
import { VenueCursor, largestWithin } from './fill.js';

/** What the perpetuals did in one round. */
export interface PerpRound {
  readonly liquidations: number;
  /** Notional closed by liquidation (quantity · P, the backstop's takes included), and the longs' part. */
  readonly notional: number;
  readonly longNotional: number;
  /** Asset the liquidation engine (and the vault's unwind) sold on the venue (negative: bought). */
  readonly netSold: number;
  readonly fees: number;
  readonly drawn: number;
  readonly deleveraged: number;
  readonly adlCovered: number;
  readonly uncovered: number;
  /**
   * Losses of the positions closed below their bankruptcy value: −(equity at P) plus, with venue fills,
   * the slippage of their venue units. With "pnl-margin" and "pro-rata", fund paid + ADL covered +
   * uncovered equal it to the cent.
   */
  readonly losses: number;
  readonly fund: number;
  /** What the venue fills fetched short of their value at P (booked only with `fill: "venue"`). */
  readonly slippage: number;
  /** Profit ADL took beyond what the fund could not cover. */
  readonly overshoot: number;
  /** Paid out to owners: what is left of a slice closed above bankruptcy after its fee, and ADL's payouts. */
  readonly paidOut: number;
  /** The backstop vault: positions taken, their notional at P, their equity at P (what the vault took on). */
  readonly backstopTaken: number;
  readonly backstopNotional: number;
  readonly backstopReceived: number;
  /** The vault's equity at P after the round (0 without one). */
  readonly backstopEquity: number;
  /** One line per liquidation, backstop take and deleveraged position, for the log (when recording). */
  readonly log: readonly PerpEvent[];
}

export interface PerpEvent {
  readonly kind: 'liquidated' | 'deleveraged' | 'backstop';
  readonly position: number;
  readonly quantity: number;
  /** For a liquidation, the loss below bankruptcy (0 above it); for ADL, the profit given up; for the vault, the equity taken over. */
  readonly amount: number;
  /** The position's size and margin before and its margin after, so that a viewer can step either way exactly. */
  readonly sizeBefore: number;
  readonly marginBefore: number;
  readonly marginAfter: number;
}

/** The venue the round sells on, and the units already bound for it (the lending batch). */
export interface PerpSale {
  readonly venue: Venue;
  readonly bound: number;
}

/**
 * Liquidates every liquidatable perpetual found at the oracle price P, longs then shorts, each most under
 * water first (README, "Perpetual futures", has every formula):
 * 1. below `backstop.below` of maintenance, the vault takes the position over, off the venue;
 * 2. a sliced position (notional above `sliceAbove`, equity > 0) closes the least that restores
 *    maintenance, at most `sliceFraction` of its size, and keeps its margin;
 * 3. any other closes whole: above bankruptcy the fee goes to the fund and the rest to the owner; below
 *    it the fund pays what it holds and auto-deleveraging matches units off the venue for the rest.
 * With `fill: "venue"` each fill gets the venue's prices for its place in the round's trade; otherwise
 * the oracle price, and the slippage is only measured. The vault then unwinds.
 */
export function liquidatePerps(
  book: PerpBook,
  spec: PerpsSpec,
  price: number,
  fundBefore: number,
  sale: PerpSale,
  vault?: BackstopVault,
  recordLog = false,
): PerpRound {
  const venueFills = spec.fill === 'venue';
  const cursor = new VenueCursor(sale.venue, sale.bound);
  const adl = new Deleverager(book, spec.adlRank ?? 'pnl-margin', price);
  const wholePositions = spec.adlRank === 'hyperliquid';
  const feeRate = spec.liquidationFee;
  let fund = fundBefore;
  let liquidations = 0;
  let notional = 0;
  let longNotional = 0;
  let fees = 0;
  let drawn = 0;
  let deleveraged = 0;
  let adlCovered = 0;
  let uncovered = 0;
  let losses = 0;
  let slippage = 0;
  let overshoot = 0;
  let paidOut = 0;
  let backstopTaken = 0;
  let backstopNotional = 0;
  let backstopReceived = 0;
  /** Units the engine trades on the venue (signed: + sold); with oracle fills they are bound at the end. */
  let venueUnits = 0;
  const log: PerpEvent[] = [];
  const adlLog: Deleveraged[] | undefined = recordLog ? [] : undefined;
  // The loop below has no closure of its own and counts `venueUnits` in place (each fill adds d · units
  // to it, then prices them with `fillAt`): a closure in a loop's body gives every iteration a context
  // object, and a number a closure updates is boxed at every update (issue 15: that was most of what a
  // round of a million perpetuals allocated).
  /** What `units` in direction d fetch (sold) or cost (bought): the venue's, or the oracle's price. */
  const fillAt = (d: 1 | -1, units: number): number => (venueFills ? cursor.fill(d, units) : units * price);
  const taken = book.takeLiquidatable(price);
  /** The sliced positions, the only ones left open, to file back in the order taken (not a pass over all taken). */
  const keptOpen: number[] = [];
  for (let t = 0; t < taken.length; t++) {
    const i = taken[t]!;
    const size = book.size[i]!;
    if (!(size > 0) || !book.open[i]) continue;
    const d = book.direction(i);
    const equity = book.equity(i, price);
    const entry = book.entry[i]!;
    const marginBefore = book.margin[i]!;
    liquidations++;
    book.markLiquidated(i);
    if (vault?.takes(book, i, equity, price)) {
      vault.take(book, i);
      backstopTaken++;
      backstopNotional += size * price;
      backstopReceived += equity;
      notional += size * price;
      if (d > 0) longNotional += size * price;
      if (recordLog)
        log.push({
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
    notional += quantity * price;
    if (d > 0) longNotional += quantity * price;
    let loss = 0;
    if (quantity < size) {
      // A slice: the margin stays in the account, credited with the slice's profit at its fill, less the fee.
      venueUnits += d * quantity;
      const fetched = fillAt(d, quantity);
      const slip = venueFills ? d * (quantity * price - fetched) : 0;
      slippage += slip;
      const fee = Math.min(Math.max(equity - slip, 0), feeRate * quantity * price);
      fund += fee;
      fees += fee;
      book.closeKeepingMargin(i, quantity, d * (fetched - quantity * entry) - fee);
      keptOpen.push(i);
    } else {
      const bankruptcy = book.bankruptcyPrice(i);
      // The whole position's equity at its fill: its equity at P less the slippage of selling all of it.
      const whole = venueFills ? equity - d * (size * price - cursor.peek(d, size)) : equity;
      if (whole >= 0 || fund >= -whole) {
        venueUnits += d * size;
        const fetched = fillAt(d, size);
        const slip = venueFills ? d * (size * price - fetched) : 0;
        slippage += slip;
        const e = equity - slip;
        if (e >= 0) {
          const fee = Math.min(e, feeRate * size * price);
          fund += fee;
          fees += fee;
          paidOut += e - fee;
        } else {
          loss = -e;
          losses += loss;
          fund -= loss;
          drawn += loss;
        }
      } else {
        // Below bankruptcy, beyond the fund: ADL matches units off the venue at the match price, the
        // bankrupt's better of P and Pb; a matched unit gives up `perUnit` against P, or keeps `kept`.
        const perUnit = Math.max(0, d * (bankruptcy - price));
        const kept = Math.max(0, d * (price - bankruptcy));
        const matchPrice = perUnit > 0 ? bankruptcy : price;
        const onVenue = venueFills
          ? largestWithin(venueLoss(cursor, d, bankruptcy, size, kept), size, fund)
          : perUnit > 0
            ? Math.min(size, fund / perUnit)
            : size;
        const wanted = size - onVenue;
        const matched = adl.match(book.long[i] ? 0 : 1, wanted, size, matchPrice, perUnit, adlLog);
        const units = size - matched.units;
        venueUnits += d * units;
        const fetched = fillAt(d, units);
        const slip = venueFills ? d * (units * price - fetched) : 0;
        slippage += slip;
        loss = slip - equity;
        losses += loss;
        const left = d * (units * bankruptcy - fetched) - matched.units * kept;
        const draw = Math.min(fund, Math.max(0, left));
        fund -= draw;
        drawn += draw;
        if (left < 0) paidOut -= left;
        // What ADL could not match; a residue of rounding (a billionth of the loss) is not a loss.
        const gap = left - draw;
        if (gap > loss * 1e-9) uncovered += gap;
        adlCovered += matched.units * perUnit;
        // Only a policy closing whole positions matches more than wanted (others differ by rounding).
        if (wholePositions) overshoot += Math.max(0, matched.units - wanted) * perUnit;
        paidOut += matched.paidOut;
        deleveraged += matched.count;
        if (adlLog) {
          for (const p of adlLog)
            log.push({
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
      log.push({
        kind: 'liquidated',
        position: i,
        quantity,
        amount: loss,
        sizeBefore: size,
        marginBefore,
        marginAfter: book.margin[i]!,
      });
  }
  for (let t = 0; t < keptOpen.length; t++) book.file(keptOpen[t]!);
  // With oracle fills the engine's net trade is bound now, in one piece, and its slippage measured.
  if (!venueFills && venueUnits !== 0) {
    const d: 1 | -1 = venueUnits > 0 ? 1 : -1;
    slippage = d * (Math.abs(venueUnits) * price - cursor.fill(d, Math.abs(venueUnits)));
  }
  const unwound = vault ? vault.unwindInto(cursor) : 0;
  return {
    liquidations,
    notional,
    longNotional,
    netSold: venueUnits + unwound,
    fees,
    drawn,
    deleveraged,
    adlCovered,
    uncovered,
    losses,
    fund,
    slippage,
    overshoot,
    paidOut,
    backstopTaken,
    backstopNotional,
    backstopReceived,
    backstopEquity: vault ? vault.equity(price) : 0,
    log,
  };
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
