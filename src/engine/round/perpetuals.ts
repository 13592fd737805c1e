import { liquidatePerps } from '../perps/liquidate.js';
import type { Phase } from './context.js';

/** 7. Perpetuals: liquidations at the oracle price, the insurance fund, auto-deleveraging. */
export const perpetuals: Phase = {
  name: 'perpetuals',
  run(state, round) {
    if (!state.perps) return;
    const perps = liquidatePerps(
      state.perps,
      state.scenario.perps!,
      round.oraclePrice,
      state.fund,
      state.recordEvents,
    );
    state.fund = perps.fund;
    round.perps = perps;
  },
};
