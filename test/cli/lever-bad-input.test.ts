// Bad input in the defence-lever fields of a preset (venues, arbitrage, oracle breaker and feed, sale cap,
// auctions, liquidators), through `liqloop validate FILE`: exit 1, the file and the field named, what was
// expected and what was found, and no stack trace.
import { describe, expect, it } from 'vitest';
import { liqloop, tempFile, expectOneProblem } from '../helpers/cli.js';

/** A valid preset with a second venue, "dex"; each case below breaks it in one place. */
const valid = {
  name: 'lever bad-input base',
  description: 'A valid preset with two venues that each case below breaks in one place.',
  asset: { symbol: 'ETH', quote: 'USD', price: 2000 },
  market: { model: 'constant-product', depth2pct: 1e6 },
  oracle: { model: 'spot' },
  liquidation: { mechanism: 'full', bonus: 0.05, threshold: 0.8 },
  shock: { pct: 0.1 },
  positions: [{ id: 'a', collateral: 10, debt: 15000 }],
  venues: [{ name: 'dex', model: 'orderbook', depth2pct: 5e5 }],
};

type Edit = (preset: Record<string, any>) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

const auction = { startAbove: 1.2, decay: 0.9, tail: 20, cusp: 0.5 };

const cases: { what: string; edit: Edit; path: string; message: string }[] = [
  {
    what: 'an unknown venue in liquidation.sellOn (a typo)',
    edit: (p) => (p.liquidation.sellOn = 'dexx'),
    path: 'liquidation.sellOn',
    message: 'expected one of the venues "main", "dex", got "dexx"; did you mean "dex"?',
  },
  {
    what: 'an unknown venue in liquidation.sellOn (nothing close)',
    edit: (p) => (p.liquidation.sellOn = 'binance'),
    path: 'liquidation.sellOn',
    message: 'expected one of the venues "main", "dex", got "binance"',
  },
  {
    what: 'an unknown venue in oracle.venues',
    edit: (p) => (p.oracle.venues = ['main', 'dexx']),
    path: 'oracle.venues[1]',
    message: 'expected one of the venues "main", "dex", got "dexx"; did you mean "dex"?',
  },
  {
    what: 'a venue name used twice',
    edit: (p) => p.venues.push({ name: 'dex', model: 'constant-product', depth2pct: 2e5 }),
    path: 'venues[1].name',
    message: 'expected a venue name not used before, got "dex"',
  },
  {
    what: 'a venue named like the main market',
    edit: (p) => (p.venues[0].name = 'main'),
    path: 'venues[0].name',
    message: 'expected a venue name not used before, got "main"',
  },
  {
    what: 'arbitrage.rate above 1',
    edit: (p) => (p.arbitrage = { rate: 1.5 }),
    path: 'arbitrage.rate',
    message: 'expected a number in [0, 1], got 1.5',
  },
  {
    what: 'oracle.maxChange of 0',
    edit: (p) => (p.oracle.maxChange = 0),
    path: 'oracle.maxChange',
    message: 'expected a number in (0, 1), got 0',
  },
  {
    what: 'oracle.maxChange of 1',
    edit: (p) => (p.oracle.maxChange = 1),
    path: 'oracle.maxChange',
    message: 'expected a number in (0, 1), got 1',
  },
  {
    what: 'a feed oracle without a heartbeat',
    edit: (p) => (p.oracle = { model: 'feed', deviation: 0.01 }),
    path: 'oracle.heartbeat',
    message: 'expected a whole number of rounds from 1 to 100000, got nothing (the field is missing)',
  },
  {
    what: 'a feed oracle with a deviation of 1',
    edit: (p) => (p.oracle = { model: 'feed', deviation: 1, heartbeat: 5 }),
    path: 'oracle.deviation',
    message: 'expected a number in [0, 1), got 1',
  },
  {
    what: 'liquidation.fullBelowHealth of 0',
    edit: (p) => (p.liquidation.fullBelowHealth = 0),
    path: 'liquidation.fullBelowHealth',
    message: 'expected a health factor in (0, 1], got 0',
  },
  {
    what: 'a negative liquidation.maxSellPerRound',
    edit: (p) => (p.liquidation.maxSellPerRound = -1),
    path: 'liquidation.maxSellPerRound',
    message: 'expected a finite number > 0, got -1',
  },
  {
    what: 'mechanism "auction" without its auction parameters',
    edit: (p) => (p.liquidation.mechanism = 'auction'),
    path: 'liquidation.auction',
    message:
      'expected an object {startAbove, decay, tail, cusp}: mechanism "auction" needs its auction parameters',
  },
  {
    what: 'an auction decay of 1',
    edit: (p) => {
      p.liquidation.mechanism = 'auction';
      p.liquidation.auction = { ...auction, decay: 1 };
    },
    path: 'liquidation.auction.decay',
    message: 'expected a number in (0, 1), got 1',
  },
  {
    what: 'an auction starting below the price (startAbove 0.5)',
    edit: (p) => {
      p.liquidation.mechanism = 'auction';
      p.liquidation.auction = { ...auction, startAbove: 0.5 };
    },
    path: 'liquidation.auction.startAbove',
    message: 'expected a number from 1 to 10, got 0.5',
  },
  {
    what: 'an unknown auction accounting',
    edit: (p) => {
      p.liquidation.mechanism = 'auction';
      p.liquidation.auction = { ...auction, accounting: 'vow' };
    },
    path: 'liquidation.auction.accounting',
    message: 'expected one of "pro-rata", "maker", got "vow"',
  },
  {
    what: 'a hole of 0',
    edit: (p) => {
      p.liquidation.mechanism = 'auction';
      p.liquidation.auction = { ...auction, hole: 0 };
    },
    path: 'liquidation.auction.hole',
    message: 'expected a finite number > 0, got 0',
  },
  {
    what: 'a hole no partial kick fits (below dust · (1 + bonus))',
    edit: (p) => {
      p.liquidation.mechanism = 'auction';
      p.liquidation.auction = { ...auction, hole: 10000, dust: 10000 };
    },
    path: 'liquidation.auction.hole',
    message:
      'expected a number > dust · (1 + bonus) = 10500 (below it no position could be kicked in part), got 10000',
  },
  {
    what: 'a negative tip',
    edit: (p) => {
      p.liquidation.mechanism = 'auction';
      p.liquidation.auction = { ...auction, tip: -5 };
    },
    path: 'liquidation.auction.tip',
    message: 'expected a finite number >= 0, got -5',
  },
  {
    what: 'a chip of 100% (a share of the tab in [0, 1))',
    edit: (p) => {
      p.liquidation.mechanism = 'auction';
      p.liquidation.auction = { ...auction, chip: 1 };
    },
    path: 'liquidation.auction.chip',
    message: 'expected a number in [0, 1), got 1',
  },
  {
    what: 'dust as a word',
    edit: (p) => {
      p.liquidation.mechanism = 'auction';
      p.liquidation.auction = { ...auction, dust: 'some' };
    },
    path: 'liquidation.auction.dust',
    message: 'expected a finite number >= 0, got "some"',
  },
  {
    what: 'liquidators.capital as a word',
    edit: (p) => (p.liquidators = { capital: 'lots' }),
    path: 'liquidators.capital',
    message: 'expected a finite number > 0, got "lots"',
  },
  {
    what: 'liquidators.requireProfit as a string',
    edit: (p) => (p.liquidators = { requireProfit: 'yes' }),
    path: 'liquidators.requireProfit',
    message: 'expected true or false, got "yes"',
  },
  {
    what: 'an unknown venue model (nothing close: the list of models)',
    edit: (p) => (p.venues[0].model = 'amm'),
    path: 'venues[0].model',
    message: 'expected one of "constant-product", "orderbook", got "amm"',
  },
  {
    what: 'a mistyped venue model (a suggestion)',
    edit: (p) => (p.venues[0].model = 'orderbok'),
    path: 'venues[0].model',
    message: 'expected one of "constant-product", "orderbook", got "orderbok"; did you mean "orderbook"?',
  },
];

describe('validate: a bad defence-lever field gets exit 1, the file, the field and what was expected', () => {
  it('the base preset is valid', () => {
    const file = tempFile('lever-base.json', valid);
    const result = liqloop(['validate', file]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  for (const c of cases) {
    it(c.what, () => {
      const preset = structuredClone(valid) as Record<string, unknown>;
      c.edit(preset);
      expectOneProblem(preset, c.path, c.message);
    });
  }
});
