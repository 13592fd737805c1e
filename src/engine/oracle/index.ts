import type { OracleSpec } from '../types.js';
import { feedOracle } from './feed.js';
import { laggedOracle } from './lagged.js';
import type { Oracle } from './oracle.js';
import { spotOracle } from './spot.js';
import { twapOracle } from './twap.js';

export type { Oracle, StartPrices } from './oracle.js';

/**
 * Builds the oracle a preset's `oracle` field describes, for one run: a feed remembers what it published,
 * so each cascade gets its own, read once per round in order.
 */
export function createOracle(spec: OracleSpec): Oracle {
  const model = baseOracle(spec);
  const { maxChange } = spec;
  if (maxChange === undefined) return model;
  let last: number | undefined;
  // The circuit breaker: the reported price moves at most maxChange from the last reported one.
  return (prices, round) => {
    last ??= prices.at(0);
    const raw = model(prices, round);
    last = Math.min(last * (1 + maxChange), Math.max(last * (1 - maxChange), raw));
    return last;
  };
}

function baseOracle(spec: OracleSpec): Oracle {
  switch (spec.model) {
    case 'spot':
      return spotOracle();
    case 'twap':
      return twapOracle(spec.window);
    case 'lagged':
      return laggedOracle(spec.delay);
    case 'feed':
      return feedOracle(spec.deviation, spec.heartbeat);
  }
}
