/** Sentences about a run's summary that the command line and the dashboard both print. Pure. */
import type { Scenario, Summary } from './engine/index.js';
import { formatAmount, formatCount } from './format.js';

/**
 * When the liquidators lost money over the run, how much net and on how many liquidations (those at a loss),
 * with the lever to try: "liquidators lost 26.24M USD on 8,904 liquidations — try liquidators.requireProfit".
 * Null when they did not lose money.
 */
export function liquidatorLossNote(summary: Summary, scenario: Scenario): string | null {
  if (!(summary.liquidatorProfit < 0)) return null;
  const lost = `liquidators lost ${formatAmount(-summary.liquidatorProfit, scenario.asset.quote)}`;
  const count = summary.unprofitableLiquidations;
  const on = count > 0 ? ` on ${formatCount(count)} liquidation${count === 1 ? '' : 's'}` : '';
  // With requireProfit on, each liquidation was expected to pay before the round's later sales moved the venue.
  const lever = scenario.liquidators?.requireProfit ? '' : ' — try liquidators.requireProfit';
  return `${lost}${on}${lever}`;
}
