import type { PerpsSpec, Scenario } from '../../src/engine/index.js';
import { scenario } from './scenario.js';

/**
 * A perpetuals-only scenario for the auto-deleveraging tests: ETH at $2,000 on a deep order book without
 * fee or recovery, a 10% shock, no lending positions, no insurance fund and no liquidation fee.
 */
export function perpScenario(perps: Partial<PerpsSpec>, overrides: Partial<Scenario> = {}): Scenario {
  return scenario({
    asset: { symbol: 'ETH', quote: 'USD', price: 2000 },
    market: { model: 'orderbook', depth2pct: 1e9, fee: 0, recovery: 0 },
    shock: { pct: 0.1 },
    positions: [],
    perps: {
      insuranceFund: 0,
      liquidationFee: 0,
      maintenance: 0.01,
      sliceFraction: 0.2,
      positions: [],
      ...perps,
    },
    ...overrides,
  });
}
