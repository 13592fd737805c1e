import type { CascadeRun, RoundRecord, Summary } from '../engine/index.js';
import { summarize } from '../engine/index.js';
import { outputMeta } from './version.js';
import { checkRecord, noPredictionOf, type RecordCheck } from '../presets/index.js';

/**
 * A history preset's figures beside the model's: `within` is true, false, or null for an unmatched figure;
 * a figure with a `role` (and `fittedBy`) also says whether it is `reproduced` (predicted and within).
 */
function recordJson(checks: readonly RecordCheck[]) {
  return checks.map(({ figure, modelled, deviation, within, reproduced }) => ({
    ...figure,
    modelled,
    deviation,
    within,
    ...(figure.role !== undefined ? { reproduced } : {}),
  }));
}

/** One round as `liqloop run --json` prints it: the contract's fields first, then the extras. */
export function roundJson(r: RoundRecord) {
  return {
    round: r.round,
    oraclePrice: r.oraclePrice,
    price: r.price,
    liquidations: r.liquidations,
    collateralSold: r.collateralSold,
    debtRepaid: r.debtRepaid,
    badDebt: r.badDebt,
    startPrice: r.startPrice,
    collateralReturned: r.collateralReturned,
    saleProceeds: r.saleProceeds,
    openPositions: r.openPositions,
    batchSold: r.batchSold,
    queued: r.queued,
    skippedForCapital: r.skippedForCapital,
    skippedUnprofitable: r.skippedUnprofitable,
    underwaterDebt: r.underwaterDebt,
    arbitrageVolume: r.arbitrageVolume,
    perpLiquidations: r.perpLiquidations,
    perpNotional: r.perpNotional,
    perpLongNotional: r.perpLongNotional,
    perpNetSold: r.perpNetSold,
    insuranceFund: r.insuranceFund,
    fundFees: r.fundFees,
    fundDrawn: r.fundDrawn,
    deleveraged: r.deleveraged,
    adlCovered: r.adlCovered,
    uncoveredLoss: r.uncoveredLoss,
    perpSlippage: r.perpSlippage,
    adlOvershoot: r.adlOvershoot,
    backstopTaken: r.backstopTaken,
    backstopNotional: r.backstopNotional,
    backstopEquity: r.backstopEquity,
    auctions: r.auctions,
    collateralInAuction: r.collateralInAuction,
    wonForZero: r.wonForZero,
    valueWonForZero: r.valueWonForZero,
    keeperIncentives: r.keeperIncentives,
    penaltyIncome: r.penaltyIncome,
    waitingForHole: r.waitingForHole,
    tabInAuction: r.tabInAuction,
    venuePrices: r.venuePrices,
    liquidatorProfit: r.liquidatorProfit,
    unprofitableLiquidations: r.unprofitableLiquidations,
    partialFills: r.partialFills,
  };
}

/** The summary as printed: the contract's fields in the contract's order, then the extras. */
export function summaryJson(s: Summary) {
  return {
    initialPrice: s.initialPrice,
    finalPrice: s.finalPrice,
    minPrice: s.minPrice,
    shockPct: s.shockPct,
    drawdownPct: s.drawdownPct,
    amplification: s.amplification,
    positions: s.positions,
    positionsLiquidated: s.positionsLiquidated,
    collateralSold: s.collateralSold,
    debtRepaid: s.debtRepaid,
    badDebt: s.badDebt,
    rounds: s.rounds,
    converged: s.converged,
    collateralReturned: s.collateralReturned,
    saleProceeds: s.saleProceeds,
    resolvedAtRound: s.resolvedAtRound,
    unresolvedDebt: s.unresolvedDebt,
    skippedLiquidations: s.skippedLiquidations,
    maxQueued: s.maxQueued,
    maxPrice: s.maxPrice,
    insuranceFund: s.insuranceFund,
    fundFees: s.fundFees,
    fundDrawn: s.fundDrawn,
    deleveraged: s.deleveraged,
    adlCovered: s.adlCovered,
    uncoveredLoss: s.uncoveredLoss,
    perpLiquidatedNotional: s.perpLiquidatedNotional,
    perpLongShare: s.perpLongShare,
    perpSlippage: s.perpSlippage,
    perpFill: s.perpFill,
    adlOvershoot: s.adlOvershoot,
    backstopTaken: s.backstopTaken,
    backstopNotional: s.backstopNotional,
    backstopEquity: s.backstopEquity,
    auctionsWonForZero: s.auctionsWonForZero,
    zeroBidShare: s.zeroBidShare,
    valueWonForZero: s.valueWonForZero,
    keeperIncentives: s.keeperIncentives,
    penaltyIncome: s.penaltyIncome,
    maxWaitingForHole: s.maxWaitingForHole,
    vowDeficit: s.vowDeficit,
    vowSurplus: s.vowSurplus,
    attack: s.attack,
    liquidatorProfit: s.liquidatorProfit,
    unprofitableLiquidations: s.unprofitableLiquidations,
    partialFills: s.partialFills,
    shortfall: s.shortfall,
    totalLoss: s.totalLoss,
    troughPrice: s.troughPrice,
    troughRound: s.troughRound,
    troughDrawdownPct: s.troughDrawdownPct,
    troughAmplification: s.troughAmplification,
  };
}

/** The object `liqloop run --json` prints; `presetId` is the preset's id (null from stdin). */
export function runJson(run: CascadeRun, presetId: string | null) {
  const summary = summarize(run);
  return {
    preset: run.scenario.name,
    // How long a round stands for, as the preset writes it ("1 hour"), when it gives one.
    ...(run.scenario.roundLength !== undefined ? { roundLength: run.scenario.roundLength } : {}),
    rounds: run.rounds.map(roundJson),
    summary: summaryJson(summary),
    ...(run.scenario.record?.length ? { record: recordJson(checkRecord(summary, run.scenario.record)) } : {}),
    ...(noPredictionOf(run.scenario) !== undefined ? { noPrediction: noPredictionOf(run.scenario) } : {}),
    ...outputMeta(presetId),
  };
}
