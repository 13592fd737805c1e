import type { Oracle } from './oracle.js';

/**
 * A deviation-and-heartbeat feed (Chainlink style): it reports the last value it published, and publishes
 * the current price S(r) when that differs from the last value by more than `deviation` (a fraction) or
 * when `heartbeat` rounds have passed since the last update. It starts published at p0 in round 0.
 */
export const feedOracle = (deviation: number, heartbeat: number): Oracle => {
  let published: number | undefined;
  let updatedAt = 0;
  return (prices, round) => {
    published ??= prices.at(0);
    const current = prices.at(round);
    if (Math.abs(current - published) > deviation * published || round - updatedAt >= heartbeat) {
      published = current;
      updatedAt = round;
    }
    return published;
  };
};
