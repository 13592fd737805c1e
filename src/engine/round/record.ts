import type { RoundRecord } from '../types.js';
import type { RoundContext } from './context.js';
import type { CascadeState } from './state.js';

/** The round's record in the contract's terms, read off its context once every phase has run. */
export function roundRecord(state: CascadeState, round: RoundContext): RoundRecord {
  const perps = round.perps;
  return {
    round: round.round,
    oraclePrice: round.oraclePrice,
    startPrice: round.startPrice,
    price: state.sellingVenue.price,
    liquidations: round.liquidated + (perps?.liquidations ?? 0),
    collateralSold: round.collateralSold,
    debtRepaid: round.debtRepaid,
    badDebt: round.badDebt,
    collateralReturned: round.collateralReturned,
    saleProceeds: round.saleProceeds,
    openPositions: state.book.openCount,
    batchSold: round.batch,
    queued: state.queued,
    skippedForCapital: round.skippedForCapital,
    skippedUnprofitable: round.skippedUnprofitable,
    underwaterDebt: round.underwaterDebt,
    liquidatorProfit: round.liquidatorProfit,
    unprofitableLiquidations: round.unprofitableLiquidations,
    partialFills: round.partialFills,
    arbitrageVolume: round.arbitrageVolume,
    perpLiquidations: perps?.liquidations ?? 0,
    perpNotional: perps?.notional ?? 0,
    perpLongNotional: perps?.longNotional ?? 0,
    insuranceFund: state.fund,
    fundDrawn: perps?.drawn ?? 0,
    fundFees: perps?.fees ?? 0,
    deleveraged: perps?.deleveraged ?? 0,
    adlCovered: perps?.adlCovered ?? 0,
    uncoveredLoss: perps?.uncovered ?? 0,
    perpNetSold: perps?.netSold ?? 0,
    perpSlippage: perps?.slippage ?? 0,
    adlOvershoot: perps?.overshoot ?? 0,
    backstopTaken: perps?.backstopTaken ?? 0,
    backstopNotional: perps?.backstopNotional ?? 0,
    backstopEquity: perps?.backstopEquity ?? (state.vault ? state.vault.equity(round.oraclePrice) : 0),
    auctions: state.auctions?.active ?? 0,
    collateralInAuction: state.auctions?.collateral ?? 0,
    wonForZero: round.wonForZero,
    valueWonForZero: round.valueWonForZero,
    keeperIncentives: round.keeperIncentives,
    penaltyIncome: round.penaltyIncome,
    waitingForHole: round.waitingForHole,
    tabInAuction: state.auctions?.tabInAuction ?? 0,
    venuePrices: state.venues.map((v) => v.price),
  };
}
