import type { OracleSpec } from '../types.js';
import { laggedOracle } from './lagged.js';
import type { Oracle } from './oracle.js';
import { spotOracle } from './spot.js';
import { twapOracle } from './twap.js';

export type { Oracle, StartPrices } from './oracle.js';

/** Builds the oracle a preset's `oracle` field describes. */
export function createOracle(spec: OracleSpec): Oracle {
  switch (spec.model) {
    case 'spot':
      return spotOracle();
    case 'twap':
      return twapOracle(spec.window);
    case 'lagged':
      return laggedOracle(spec.delay);
  }
}
