/** The lending book and its liquidation: positions, generated books, mechanisms, liquidators, the attacker. */
import type { AuctionSpec } from '../liquidation/auction.js';

export type { AuctionSpec };

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
