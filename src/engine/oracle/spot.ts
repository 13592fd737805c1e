import type { Oracle } from './oracle.js';

/** Reads the venue's start-of-round price S(r). */
export const spotOracle = (): Oracle => (prices, round) => prices.at(round);
