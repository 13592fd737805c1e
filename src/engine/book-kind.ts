import type { Scenario } from './types.js';

/**
 * Whether a scenario lends at all: positions, a generated book or an attacker's loan. A book of
 * perpetuals only leaves every lending figure (bad debt, collateral sold, debt repaid) at zero, and a
 * zero there would read as an outcome, so `run`, `compare`, the header, the log and the what-if panel
 * leave the loans' figures and levers out for it.
 */
export function hasLending(scenario: Pick<Scenario, 'positions' | 'generate' | 'attacker'>): boolean {
  return (
    (scenario.positions?.length ?? 0) > 0 ||
    (scenario.generate?.count ?? 0) > 0 ||
    scenario.attacker !== undefined
  );
}
