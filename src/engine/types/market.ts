/** Venues and oracles: the market half of a scenario. */

export type MarketModelName = 'constant-product' | 'orderbook';

export interface MarketSpec {
  /** The venue's name in `venues`, `oracle.venues` and `liquidation.sellOn`; "main" when absent. */
  readonly name?: string;
  readonly model: MarketModelName;
  /** Quote value, at p0, of asset that must be sold to move the price down 2%. */
  readonly depth2pct: number;
  /** Trading fee on sales into the venue, a fraction in [0, 1). */
  readonly fee: number;
  /** Fraction of the gap to the external post-shock price that arbitrage closes each round after the first. */
  readonly recovery: number;
}

/** An extra venue beside `market`, with its own curve and depth (no recovery of its own: arbitrage links it). */
export interface VenueSpec {
  readonly name: string;
  readonly model: MarketModelName;
  readonly depth2pct: number;
  readonly fee: number;
}

/** Options every oracle model takes. */
export interface OracleCommon {
  /** The venues whose start-of-round prices the oracle reads, as their median; the main venue when absent. */
  readonly venues?: readonly string[];
  /** Circuit breaker: the reported price moves at most this fraction from the last reported one per round. */
  readonly maxChange?: number;
  /** A price the oracle never reports below (Chainlink's minAnswer), applied after the model and the breaker. */
  readonly floor?: number;
}

export type OracleSpec = OracleCommon &
  (
    | { readonly model: 'spot' }
    | {
        readonly model: 'twap';
        readonly window: number;
        /** What the TWAP averages: start-of-round prices ("start", the default) or the prices held over time. */
        readonly sampling?: TwapSampling;
        /** The average taken: arithmetic (Uniswap v2, the default) or geometric (Uniswap v3). */
        readonly mean?: TwapMean;
      }
    | { readonly model: 'lagged'; readonly delay: number }
    | { readonly model: 'feed'; readonly deviation: number; readonly heartbeat: number }
  );

export type OracleModelName = OracleSpec['model'];

export type TwapSampling = 'start' | 'time-weighted';
export type TwapMean = 'arithmetic' | 'geometric';

/** External prices per round: round r's is prices[r − 1] (the last one after the list ends). */
export interface PricePathSpec {
  readonly prices: readonly number[];
  /** The fraction of the gap to the path that arbitrage closes at the start of each round; 1 by default. */
  readonly follow?: number;
}
