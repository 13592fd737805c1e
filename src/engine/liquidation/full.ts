import type { Mechanism } from './mechanism.js';

/** Repays the whole debt at once and closes the position; leftover collateral goes back to the owner. */
export const fullLiquidation = (): Mechanism => ({
  cap: (debt) => debt,
  closesPosition: true,
});
