import type { Oracle } from './oracle.js';

/** Reads S(r - delay): a feed that reports what the venue showed `delay` rounds ago. */
export const laggedOracle =
  (delay: number): Oracle =>
  (prices, round) =>
    prices.at(round - delay);
