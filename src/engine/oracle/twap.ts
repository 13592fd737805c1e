import type { TwapMean, TwapSampling } from '../types.js';
import type { Oracle, StartPrices } from './oracle.js';

/**
 * A TWAP over `window` rounds. Sampling "start" averages S(r − W + 1) … S(r), summed oldest first.
 * Sampling "time-weighted" averages the prices the venue held over the last W rounds of time: in each
 * round k the start price S(k) holds for the first half, until the sale, and the price after it, E(k), for
 * the second; read at the start of round r, the window is rounds r − W … r − 1, so the reading is
 * (1 / 2W) · Σ (S(k) + E(k)) (a price that has held for no time yet, S(r), weighs nothing). A geometric
 * mean takes the same average of the prices' logarithms.
 */
export const twapOracle = (
  window: number,
  sampling: TwapSampling = 'start',
  mean: TwapMean = 'arithmetic',
): Oracle => {
  if (sampling === 'start') return mean === 'arithmetic' ? startArithmetic(window) : startGeometric(window);
  return timeWeighted(window, mean === 'geometric');
};

const startArithmetic =
  (window: number): Oracle =>
  (prices, round) => {
    let sum = 0;
    for (let r = round - window + 1; r <= round; r++) sum += prices.at(r);
    return sum / window;
  };

const startGeometric =
  (window: number): Oracle =>
  (prices, round) => {
    let sum = 0;
    for (let r = round - window + 1; r <= round; r++) sum += Math.log(prices.at(r));
    return Math.exp(sum / window);
  };

const timeWeighted =
  (window: number, geometric: boolean): Oracle =>
  (prices, round) => {
    const end = endReader(prices);
    let sum = 0;
    for (let k = round - window; k <= round - 1; k++) {
      const start = prices.at(k);
      const after = end(k);
      sum += geometric ? Math.log(start) + Math.log(after) : start + after;
    }
    const average = sum / (2 * window);
    return geometric ? Math.exp(average) : average;
  };

function endReader(prices: StartPrices): (round: number) => number {
  const endAt = prices.endAt;
  if (!endAt) throw new Error('a time-weighted TWAP needs the prices after each round');
  return (round) => endAt.call(prices, round);
}
