import type { Phase, RoundContext } from './context.js';
import { oracleVenuesPrice } from './oracle.js';
import type { CascadeState } from './state.js';

/**
 * 8. The seized collateral joins the queue; up to the per-round cap of it is sold as one batch, together
 * with what the perpetuals' liquidation engine sells (or, net, buys).
 */
export const sale: Phase = {
  name: 'sale',
  run(state, round) {
    const venue = state.sellingVenue;
    const batch = lendingBatch(state, round);
    state.queued += round.collateralSold;
    const trade = batch + (round.perps?.netSold ?? 0);
    const sold = trade >= 0 ? venue.sell(trade) : { venue: venue.shift(trade), proceeds: 0 };
    state.queued = batch === state.queued ? 0 : state.queued - batch;
    state.venues[state.sellVenue] = sold.venue;
    round.batch = batch;
    round.trade = trade;
    round.saleProceeds = sold.proceeds;
    round.saleUnitPrice = trade > 0 ? sold.proceeds / trade : venue.price;
    // E(r), the price the oracle venues hold for the rest of the round (a time-weighted TWAP reads it).
    state.endPrices.push(oracleVenuesPrice(state));
  },
};

/** The lending collateral the round's sale sells: the queue with this round's seizures, up to the cap. */
export function lendingBatch(state: CascadeState, round: RoundContext): number {
  return Math.min(
    state.queued + round.collateralSold,
    state.scenario.liquidation.maxSellPerRound ?? Infinity,
  );
}
