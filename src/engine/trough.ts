import { externalPriceAt } from './round/index.js';
import type { RoundRecord, Scenario } from './types.js';

/** The lowest venue price after a sale over some rounds, and what it means beside the exogenous move. */
export interface Trough {
  /** The lowest `price` of the rounds (p0 when there are none). */
  readonly troughPrice: number;
  /** The first round it was reached (0 when there are no rounds). */
  readonly troughRound: number;
  /** 1 − troughPrice / p0. */
  readonly troughDrawdownPct: number;
  /** troughDrawdownPct over the exogenous move to the trough round; null when that move is 0. */
  readonly troughAmplification: number | null;
}

/** The exogenous move to `round`: the shock, or with a price path the path's own drawdown to that round. */
export function shockTo(scenario: Scenario, round: number): number {
  return scenario.path ? 1 - externalPriceAt(scenario, round) / scenario.asset.price : scenario.shock.pct;
}

/**
 * The trough of `rounds` (a run's first rounds, or all of them): the summary's trough fields for the whole
 * run, and the dashboard's trough so far mid-run, from the same arithmetic.
 */
export function troughOf(scenario: Scenario, rounds: readonly RoundRecord[]): Trough {
  const initialPrice = scenario.asset.price;
  let troughPrice = Infinity;
  let troughRound = 0;
  for (const r of rounds) {
    if (r.price < troughPrice) {
      troughPrice = r.price;
      troughRound = r.round;
    }
  }
  if (rounds.length === 0) troughPrice = initialPrice;
  const troughDrawdownPct = 1 - troughPrice / initialPrice;
  const shock = shockTo(scenario, troughRound);
  return {
    troughPrice,
    troughRound,
    troughDrawdownPct,
    troughAmplification: shock !== 0 ? troughDrawdownPct / shock : null,
  };
}
