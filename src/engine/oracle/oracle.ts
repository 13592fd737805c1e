/**
 * The venue's start-of-round prices: S(r) for round r >= 1, and p0 for every r <= 0.
 * An oracle reads only these, so it cannot see a round's own sale until the next round.
 */
export interface StartPrices {
  at(round: number): number;
  /**
   * E(r): the oracle venues' price after round r's sale, for r >= 1 (p0 for r <= 0). Only a time-weighted
   * TWAP reads it, and only for rounds already over.
   */
  endAt?(round: number): number;
}

/** An oracle model: the price P it reports in `round`. */
export type Oracle = (prices: StartPrices, round: number) => number;
