import type { LiquidationSpec } from '../types.js';
import { fullLiquidation } from './full.js';
import type { Mechanism } from './mechanism.js';
import { partialLiquidation } from './partial.js';

export type { Liquidation, Mechanism } from './mechanism.js';
export { liquidate, liquidateInto, scratch, type MutableLiquidation } from './mechanism.js';

/** Builds the mechanism a preset's `liquidation` field describes. */
export function createMechanism(spec: LiquidationSpec): Mechanism {
  switch (spec.mechanism) {
    case 'full':
    case 'auction': // an auction takes the whole position: its kick is a full liquidation with nothing repaid yet
      return fullLiquidation();
    case 'partial':
      if (spec.closeFactor === undefined) throw new Error('partial liquidation needs a closeFactor');
      return partialLiquidation(spec.closeFactor, spec.fullBelowHealth);
  }
}
export { AuctionHouse, affordable, type AuctionRound, type AuctionSpec } from './auction.js';
