import { arbitrage as arbitrageVenues } from '../market/index.js';
import type { Scenario } from '../types.js';
import type { Phase } from './context.js';

/**
 * 1. The exogenous move on every venue: the shock in round 1, recovery towards the outside price after it
 * (or, with a path, `follow` of the way to the path's price every round).
 */
export const exogenousMove: Phase = {
  name: 'exogenous move',
  run(state, { round }) {
    const { scenario } = state;
    state.venues = state.venues.map((venue) => {
      const target = exogenousTarget(scenario, round, venue.price);
      return target !== venue.price ? venue.moveTo(target) : venue;
    });
  },
};

/** 2. Arbitrage between venues closes part of the gaps the last round's sale opened. */
export const arbitrage: Phase = {
  name: 'arbitrage',
  run(state, round) {
    const arbitraged = arbitrageVenues(state.venues, state.scenario.arbitrage?.rate ?? 0);
    state.venues = arbitraged.venues;
    round.arbitrageVolume = arbitraged.volume;
  },
};

function exogenousTarget(scenario: Scenario, round: number, price: number): number {
  const external = externalPriceAt(scenario, round);
  const path = scenario.path;
  if (path) return price + (path.follow ?? 1) * (external - price);
  if (round === 1) return external;
  return price + scenario.market.recovery * (external - price);
}

/**
 * The outside price in `round` (p0 for round 0): a path's price scaled by 1 − pct, or p0 · (1 − pct)
 * without a path. A path holds its last price after it ends.
 */
export function externalPriceAt(scenario: Scenario, round: number): number {
  const { price } = scenario.asset;
  const scale = 1 - scenario.shock.pct;
  const prices = scenario.path?.prices;
  if (!prices) return round <= 0 ? price : price * scale;
  if (round <= 0) return price;
  return prices[Math.min(round, prices.length) - 1]! * scale;
}
