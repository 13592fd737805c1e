import type { StartPrices } from '../oracle/index.js';
import type { Phase } from './context.js';
import type { CascadeState } from './state.js';

/** 4. The start price S(r) (the oracle venues' median), then the oracle's reading P of the start prices. */
export const oracleRead: Phase = {
  name: 'oracle read',
  run(state, round) {
    const startPrice = oracleVenuesPrice(state);
    state.startPrices.push(startPrice);
    round.startPrice = startPrice;
    round.oraclePrice = state.oracle(startPriceReader(state), round.round);
  },
};

function startPriceReader(state: CascadeState): StartPrices {
  const p0 = state.scenario.asset.price;
  const prices = state.startPrices;
  const ends = state.endPrices;
  return {
    at: (round) => (round <= 0 ? p0 : prices[round - 1]!),
    endAt: (round) => (round <= 0 ? p0 : ends[round - 1]!),
  };
}

/** The oracle venues' median price now. */
export function oracleVenuesPrice(state: CascadeState): number {
  return median(state.oracleVenues.map((i) => state.venues[i]!.price));
}

/** The median of a few prices (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 1) return values[0]!;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
