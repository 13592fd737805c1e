/** Perpetual futures beside the lending book: positions, the fund, ADL and the backstop vault. */
import type { PeakedRange, SizeRange } from './lending.js';

export type Side = 'long' | 'short';

export interface PerpPositionSpec {
  readonly id: string;
  readonly side: Side;
  /** Asset units. */
  readonly size: number;
  readonly entry: number;
  /** Quote posted as margin. */
  readonly margin: number;
  /** Maintenance margin rate; the book's default when absent. */
  readonly maintenance?: number;
}

export interface PerpsSpec {
  /** The insurance fund's starting balance, in quote. */
  readonly insuranceFund: number;
  /** Liquidation fee, a fraction of the notional closed, paid to the fund out of what margin is left. */
  readonly liquidationFee: number;
  /** Default maintenance margin rate. */
  readonly maintenance: number;
  /** Positions whose notional at the oracle price is above this are liquidated a slice at a time. */
  readonly sliceAbove?: number;
  /** The share of such a position closed per round. */
  readonly sliceFraction: number;
  readonly positions: readonly PerpPositionSpec[];
  readonly generate?: PerpGenerateSpec;
  /**
   * What a liquidation fetches: `"venue"`, the venue's prices for its share of the round's trade (what it
   * fetched short of the oracle value is booked); `"oracle"` (when absent), the oracle price, with that
   * slippage reported as `perpSlippage` but booked nowhere.
   */
  readonly fill?: PerpFill;
  /** How auto-deleveraging picks and closes the opposing positions; `"pnl-margin"` (Binance) when absent. */
  readonly adlRank?: AdlRank;
  /** Hyperliquid's liquidator vault (HLP): takes over positions below `below` of maintenance. */
  readonly backstop?: BackstopSpec;
}

export type PerpFill = 'oracle' | 'venue';
export type AdlRank = 'pnl-margin' | 'hyperliquid' | 'pro-rata';

export interface BackstopSpec {
  /** The vault's quote capital at the start. */
  readonly capital: number;
  /** The share of the maintenance requirement below which a position's equity sends it to the vault (2/3). */
  readonly below: number;
  /** The share of its inventory the vault sells back into the venue each round. */
  readonly unwind: number;
}

/** Generated perpetuals: `longs` longs then `shorts` shorts, named L0…, S0…. */
export interface PerpGenerateSpec {
  readonly longs: number;
  readonly shorts: number;
  readonly seed: number;
  /** Asset units: uniform, or log-uniform with `scale: 'log'`. */
  readonly size: SizeRange;
  /** Notional at entry over margin: uniform, or triangular peaking at `mode`. */
  readonly leverage: PeakedRange;
  /** Entries uniform in p0 · (1 ± entrySpread), narrowed so that no position is liquidatable at p0. */
  readonly entrySpread: number;
}
