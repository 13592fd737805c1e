// Bad input in the liquidator-economics and TWAP-sampling fields (liquidators.gasCost, partialFills, recycle;
// oracle.sampling, oracle.mean), through `liqloop validate FILE`: exit 1, the file and the field named, what
// was expected and what was found, and no stack trace.
import { describe, it } from 'vitest';
import { expectOneProblem } from '../helpers/cli.js';

const valid = {
  name: 'economics bad-input base',
  description: 'A valid preset that each case below breaks in one place.',
  asset: { symbol: 'ETH', quote: 'USD', price: 2000 },
  market: { model: 'constant-product', depth2pct: 1e6 },
  oracle: { model: 'spot' },
  liquidation: { mechanism: 'full', bonus: 0.05, threshold: 0.8 },
  shock: { pct: 0.1 },
  positions: [{ id: 'a', collateral: 10, debt: 15000 }],
};

type Edit = (preset: Record<string, any>) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

const cases: { what: string; edit: Edit; path: string; message: string }[] = [
  {
    what: 'a negative gas cost',
    edit: (p) => (p.liquidators = { gasCost: -5 }),
    path: 'liquidators.gasCost',
    message: 'expected a finite number >= 0 (quote per liquidation), got -5',
  },
  {
    what: 'a gas cost as a word',
    edit: (p) => (p.liquidators = { gasCost: 'cheap' }),
    path: 'liquidators.gasCost',
    message: 'expected a finite number >= 0 (quote per liquidation), got "cheap"',
  },
  {
    what: 'partialFills as a string',
    edit: (p) => (p.liquidators = { capital: 1e6, partialFills: 'yes' }),
    path: 'liquidators.partialFills',
    message: 'expected true or false, got "yes"',
  },
  {
    what: 'recycle as a number',
    edit: (p) => (p.liquidators = { capital: 1e6, recycle: 1 }),
    path: 'liquidators.recycle',
    message: 'expected true or false, got 1',
  },
  {
    what: 'recycle without a capital to recycle',
    edit: (p) => (p.liquidators = { recycle: true }),
    path: 'liquidators.recycle',
    message:
      'expected capital beside it: recycle makes liquidators.capital a stock, so it needs a capital to start from',
  },
  {
    what: 'an unknown TWAP sampling',
    edit: (p) => (p.oracle = { model: 'twap', window: 3, sampling: 'twa' }),
    path: 'oracle.sampling',
    message: 'expected one of "start", "time-weighted", got "twa"',
  },
  {
    what: 'a TWAP mean as a number',
    edit: (p) => (p.oracle = { model: 'twap', window: 3, mean: 2 }),
    path: 'oracle.mean',
    message: 'expected one of "arithmetic", "geometric", got 2',
  },
  {
    what: 'sampling on an oracle that is not a TWAP',
    edit: (p) => (p.oracle = { model: 'spot', sampling: 'time-weighted' }),
    path: 'oracle.sampling',
    message: 'not a field of this oracle with its present "model"',
  },
];

describe('liqloop validate names bad liquidator-economics and TWAP-sampling fields', () => {
  for (const c of cases) {
    it(c.what, () => {
      const preset = structuredClone(valid) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      c.edit(preset);
      expectOneProblem(preset, c.path, c.message);
    });
  }
});
