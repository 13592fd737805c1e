import { liquidatePerps } from '../perps/liquidate.js';
import type { Phase } from './context.js';
import { lendingBatch } from './sale.js';

/**
 * 7. Perpetuals: the backstop vault, liquidations, the insurance fund, auto-deleveraging. Their fills take
 * their place in the round's trade after the lending batch (README, "Perpetual futures").
 */
export const perpetuals: Phase = {
  name: 'perpetuals',
  run(state, round) {
    if (!state.perps) return;
    const perps = liquidatePerps(
      state.perps,
      state.scenario.perps!,
      round.oraclePrice,
      state.fund,
      { venue: state.sellingVenue, bound: lendingBatch(state, round) },
      state.vault,
      state.recordEvents,
    );
    state.fund = perps.fund;
    round.perps = perps;
  },
};
