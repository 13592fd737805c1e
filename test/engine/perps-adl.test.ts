import { describe, expect, it } from 'vitest';
import { Cascade, type AdlRank } from '../../src/engine/index.js';
import { perpScenario } from '../helpers/perp-scenario.js';

describe('auto-deleveraging policies, worked by hand', () => {
  // A bankrupt long L: 10 @ 2000, margin 1000, Pb = 1900, at P = 1800: loss 10 · 100 = 1000. The fund
  // holds 400, so 600 is left: 6 units matched at Pb, each giving up 100 against P. Two shorts in profit:
  //  A: 4 @ 2000, margin 500:  profit 800, equity 1300, notional 7200, leverage 7200/1300 = 5.54
  //  B: 8 @ 2400, margin 1000: profit 4800, equity 5800, notional 14400, leverage 14400/5800 = 2.48
  // pnl-margin ranks profit/margin × leverage: A 1.6 · 5.54 = 8.86, B 4.8 · 2.48 = 11.92: B first.
  // hyperliquid ranks (entry / P) × leverage: A 1.111 · 5.54 = 6.15, B 1.333 · 2.48 = 3.31: A first.
  const run = (adlRank: AdlRank) => {
    const cascade = new Cascade(
      perpScenario({
        adlRank,
        fill: 'oracle',
        insuranceFund: 400,
        positions: [
          { id: 'L', side: 'long', size: 10, entry: 2000, margin: 1000 },
          { id: 'A', side: 'short', size: 4, entry: 2000, margin: 500 },
          { id: 'B', side: 'short', size: 8, entry: 2400, margin: 1000 },
        ],
      }),
    );
    const { record } = cascade.step();
    return { record, size: (i: number) => cascade.perps!.size[i]! };
  };

  it('pnl-margin (Binance): 6 units from B, the top of its ranking; the fund pays 400', () => {
    const { record, size } = run('pnl-margin');
    expect(size(1)).toBeCloseTo(4, 12);
    expect(size(2)).toBeCloseTo(2, 12);
    expect(record.fundDrawn).toBeCloseTo(400, 9);
    expect(record.adlCovered).toBeCloseTo(600, 9);
    expect(record.adlOvershoot).toBe(0);
    expect(record.perpNetSold).toBeCloseTo(4, 9);
  });

  it('hyperliquid: A closed whole (4), then B whole up to what L has left (6): overshoot 400', () => {
    // 10 units matched where 6 were needed: the winners give up 1000, 400 beyond the 600 the fund could
    // not pay, and the fund pays nothing; nothing is sold on the venue.
    const { record, size } = run('hyperliquid');
    expect(size(1)).toBe(0);
    expect(size(2)).toBeCloseTo(2, 12);
    expect(record.adlCovered).toBeCloseTo(1000, 9);
    expect(record.adlOvershoot).toBeCloseTo(400, 9);
    expect(record.fundDrawn).toBeCloseTo(0, 9);
    expect(record.insuranceFund).toBeCloseTo(400, 9);
    expect(record.perpNetSold).toBeCloseTo(0, 9);
    expect(record.deleveraged).toBe(2);
  });

  it('pro-rata: both close half their size (6 of 12 units), 2 from A and 4 from B', () => {
    const { record, size } = run('pro-rata');
    expect(size(1)).toBeCloseTo(2, 12);
    expect(size(2)).toBeCloseTo(4, 12);
    expect(record.adlCovered).toBeCloseTo(600, 9);
    expect(record.fundDrawn).toBeCloseTo(400, 9);
    expect(record.adlOvershoot).toBe(0);
    expect(record.deleveraged).toBe(2);
  });
});

describe('the Hyperliquid backstop vault, worked by hand', () => {
  // Long L: 10 @ 2000, margin 1000; at P = 1800 its equity is −1000, below 2/3 of its maintenance
  // requirement (0.01 · 10 · 1800 = 180, so 120). Long M: 10 @ 2000, margin 2170: equity 170, between
  // 120 and 180: liquidated on the venue as usual.
  const positions = [
    { id: 'L', side: 'long' as const, size: 10, entry: 2000, margin: 1000 },
    { id: 'M', side: 'long' as const, size: 10, entry: 2000, margin: 2170 },
  ];

  it('takes over the position below 2/3 of maintenance, with its equity, off the venue', () => {
    const cascade = new Cascade(
      perpScenario({ positions, fill: 'oracle', backstop: { capital: 5000, below: 2 / 3, unwind: 0 } }),
    );
    const { record } = cascade.step();
    expect(record.backstopTaken).toBe(1);
    expect(record.backstopNotional).toBeCloseTo(18000, 9);
    // Its equity at P: 5000 − 1000. Its inventory: 10 ETH long, its cash 5000 + 1000 − 10 · 2000.
    expect(record.backstopEquity).toBeCloseTo(4000, 9);
    expect(cascade.vault!.inventory).toBe(10);
    expect(cascade.vault!.cash).toBeCloseTo(-14000, 9);
    // Only M is sold; no loss reached the fund or ADL.
    expect(record.perpNetSold).toBeCloseTo(10, 12);
    expect(record.fundDrawn).toBe(0);
    expect(record.uncoveredLoss).toBe(0);
    expect(record.perpLiquidations).toBe(2);
  });

  it('sells `unwind` of its inventory each round, into the venue after the liquidations', () => {
    const cascade = new Cascade(
      perpScenario({ positions, fill: 'venue', backstop: { capital: 5000, below: 2 / 3, unwind: 0.5 } }),
    );
    const { record } = cascade.step();
    expect(cascade.vault!.inventory).toBeCloseTo(5, 12);
    expect(record.perpNetSold).toBeCloseTo(15, 12);
  });

  it('an unwinding vault sells all it holds in the end, and the run converges', () => {
    const cascade = new Cascade(
      perpScenario({ positions, fill: 'venue', backstop: { capital: 5000, below: 2 / 3, unwind: 0.5 } }),
      { maxRounds: 200 },
    );
    while (!cascade.done) cascade.step();
    expect(cascade.converged).toBe(true);
    expect(cascade.vault!.inventory).toBe(0);
  });

  it('a vault whose equity cannot absorb the loss leaves the position to the venue, fund and ADL', () => {
    const cascade = new Cascade(
      perpScenario({ positions, fill: 'oracle', backstop: { capital: 500, below: 2 / 3, unwind: 0 } }),
    );
    const { record } = cascade.step();
    expect(record.backstopTaken).toBe(0);
    expect(record.backstopEquity).toBe(500);
    expect(record.uncoveredLoss).toBeCloseTo(1000, 9);
  });
});
