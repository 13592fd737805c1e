/** The engine's input: a fully validated scenario with every default filled in. */

export type MarketModelName = 'constant-product' | 'orderbook';

export interface MarketSpec {
  readonly model: MarketModelName;
  /** Quote value, at p0, of asset that must be sold to move the price down 2%. */
  readonly depth2pct: number;
  /** Trading fee on sales into the venue, a fraction in [0, 1). */
  readonly fee: number;
  /** Fraction of the gap to the external post-shock price that arbitrage closes each round after the first. */
  readonly recovery: number;
}

export type OracleSpec =
  | { readonly model: 'spot' }
  | { readonly model: 'twap'; readonly window: number }
  | { readonly model: 'lagged'; readonly delay: number };

export type OracleModelName = OracleSpec['model'];

export type MechanismName = 'full' | 'partial';

export interface LiquidationSpec {
  readonly mechanism: MechanismName;
  /** Fraction of the debt repaid per liquidation; required for partial. */
  readonly closeFactor?: number;
  /** Liquidator's bonus: seized collateral is worth (1 + bonus) times the debt repaid. */
  readonly bonus: number;
  /** Default liquidation threshold LT in (0, 1]. */
  readonly threshold: number;
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

export interface GenerateSpec {
  readonly count: number;
  readonly seed: number;
  readonly collateral: Range;
  readonly healthFactor: Range;
}

export interface Scenario {
  readonly name: string;
  readonly description: string;
  readonly asset: { readonly symbol: string; readonly quote: string; readonly price: number };
  readonly market: MarketSpec;
  readonly oracle: OracleSpec;
  readonly liquidation: LiquidationSpec;
  readonly shock: { readonly pct: number };
  readonly positions: readonly PositionSpec[];
  readonly generate?: GenerateSpec;
  /** The most rounds to run. */
  readonly rounds: number;
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
}
