import { externalPriceAt } from './cascade.js';
import type { CascadeRun } from './run.js';
import { shockTo, troughOf } from './trough.js';

/** The run's summary in the round contract's terms. Sums are over the run. */
export interface Summary {
  readonly initialPrice: number;
  readonly finalPrice: number;
  readonly minPrice: number;
  /** The shock as a fraction, like `shock.pct` (0.08 is 8%); with a price path, the path's fall to the last round. */
  readonly shockPct: number;
  /** 1 - finalPrice / initialPrice, a fraction. */
  readonly drawdownPct: number;
  /** drawdownPct / shockPct; null when the shock is 0. */
  readonly amplification: number | null;
  /** The highest venue price seen (a short squeeze's peak). */
  readonly maxPrice: number;
  readonly positions: number;
  /** Distinct positions liquidated at least once. */
  readonly positionsLiquidated: number;
  readonly collateralSold: number;
  readonly debtRepaid: number;
  readonly badDebt: number;
  /** The number of the last round run. */
  readonly rounds: number;
  readonly converged: boolean;
  /** Extras beyond the contract. */
  readonly collateralReturned: number;
  readonly saleProceeds: number;
  /** The last round in which insolvency was still being worked off (a liquidation, a skip, a queued sale); 0 if none. */
  readonly resolvedAtRound: number;
  /** Debt of liquidatable positions still open and under water after the last round. */
  readonly unresolvedDebt: number;
  /** Liquidations liquidators declined, summed over rounds (a position counts once per round). */
  readonly skippedLiquidations: number;
  /** The most seized collateral waiting in the sale queue after any round. */
  readonly maxQueued: number;
  /** Perpetuals (zero without them): the fund at the end, its fees and payouts, ADL and uncovered losses. */
  readonly insuranceFund: number;
  readonly fundFees: number;
  readonly fundDrawn: number;
  readonly deleveraged: number;
  readonly adlCovered: number;
  readonly uncoveredLoss: number;
  /** Notional closed by perpetual liquidations (quantity · oracle price), and the share of it that was longs (0 without any). */
  readonly perpLiquidatedNotional: number;
  readonly perpLongShare: number;
  /**
   * What the perpetuals' venue fills fetched short of their value at the oracle price, summed; booked only
   * when `perpFill` is "venue" (with "oracle" it is what the model leaves unbooked); null without perpetuals.
   */
  readonly perpSlippage: number;
  readonly perpFill: 'venue' | 'oracle' | null;
  /** Profit auto-deleveraging took beyond what the fund could not cover (whole-position policies). */
  readonly adlOvershoot: number;
  /** The backstop vault (zero without one): positions taken, their notional at P, its equity at the end. */
  readonly backstopTaken: number;
  readonly backstopNotional: number;
  readonly backstopEquity: number;
  /** Auctions won by a bid of zero (`auction.zeroBids`), their share of the positions liquidated, and the collateral's value at the oracle price. */
  readonly auctionsWonForZero: number;
  readonly zeroBidShare: number;
  readonly valueWonForZero: number;
  /** Auctions: keeper incentives paid (`tip`, `chip`), penalty income, and the most positions waiting for the hole at once. */
  readonly keeperIncentives: number;
  readonly penaltyIncome: number;
  readonly maxWaitingForHole: number;
  /**
   * The protocol's books netted as Maker's Vow nets them: vowDeficit = max(0, badDebt + keeperIncentives −
   * penaltyIncome), vowSurplus = max(0, penaltyIncome − badDebt − keeperIncentives).
   */
  readonly vowDeficit: number;
  readonly vowSurplus: number;
  /** The liquidators' profit over the run (their seizures at the round's sale price, less debt repaid and gas), and how many liquidations lost money. */
  readonly liquidatorProfit: number;
  readonly unprofitableLiquidations: number;
  /** Liquidations filled partly for lack of capital (`liquidators.partialFills`). */
  readonly partialFills: number;
  /**
   * The debt of positions still open and under water at the end less their collateral at the venue's last
   * price: Σ max(0, debt − collateral · P) over open positions. A loss not yet booked as bad debt, valued
   * at what selling the collateral would fetch, not at the oracle's reading: a floored or lagging oracle
   * may call such a loan healthy (LUNA's $0.107 floor over a $0.01 market).
   */
  readonly shortfall: number;
  /** badDebt + shortfall. */
  readonly totalLoss: number;
  /** The lowest venue price after a round's sale, the first round it was reached, and the drawdown there. */
  readonly troughPrice: number;
  readonly troughRound: number;
  readonly troughDrawdownPct: number;
  /** troughDrawdownPct over the shock to the trough round (a path's own fall to that round); null when that is 0. */
  readonly troughAmplification: number | null;
  /** The attack, when the preset has an attacker (null otherwise). */
  readonly attack: AttackSummary | null;
}

export interface AttackSummary {
  /** Quote spent moving the price, net of what unwinding the trade brought back. */
  readonly cost: number;
  readonly borrowed: number;
  /**
   * borrowed − cost + held · ext(last) − collateral · ext(borrowRound): what the attacker walks away with,
   * above what it put in. The collateral costs the outside price in the round it is pledged (p0 without a
   * path or shock); units of the trade not unwound by the end are valued at the last round's outside price.
   */
  readonly profit: number;
  /** Bad debt the attacker's position left: realised in its liquidation, or still open and under water. */
  readonly badDebt: number;
}

/** Reads the summary off a run; it never changes the run. */
export function summarize(run: CascadeRun): Summary {
  const initialPrice = run.scenario.asset.price;
  let minPrice = initialPrice;
  let maxPrice = initialPrice;
  let collateralSold = 0;
  let debtRepaid = 0;
  let badDebt = 0;
  let collateralReturned = 0;
  let saleProceeds = 0;
  let resolvedAtRound = 0;
  let skippedLiquidations = 0;
  let maxQueued = 0;
  let queuedBefore = 0;
  let fundFees = 0;
  let fundDrawn = 0;
  let deleveraged = 0;
  let adlCovered = 0;
  let uncoveredLoss = 0;
  let perpNotional = 0;
  let perpLongNotional = 0;
  let wonForZero = 0;
  let valueWonForZero = 0;
  let keeperIncentives = 0;
  let penaltyIncome = 0;
  let maxWaitingForHole = 0;
  let perpSlippage = 0;
  let adlOvershoot = 0;
  let backstopTaken = 0;
  let backstopNotional = 0;
  let liquidatorProfit = 0;
  let unprofitableLiquidations = 0;
  let partialFills = 0;
  for (const r of run.rounds) {
    keeperIncentives += r.keeperIncentives;
    penaltyIncome += r.penaltyIncome;
    maxWaitingForHole = Math.max(maxWaitingForHole, r.waitingForHole);
    perpSlippage += r.perpSlippage;
    adlOvershoot += r.adlOvershoot;
    backstopTaken += r.backstopTaken;
    backstopNotional += r.backstopNotional;
    liquidatorProfit += r.liquidatorProfit;
    unprofitableLiquidations += r.unprofitableLiquidations;
    partialFills += r.partialFills;
    wonForZero += r.wonForZero;
    valueWonForZero += r.valueWonForZero;
    perpNotional += r.perpNotional;
    perpLongNotional += r.perpLongNotional;
    fundFees += r.fundFees;
    fundDrawn += r.fundDrawn;
    deleveraged += r.deleveraged;
    adlCovered += r.adlCovered;
    uncoveredLoss += r.uncoveredLoss;
    const skipped = r.skippedForCapital + r.skippedUnprofitable;
    if (r.liquidations > 0 || r.collateralSold > 0 || skipped > 0 || queuedBefore > 0 || r.auctions > 0) {
      resolvedAtRound = r.round;
    }
    skippedLiquidations += skipped;
    maxQueued = Math.max(maxQueued, r.queued);
    queuedBefore = r.queued;
    minPrice = Math.min(minPrice, r.startPrice, r.price);
    maxPrice = Math.max(maxPrice, r.startPrice, r.price);
    collateralSold += r.collateralSold;
    debtRepaid += r.debtRepaid;
    badDebt += r.badDebt;
    collateralReturned += r.collateralReturned;
    saleProceeds += r.saleProceeds;
  }
  const last = run.rounds.at(-1);
  const finalPrice = last ? last.price : initialPrice;
  const shockPct = shockTo(run.scenario, last ? last.round : 0);
  const drawdownPct = 1 - finalPrice / initialPrice;
  const vowNet = badDebt + keeperIncentives - penaltyIncome;
  const shortfall = last ? shortfallAt(run, finalPrice) : 0;
  return {
    initialPrice,
    finalPrice,
    minPrice,
    shockPct,
    drawdownPct,
    // On the way up (a squeeze along a rising path) both are negative and the ratio reads the same way.
    amplification: shockPct !== 0 ? drawdownPct / shockPct : null,
    maxPrice,
    positions: run.book.count + (run.perps?.count ?? 0),
    positionsLiquidated: run.book.liquidatedCount + (run.perps?.liquidatedCount ?? 0),
    collateralSold,
    debtRepaid,
    badDebt,
    rounds: last ? last.round : 0,
    converged: run.converged,
    collateralReturned,
    saleProceeds,
    resolvedAtRound,
    unresolvedDebt: last ? last.underwaterDebt : 0,
    skippedLiquidations,
    maxQueued,
    insuranceFund: last ? last.insuranceFund : (run.scenario.perps?.insuranceFund ?? 0),
    fundFees,
    fundDrawn,
    deleveraged,
    adlCovered,
    uncoveredLoss,
    perpLiquidatedNotional: perpNotional,
    perpLongShare: perpNotional > 0 ? perpLongNotional / perpNotional : 0,
    perpSlippage,
    perpFill: run.scenario.perps ? (run.scenario.perps.fill ?? 'oracle') : null,
    adlOvershoot,
    backstopTaken,
    backstopNotional,
    backstopEquity: last ? last.backstopEquity : (run.scenario.perps?.backstop?.capital ?? 0),
    auctionsWonForZero: wonForZero,
    zeroBidShare: run.book.liquidatedCount > 0 ? wonForZero / run.book.liquidatedCount : 0,
    valueWonForZero,
    keeperIncentives,
    penaltyIncome,
    maxWaitingForHole,
    vowDeficit: Math.max(0, vowNet),
    vowSurplus: Math.max(0, -vowNet),
    liquidatorProfit,
    unprofitableLiquidations,
    partialFills,
    shortfall,
    totalLoss: badDebt + shortfall,
    ...troughOf(run.scenario, run.rounds),
    attack: attackSummary(run, finalPrice),
  };
}

/** Σ max(0, debt − collateral · P) over the positions still open. */
function shortfallAt(run: CascadeRun, price: number): number {
  const { open, debt, collateral, count } = run.book;
  let shortfall = 0;
  for (let i = 0; i < count; i++) {
    if (open[i] === 0) continue;
    const gap = debt[i]! - collateral[i]! * price;
    if (gap > 0) shortfall += gap;
  }
  return shortfall;
}

function attackSummary(run: CascadeRun, finalPrice: number): AttackSummary | null {
  const attacker = run.scenario.attacker;
  if (!attacker || !run.attack) return null;
  const index = run.book.count - 1;
  const open = run.book.open[index]
    ? Math.max(0, run.book.debt[index]! - run.book.collateral[index]! * finalPrice)
    : 0;
  const lastRound = run.rounds.at(-1)?.round ?? 0;
  // The collateral's cost basis: the outside market's price in the round it is pledged (its borrow round).
  const collateralCost =
    attacker.collateral * externalPriceAt(run.scenario, attacker.borrowRound ?? attacker.round);
  let profit = run.attack.borrowed - run.attack.cost - collateralCost;
  // A trade still held at the end (never unwound) is worth its units at the last round's outside price.
  const unwound = attacker.unwindRound !== undefined && attacker.unwindRound <= lastRound;
  if (attacker.round <= lastRound && !unwound) {
    profit += attacker.trade * externalPriceAt(run.scenario, lastRound);
  }
  return {
    cost: run.attack.cost,
    borrowed: run.attack.borrowed,
    profit,
    badDebt: run.attack.badDebt + open,
  };
}
