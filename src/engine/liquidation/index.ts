import type { LiquidationSpec } from '../types.js';
import { fullLiquidation } from './full.js';
import type { Mechanism } from './mechanism.js';
import { partialLiquidation } from './partial.js';

export type { Liquidation, Mechanism } from './mechanism.js';
export { liquidate } from './mechanism.js';

/** Builds the mechanism a preset's `liquidation` field describes. */
export function createMechanism(spec: LiquidationSpec): Mechanism {
  switch (spec.mechanism) {
    case 'full':
      return fullLiquidation();
    case 'partial':
      if (spec.closeFactor === undefined) throw new Error('partial liquidation needs a closeFactor');
      return partialLiquidation(spec.closeFactor, spec.fullBelowHealth);
  }
}
