import type { MarketSpec } from '../types.js';

/** The result of selling into a venue. */
export interface Sale {
  readonly venue: Venue;
  /** Quote received by the seller, net of the venue fee. */
  readonly proceeds: number;
}

/** A venue of finite depth. Values are immutable: every trade returns a new venue. */
export interface Venue {
  readonly price: number;
  /** Sells `quantity` units of the asset into the venue. */
  sell(quantity: number): Sale;
  /**
   * What the next unit fetches, net of fee, once `after` units are sold in one sale: the slope of
   * `sell(q).proceeds` at q = `after`.
   */
  marginalSellPrice(after: number): number;
  /**
   * `sell(after + quantity).proceeds − sell(after).proceeds`, computed without that subtraction (which
   * loses every digit of a small `quantity` against a large `after`).
   */
  proceedsAfter(after: number, quantity: number): number;
  /** Buys `quantity` units from the venue (no fee): the venue after it and the quote it cost. */
  buy(quantity: number): { readonly venue: Venue; readonly cost: number };
  /** Moves the venue to `price` along its own curve (exogenous moves; no fee). */
  moveTo(price: number): Venue;
  /** Asset units to sell into the venue (negative: to buy from it) to move it to `price`, without fee. */
  quantityTo(price: number): number;
  /** Moves the venue along its curve by selling `quantity` units (buying when negative), without fee. */
  shift(quantity: number): Venue;
}

/** A market model: builds the venue of a preset's `market` at the initial price p0. */
export type VenueFactory = (spec: Pick<MarketSpec, 'depth2pct' | 'fee'>, initialPrice: number) => Venue;
