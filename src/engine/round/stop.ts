import type { Phase, RoundContext } from './context.js';
import { externalPriceAt } from './market.js';
import type { CascadeState } from './state.js';

/** Relative tolerance within which the oracle price counts as equal to the venue price. */
export const CONVERGENCE_TOLERANCE = 1e-9;

/**
 * 9. Stop? The cascade has converged once a round liquidated, sold and skipped nothing, no auction runs,
 * the oracle agrees with the venue (or is held at its floor), a path has ended, the attack is over and
 * the venues agree.
 */
export const stopTest: Phase = {
  name: 'stop test',
  run(state, round) {
    const attacker = state.scenario.attacker;
    const { oraclePrice, startPrice } = round;
    round.converged =
      round.liquidated === 0 &&
      round.trade === 0 &&
      (round.perps?.liquidations ?? 0) === 0 &&
      round.skippedForCapital === 0 &&
      round.waitingForHole === 0 &&
      (state.auctions?.active ?? 0) === 0 &&
      (Math.abs(oraclePrice - startPrice) <= CONVERGENCE_TOLERANCE * startPrice ||
        heldAtFloor(state, oraclePrice, startPrice)) &&
      pathSettled(state, round) &&
      round.round >= Math.max(attacker?.round ?? 0, attacker?.unwindRound ?? 0, attacker?.borrowRound ?? 0) &&
      venuesAgree(state);
  },
};

/**
 * The oracle reports its floor while the market trades at or below it, and every start price it may
 * still read (a lagged oracle's delay, a TWAP's window) is at or below the floor too: it will keep
 * reporting the floor whatever the market does, so, with nothing else moving, no later round differs.
 */
function heldAtFloor(state: CascadeState, oraclePrice: number, startPrice: number): boolean {
  const { oracle } = state.scenario;
  if (oracle.floor === undefined || oraclePrice !== oracle.floor || startPrice > oracle.floor) return false;
  const memory = oracle.model === 'lagged' ? oracle.delay : oracle.model === 'twap' ? oracle.window : 0;
  const prices = state.startPrices;
  for (let k = Math.max(0, prices.length - 1 - memory); k < prices.length; k++)
    if (prices[k]! > oracle.floor) return false;
  // A time-weighted TWAP also reads the prices after each round's sale.
  if (oracle.model === 'twap' && oracle.sampling === 'time-weighted') {
    const ends = state.endPrices;
    for (let k = Math.max(0, ends.length - 1 - memory); k < ends.length; k++)
      if (ends[k]! > oracle.floor) return false;
  }
  return memory < prices.length || state.scenario.asset.price <= oracle.floor;
}

/** With a price path, convergence also needs the path to have ended and the venue to have reached it. */
function pathSettled(state: CascadeState, { round, startPrice }: RoundContext): boolean {
  const path = state.scenario.path;
  if (!path) return true;
  const external = externalPriceAt(state.scenario, round);
  return round >= path.prices.length && Math.abs(startPrice - external) <= CONVERGENCE_TOLERANCE * external;
}

/** With several venues, convergence also needs their prices within the tolerance of each other. */
function venuesAgree(state: CascadeState): boolean {
  if (state.venues.length < 2) return true;
  const prices = state.venues.map((v) => v.price);
  const high = Math.max(...prices);
  return high - Math.min(...prices) <= CONVERGENCE_TOLERANCE * high;
}
