import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOracle, runCascade, type OracleSpec, type StartPrices } from '../../src/engine/index.js';
import { scenario } from '../helpers/scenario.js';
import { expectSameRunTwice } from '../helpers/runs.js';
import { expectClose } from './close.js';

const REL = 1e-12;

/** p0 = 100; S(1) = 90, E(1) = 80; S(2) = 85, E(2) = 85. */
const seen: StartPrices = {
  at: (r) => (r <= 0 ? 100 : [90, 85][r - 1]!),
  endAt: (r) => (r <= 0 ? 100 : [80, 85][r - 1]!),
};
const twap = (sampling: 'start' | 'time-weighted', mean: 'arithmetic' | 'geometric'): OracleSpec => ({
  model: 'twap',
  window: 2,
  sampling,
  mean,
});

describe('TWAP sampling and mean, by hand (window 2)', () => {
  it('start, arithmetic (the default): the mean of S(r − 1) and S(r)', () => {
    expectClose(createOracle(twap('start', 'arithmetic'))(seen, 2), (90 + 85) / 2, REL);
    expectClose(createOracle({ model: 'twap', window: 2 })(seen, 2), 87.5, REL);
  });

  it('start, geometric: √(S(1) · S(2))', () => {
    expectClose(createOracle(twap('start', 'geometric'))(seen, 2), Math.sqrt(90 * 85), REL);
  });

  it('time-weighted: each of the last two rounds as its start and its after-sale price, half a round each', () => {
    const oracle = createOracle(twap('time-weighted', 'arithmetic'));
    // Round 1 reads rounds −1 and 0: p0 throughout.
    expectClose(oracle(seen, 1), 100, REL);
    // Round 2: (S(0) + E(0) + S(1) + E(1)) / 4 = (100 + 100 + 90 + 80) / 4.
    expectClose(oracle(seen, 2), 92.5, REL);
    // Round 3: (90 + 80 + 85 + 85) / 4 = 85; S(3) itself has held for no time and weighs nothing.
    expectClose(oracle(seen, 3), 85, REL);
  });

  it('time-weighted, geometric: the fourth root of the four prices', () => {
    expectClose(createOracle(twap('time-weighted', 'geometric'))(seen, 3), (90 * 80 * 85 * 85) ** 0.25, REL);
  });
});

// One loan of 10 ETH owing 15,000 (LT 0.8) on an order book of Q = 100 units; shock 10% (p0 2000 → 1800).
const Q = 100;
const loan = (oracle: OracleSpec) =>
  scenario({
    market: { model: 'orderbook', depth2pct: 2000 * -Math.log(0.98) * Q, fee: 0, recovery: 0 },
    oracle,
    positions: [{ id: 'a', collateral: 10, debt: 15000 }],
  });

describe('a time-weighted TWAP sees the sale', () => {
  it('window 1: the shock shows a round late, the sale a round after that', () => {
    const run = runCascade(loan({ model: 'twap', window: 1, sampling: 'time-weighted' }));
    const sold = 1800 * Math.exp(-8.75 / Q);
    // Round 1 reads round 0: p0. HF = 10 · 2000 · 0.8 / 15,000 = 1.07: nothing to do.
    expect(run.rounds[0]!.oraclePrice).toBe(2000);
    expect(run.rounds[0]!.liquidations).toBe(0);
    // Round 2 reads round 1, 1,800 throughout: the loan is liquidated (8.75 ETH) and the book falls to 1,649.19.
    expectClose(run.rounds[1]!.oraclePrice, 1800, REL);
    expect(run.rounds[1]!.liquidations).toBe(1);
    expectClose(run.rounds[1]!.price, sold, REL);
    // Round 3 reads round 2: 1,800 before the sale, 1,649.19 after it.
    expectClose(run.rounds[2]!.oraclePrice, (1800 + sold) / 2, REL);
    // Round 4 reads 1,649.19 throughout, which is S(4): converged.
    expectClose(run.rounds[3]!.oraclePrice, sold, REL);
    expect(run.converged).toBe(true);
    expect(run.rounds).toHaveLength(4);
    // The start-sampled TWAP of window 1 is a spot oracle: liquidated in round 1, converged in round 2.
    expect(runCascade(loan({ model: 'twap', window: 1 })).rounds).toHaveLength(2);
  });
});

describe('time-weighted TWAP: properties', () => {
  const arb = fc.record({
    window: fc.integer({ min: 1, max: 6 }),
    mean: fc.constantFrom('arithmetic' as const, 'geometric' as const),
    recovery: fc.double({ min: 0, max: 1, noNaN: true }),
    shock: fc.double({ min: 0, max: 0.6, noNaN: true }),
    hfs: fc.array(fc.double({ min: 0.5, max: 1.5, noNaN: true }), { minLength: 1, maxLength: 15 }),
  });
  type Drawn = typeof arb extends fc.Arbitrary<infer T> ? T : never;
  const build = (r: Drawn) =>
    scenario({
      market: { model: 'constant-product', depth2pct: 1e6, fee: 0, recovery: r.recovery },
      oracle: { model: 'twap', window: r.window, sampling: 'time-weighted', mean: r.mean },
      shock: { pct: r.shock },
      rounds: 80,
      positions: r.hfs.map((hf, i) => ({ id: `p${i}`, collateral: 50, debt: (50 * 2000 * 0.8) / hf })),
    });

  it('reads a positive price between the lowest and highest the venue held in its window', () => {
    fc.assert(
      fc.property(arb, (r) => {
        const run = runCascade(build(r));
        const held = [2000, ...run.rounds.flatMap((x) => [x.startPrice, x.price])];
        run.rounds.forEach((x, i) => {
          // Rounds r − W … r − 1 are held[2k − 1], held[2k] for k ≥ 1 (p0 before).
          const window = held.slice(Math.max(0, 2 * (i + 1 - r.window) - 1), 2 * i + 1);
          expect(x.oraclePrice).toBeGreaterThan(0);
          expect(x.oraclePrice).toBeGreaterThanOrEqual(Math.min(...window) * (1 - 1e-12));
          expect(x.oraclePrice).toBeLessThanOrEqual(Math.max(...window) * (1 + 1e-12));
        });
      }),
      { numRuns: 60 },
    );
  });

  it('runs the same twice', () => {
    fc.assert(
      fc.property(arb, (r) => expectSameRunTwice(build(r))),
      { numRuns: 30 },
    );
  });
});
