import type { Oracle } from './oracle.js';

/** Reads the mean of S(r - window + 1) ... S(r), summed oldest first. */
export const twapOracle =
  (window: number): Oracle =>
  (prices, round) => {
    let sum = 0;
    for (let r = round - window + 1; r <= round; r++) sum += prices.at(r);
    return sum / window;
  };
