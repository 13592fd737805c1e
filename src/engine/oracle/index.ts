import type { OracleSpec } from '../types.js';
import { feedOracle } from './feed.js';
import { laggedOracle } from './lagged.js';
import type { Oracle } from './oracle.js';
import { spotOracle } from './spot.js';
import { twapOracle } from './twap.js';

export type { Oracle, StartPrices } from './oracle.js';

/**
 * Builds the oracle a preset's `oracle` field describes, for one run: a feed remembers what it published,
 * so each cascade gets its own, read once per round in order. The model reads first, then the circuit
 * breaker (`maxChange`) clamps it, then the floor lifts it; the breaker remembers the price reported.
 */
export function createOracle(spec: OracleSpec): Oracle {
  const model = baseOracle(spec);
  const { maxChange, floor } = spec;
  if (maxChange === undefined && floor === undefined) return model;
  let last: number | undefined;
  return (prices, round) => {
    last ??= prices.at(0);
    let price = model(prices, round);
    // The circuit breaker: the reported price moves at most maxChange from the last reported one.
    if (maxChange !== undefined) {
      price = Math.min(last * (1 + maxChange), Math.max(last * (1 - maxChange), price));
    }
    // The floor: below it the oracle keeps reporting the floor, whatever the market does.
    if (floor !== undefined) price = Math.max(price, floor);
    last = price;
    return price;
  };
}

function baseOracle(spec: OracleSpec): Oracle {
  switch (spec.model) {
    case 'spot':
      return spotOracle();
    case 'twap':
      return twapOracle(spec.window, spec.sampling, spec.mean);
    case 'lagged':
      return laggedOracle(spec.delay);
    case 'feed':
      return feedOracle(spec.deviation, spec.heartbeat);
  }
}
