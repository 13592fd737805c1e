import type { Mechanism } from './mechanism.js';

/**
 * Repays closeFactor of the debt per round and leaves the position open with the rest; at or below
 * `fullBelowHealth` (Aave v3: 0.95) the whole debt may be repaid at once.
 */
export const partialLiquidation = (closeFactor: number, fullBelowHealth = -Infinity): Mechanism => ({
  cap: (debt, healthFactor) => (healthFactor <= fullBelowHealth ? debt : closeFactor * debt),
  closesPosition: false,
});
