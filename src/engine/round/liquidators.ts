import type { Phase } from './context.js';

/**
 * 8'. The liquidators' books once the sale has priced their seizures: each liquidation's profit is
 * seized · u − repaid − gasCost, u being what a unit fetched in the round's sale; an auction's bidders
 * make bought · u − paid. With `liquidators.recycle` the round's profit carries into the next round's capital.
 */
export const liquidatorBooks: Phase = {
  name: 'liquidator books',
  run(state, round) {
    const liquidators = state.scenario.liquidators;
    const gasCost = liquidators?.gasCost ?? 0;
    const u = round.saleUnitPrice;
    if (state.auctions) {
      round.liquidatorProfit = round.auctionBought * u - round.auctionRaised;
    } else {
      round.liquidatorProfit = round.collateralSold * u - round.debtRepaid - gasCost * round.liquidated;
      round.unprofitableLiquidations = state.ledger.unprofitable(u, gasCost);
    }
    if (liquidators?.recycle)
      state.liquidatorCapital = Math.max(0, round.capitalAtStart + round.liquidatorProfit);
  },
};
