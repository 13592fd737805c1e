import type { Venue } from '../market/index.js';
import type { PerpsSpec } from '../types.js';
import type { BackstopVault } from './backstop.js';
import type { PerpBook } from './book.js';
import { PerpRoundState, liquidateBlock } from './liquidate-block.js';
import { touch } from './touch.js';

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

/** Positions a call of `liquidateBlock` takes its turn for. */
const BLOCK = 256;

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
  const r = new PerpRoundState(book, spec, price, fundBefore, sale, vault, recordLog);
  const taken = book.takeLiquidatable(price);
  for (let from = 0; from < taken.length; from += BLOCK) {
    const to = Math.min(taken.length, from + BLOCK);
    touch(book, taken, from, to);
    liquidateBlock(r, taken, from, to);
  }
  for (let t = 0; t < r.keptOpen.length; t++) book.file(r.keptOpen[t]!);
  // With oracle fills the engine's net trade is bound now, in one piece, and its slippage measured.
  let slippage = r.slippage;
  const venueUnits = r.venueUnits;
  if (!r.venueFills && venueUnits !== 0) {
    const d: 1 | -1 = venueUnits > 0 ? 1 : -1;
    slippage = d * (Math.abs(venueUnits) * price - r.cursor.fill(d, Math.abs(venueUnits)));
  }
  const unwound = vault ? vault.unwindInto(r.cursor) : 0;
  return {
    liquidations: r.liquidations,
    notional: r.notional,
    longNotional: r.longNotional,
    netSold: venueUnits + unwound,
    fees: r.fees,
    drawn: r.drawn,
    deleveraged: r.deleveraged,
    adlCovered: r.adlCovered,
    uncovered: r.uncovered,
    losses: r.losses,
    fund: r.fund,
    slippage,
    overshoot: r.overshoot,
    paidOut: r.paidOut,
    backstopTaken: r.backstopTaken,
    backstopNotional: r.backstopNotional,
    backstopReceived: r.backstopReceived,
    backstopEquity: vault ? vault.equity(price) : 0,
    log: r.log,
  };
}
