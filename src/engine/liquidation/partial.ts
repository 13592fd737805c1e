import type { Mechanism } from './mechanism.js';

/** Repays closeFactor of the debt per round and leaves the position open with the rest. */
export const partialLiquidation = (closeFactor: number): Mechanism => ({
  cap: (debt) => closeFactor * debt,
  closesPosition: false,
});
