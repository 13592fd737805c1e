import { RoundEvents } from '../events.js';
import type { PerpRound } from '../perps/liquidate.js';
import type { CascadeState } from './state.js';

/**
 * One round's working figures. Each phase reads what earlier phases wrote and writes its own part; the
 * round's record is read off it at the end. Made by `beginRound` alone, so every round's context has the
 * same shape (one hidden class for V8).
 */
export interface RoundContext {
  readonly round: number;
  /** Arbitrage: asset moved between venues. */
  arbitrageVolume: number;
  /** Oracle read: S(r), and the price P the oracle reports. */
  startPrice: number;
  oraclePrice: number;
  /** The round's liquidations, when the cascade records them. */
  readonly events: RoundEvents | undefined;
  /** Lending liquidations (kicks, for an auction): how many, and the round contract's totals. */
  liquidated: number;
  collateralSold: number;
  debtRepaid: number;
  badDebt: number;
  collateralReturned: number;
  skippedForCapital: number;
  skippedUnprofitable: number;
  underwaterDebt: number;
  /** Quote the liquidators may spend this round (Infinity without `liquidators.capital`), and what is left. */
  readonly capitalAtStart: number;
  capital: number;
  /** Liquidations filled partly for lack of capital (`liquidators.partialFills`). */
  partialFills: number;
  /** Auctions: what bidders bought and paid, won by a bid of zero this round, and their collateral's value at P. */
  auctionBought: number;
  auctionRaised: number;
  wonForZero: number;
  valueWonForZero: number;
  /**
   * Auctions: keeper incentives paid at the round's kicks (tip + chip · tab), what bidders paid beyond the
   * debt they repaid (penalty income), and positions left waiting because the hole was full.
   */
  keeperIncentives: number;
  penaltyIncome: number;
  waitingForHole: number;
  /** Perpetuals: the round's liquidations, insurance fund and deleveraging, when the scenario has them. */
  perps: PerpRound | undefined;
  /** Sale: what of the queue was sold, the net trade on the sale venue (with the perpetuals'), its proceeds. */
  batch: number;
  trade: number;
  saleProceeds: number;
  /** What a unit sold fetched on average: proceeds / trade, or the venue's price before the sale when nothing was sold. */
  saleUnitPrice: number;
  /** Liquidator books: the liquidators' profit and their liquidations at a loss. */
  liquidatorProfit: number;
  unprofitableLiquidations: number;
  /** Stop test: whether no later round can differ. */
  converged: boolean;
}

/** A step of the round contract (README, "The model"). */
export interface Phase {
  /** The step's name in the contract's list. */
  readonly name: string;
  run(state: CascadeState, round: RoundContext): void;
}

export function beginRound(state: CascadeState, round: number): RoundContext {
  return {
    round,
    arbitrageVolume: 0,
    startPrice: 0,
    oraclePrice: 0,
    events: state.recordEvents ? new RoundEvents() : undefined,
    liquidated: 0,
    collateralSold: 0,
    debtRepaid: 0,
    badDebt: 0,
    collateralReturned: 0,
    skippedForCapital: 0,
    skippedUnprofitable: 0,
    underwaterDebt: 0,
    capitalAtStart: state.liquidatorCapital,
    capital: state.liquidatorCapital,
    partialFills: 0,
    auctionBought: 0,
    auctionRaised: 0,
    wonForZero: 0,
    valueWonForZero: 0,
    keeperIncentives: 0,
    penaltyIncome: 0,
    waitingForHole: 0,
    perps: undefined,
    batch: 0,
    trade: 0,
    saleProceeds: 0,
    saleUnitPrice: 0,
    liquidatorProfit: 0,
    unprofitableLiquidations: 0,
    converged: false,
  };
}
