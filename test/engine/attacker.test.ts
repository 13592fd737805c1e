import { describe, expect, it } from 'vitest';
import { Cascade, runCascade, summarize } from '../../src/engine/index.js';
import { loadPreset } from '../../src/presets/index.js';
import { scenario } from '../helpers/scenario.js';

const Q = 1e6 / (2000 * -Math.log(0.98));

describe('an attacker', () => {
  it('buys in its round before the oracle reads, borrows at that reading, and unwinds later', () => {
    // Order book, no shock: buying 100 units costs p·Q·(e^{100/Q} − 1) and lifts the price to p·e^{100/Q}.
    const s = scenario({
      market: { model: 'orderbook', depth2pct: 1e6, fee: 0, recovery: 0 },
      shock: { pct: 0 },
      liquidation: { mechanism: 'full', bonus: 0, threshold: 0.8 },
      positions: [{ id: 'a', collateral: 1, debt: 1 }],
      attacker: { round: 1, trade: 100, collateral: 10, unwindRound: 2 },
    });
    const cascade = new Cascade(s);
    const lifted = 2000 * Math.exp(100 / Q);
    const round1 = cascade.step().record;
    expect(round1.startPrice).toBeCloseTo(lifted, 9);
    expect(round1.oraclePrice).toBeCloseTo(lifted, 9);
    expect(cascade.attack.cost).toBeCloseTo(2000 * Q * (Math.exp(100 / Q) - 1), 6);
    expect(cascade.attack.borrowed).toBeCloseTo(10 * lifted * 0.8, 3);
    // Round 2: selling the 100 units back returns the book to 2000 (it has no memory) and raises
    // lifted·Q·(1 − e^{−100/Q}); the attacker's position, borrowed at the lifted price, is now under water.
    const round2 = cascade.step().record;
    expect(round2.startPrice).toBeCloseTo(2000, 9);
    const proceeds = lifted * Q * (1 - Math.exp(-100 / Q));
    expect(cascade.attack.cost).toBeCloseTo(2000 * Q * (Math.exp(100 / Q) - 1) - proceeds, 6);
    expect(round2.liquidations).toBe(1);
  });

  it('pays against a spot oracle on a thin pool and leaves bad debt; a TWAP oracle defeats it', () => {
    const summaryOf = (id: string) => {
      const loaded = loadPreset(id);
      if (!loaded.ok) throw new Error(id);
      return summarize(runCascade(loaded.preset));
    };
    const spot = summaryOf('oracle-manipulation-spot').attack!;
    const twap = summaryOf('oracle-manipulation-twap').attack!;
    expect(spot.profit).toBeGreaterThan(0);
    expect(spot.badDebt).toBeGreaterThan(0);
    expect(twap.profit).toBeLessThan(0);
    expect(twap.badDebt).toBe(0);
    expect(twap.borrowed).toBeLessThan(0.8 * spot.borrowed);
  });
});
