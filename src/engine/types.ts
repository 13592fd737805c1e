/** The engine's input: a fully validated scenario with every default filled in. */
import type { AuctionSpec } from './liquidation/auction.js';

export type { AuctionSpec };

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

export type MechanismName = 'full' | 'partial' | 'auction';

export interface LiquidationSpec {
  readonly mechanism: MechanismName;
  /** Fraction of the debt repaid per liquidation; required for partial. */
  readonly closeFactor?: number;
  /** Liquidator's bonus: seized collateral is worth (1 + bonus) times the debt repaid. */
  readonly bonus: number;
  /** Default liquidation threshold LT in (0, 1]. */
  readonly threshold: number;
  /** Aave v3 style: at or below this health factor a partial liquidation may repay the whole debt. */
  readonly fullBelowHealth?: number;
  /** The venue seized collateral is sold on; the main venue when absent. */
  readonly sellOn?: string;
  /** The most collateral sold per round; the rest waits in a queue for later rounds. */
  readonly maxSellPerRound?: number;
  /** The Dutch auction's parameters; required for mechanism "auction". */
  readonly auction?: AuctionSpec;
}

/** Liquidators who are not a frictionless crowd. */
export interface LiquidatorsSpec {
  /** Quote they can spend repaying debt each round; unlimited when absent. */
  readonly capital?: number;
  /** Act only when selling the seized collateral on the venue is expected to raise more than the debt repaid plus the gas cost. */
  readonly requireProfit?: boolean;
  /** Quote each liquidation costs its liquidator (gas, fees), charged to its profit; 0 when absent. */
  readonly gasCost?: number;
  /** A liquidation larger than the capital left is filled with what is left (within the mechanism's cap) instead of skipped. */
  readonly partialFills?: boolean;
  /** `capital` is a stock: each round's is the last one's plus the liquidators' profit (their sale proceeds back). */
  readonly recycle?: boolean;
}

export interface PositionSpec {
  readonly id: string;
  /** Asset units. */
  readonly collateral: number;
  /** Quote units. */
  readonly debt: number;
  /** Overrides the default liquidation threshold. */
  readonly threshold?: number;
}

export interface Range {
  readonly min: number;
  readonly max: number;
}

/** Collateral sizes: uniform in [min, max], or log-uniform (`scale: 'log'`: many small, a few large). */
export interface SizeRange extends Range {
  readonly scale?: 'linear' | 'log';
}

/**
 * Uniform in [min, max], or triangular with its peak at `mode`. For health factors at p0: most positions
 * comfortable around the mode, a thinning tail down to `min`, near the edge; for leverage: most positions
 * around the mode, a thin tail up to `max`.
 */
export interface PeakedRange extends Range {
  readonly mode?: number;
}

export interface GenerateSpec {
  readonly count: number;
  readonly seed: number;
  readonly collateral: SizeRange;
  readonly healthFactor: PeakedRange;
}

/**
 * One figure from the historical record: either matched by a summary metric within a relative tolerance
 * (`metric`, `tolerance`, a numeric `recorded`), or `unmatched` with the reason.
 */
export interface RecordFigure {
  /** What the figure is, in words ("DAI deficit"). */
  readonly figure: string;
  /** The recorded value: a number in the preset's quote (or the metric's unit), or words. */
  readonly recorded: number | string;
  /** A summary field ("badDebt", "attack.borrowed", "perpLongShare", …). */
  readonly metric?: string;
  /** Relative: 0.15 accepts a modelled value within ±15% of the recorded one. */
  readonly tolerance?: number;
  /** Why the preset does not reproduce this figure. */
  readonly unmatched?: string;
  readonly source?: string;
}

export interface Scenario {
  readonly name: string;
  readonly description: string;
  /** A historical event replayed, or a lesson isolating one lever (presentation only). */
  readonly kind?: 'history' | 'lesson';
  /** The day a history preset's event began, YYYY-MM-DD (presentation only: the library's order). */
  readonly date?: string;
  /** The lesson set (twins, a trio) a preset belongs to (presentation only). */
  readonly group?: string;
  /** Where a preset's figures come from (presentation only). */
  readonly sources?: readonly string[];
  /** A history preset's figures from the record, each matched by a summary metric or said plainly to be unmatched (presentation and tests only). */
  readonly record?: readonly RecordFigure[];
  readonly asset: { readonly symbol: string; readonly quote: string; readonly price: number };
  readonly market: MarketSpec;
  readonly oracle: OracleSpec;
  readonly liquidation: LiquidationSpec;
  readonly shock: { readonly pct: number };
  readonly positions: readonly PositionSpec[];
  readonly generate?: GenerateSpec;
  /** The most rounds to run. */
  readonly rounds: number;
  /** How long a round stands for, "1 hour" (presentation only; src/round-length.ts has the grammar). */
  readonly roundLength?: string;
  /** Venues beside `market`. */
  readonly venues?: readonly VenueSpec[];
  /** Each round, arbitrage closes this fraction of the price gaps between venues. */
  readonly arbitrage?: { readonly rate: number };
  readonly liquidators?: LiquidatorsSpec;
  /** An external price path the venues follow by arbitrage (a historical day replayed). */
  readonly path?: PricePathSpec;
  /** Perpetual futures beside the lending positions. */
  readonly perps?: PerpsSpec;
  /** A manipulator who moves a venue's price and borrows against the oracle's reading of it. */
  readonly attacker?: AttackerSpec;
}

/**
 * An oracle manipulation in the manner of Mango Markets (2022): buy (or sell) on a venue in one round,
 * borrow against collateral at the oracle's reading, optionally unwind the trade later, walk away.
 */
export interface AttackerSpec {
  /** The venue traded on; the main venue when absent. */
  readonly venue?: string;
  /** The round of the trade (after the exogenous move, before the oracle reads). */
  readonly round: number;
  /** Asset units bought (positive) or sold (negative). */
  readonly trade: number;
  /** The round the trade is reversed in, at the same point of the round; never when absent. */
  readonly unwindRound?: number;
  /** Collateral the attacker deposits (asset units) and the round it borrows against it, at LT · P. */
  readonly collateral: number;
  readonly borrowRound?: number;
}

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

/** External prices per round: round r's is prices[r − 1] (the last one after the list ends). */
export interface PricePathSpec {
  readonly prices: readonly number[];
  /** The fraction of the gap to the path that arbitrage closes at the start of each round; 1 by default. */
  readonly follow?: number;
}

/** What one round did, in the round contract's terms (plus a few compatible extras). */
export interface RoundRecord {
  readonly round: number;
  /** The price the oracle read this round, P. */
  readonly oraclePrice: number;
  /** S(r): the venue price at the start of the round, after the exogenous move. */
  readonly startPrice: number;
  /** The venue price after the round's sale. */
  readonly price: number;
  /** Liquidations this round (a position counts once per round). */
  readonly liquidations: number;
  /** Collateral seized this round and sold into the venue as one batch. */
  readonly collateralSold: number;
  readonly debtRepaid: number;
  readonly badDebt: number;
  /** Collateral handed back to owners of fully liquidated positions. */
  readonly collateralReturned: number;
  /** Quote raised by the round's sale, net of the venue fee. */
  readonly saleProceeds: number;
  /** Positions still open after the round. */
  readonly openPositions: number;
  /** Collateral actually sold into the venue this round: the seizures, or up to the sale cap of the queue. */
  readonly batchSold: number;
  /** Seized collateral still waiting to be sold after the round (a per-round sale cap). */
  readonly queued: number;
  /** Liquidatable positions liquidators left alone this round: for lack of capital, or of profit. */
  readonly skippedForCapital: number;
  readonly skippedUnprofitable: number;
  /** Debt of positions liquidatable this round that are still open and under water after it. */
  readonly underwaterDebt: number;
  /**
   * The liquidators' profit this round: what their seizures fetched in the round's sale (the seized units at
   * the sale's average price), less the debt they repaid and their gas costs; for an auction, the bidders'
   * resale less what they paid. And how many liquidations lost money, and how many were filled partly for lack of capital.
   */
  readonly liquidatorProfit: number;
  readonly unprofitableLiquidations: number;
  readonly partialFills: number;
  /** Asset moved between venues by arbitrage at the start of the round. */
  readonly arbitrageVolume: number;
  /** Auctions still running after the round, and the collateral waiting in them. */
  readonly auctions: number;
  readonly collateralInAuction: number;
  /** With `auction.zeroBids`: auctions won by a bid of zero this round, and their collateral's value at P. */
  readonly wonForZero: number;
  readonly valueWonForZero: number;
  /** Auctions: keeper incentives paid at the round's kicks (`tip` + `chip` · tab; the protocol owes them). */
  readonly keeperIncentives: number;
  /** Auctions: what bidders paid beyond the debt it repaid (the penalty; income of the protocol, Maker's Vow). */
  readonly penaltyIncome: number;
  /** Auctions with a `hole`: liquidatable positions left waiting because the hole was full. */
  readonly waitingForHole: number;
  /** Auctions: quote still to raise in running auctions, debt plus penalty (Maker's Dirt, held under `hole`). */
  readonly tabInAuction: number;
  /** Perpetuals: liquidations (a slice counts once), the fund after the round, what it paid and what ADL covered. */
  readonly perpLiquidations: number;
  /** Notional the perpetual liquidations closed (quantity · oracle price), and the longs' part of it. */
  readonly perpNotional: number;
  readonly perpLongNotional: number;
  readonly insuranceFund: number;
  readonly fundDrawn: number;
  readonly fundFees: number;
  readonly deleveraged: number;
  readonly adlCovered: number;
  /** Losses neither the fund nor auto-deleveraging could cover (socialised). */
  readonly uncoveredLoss: number;
  /** Net asset the perpetual liquidations sold (negative: bought) on the venue. */
  readonly perpNetSold: number;
  /**
   * What the perpetuals' venue fills fetched short of their value at the oracle price (negative: above
   * it). Booked (charged to the owners, the fund and ADL) with `perps.fill: "venue"`; with `"oracle"` it
   * is what the venue would have charged, booked nowhere.
   */
  readonly perpSlippage: number;
  /** Profit auto-deleveraging took beyond what the fund could not cover (a policy closing whole positions). */
  readonly adlOvershoot: number;
  /** The backstop vault: positions it took over this round, their notional at P, its equity after the round at P. */
  readonly backstopTaken: number;
  readonly backstopNotional: number;
  readonly backstopEquity: number;
  /** Every venue's price after the round, in declaration order (the main venue first). */
  readonly venuePrices: readonly number[];
}
