import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCascade, type Scenario } from '../../src/engine/index.js';
import { scenario } from '../helpers/scenario.js';

const book = fc.record({
  count: fc.integer({ min: 20, max: 400 }),
  seed: fc.integer({ min: 0, max: 1000 }),
  shock: fc.double({ min: 0.05, max: 0.5, noNaN: true }),
  partial: fc.boolean(),
  recovery: fc.constantFrom(0, 0.2),
  depth: fc.constantFrom(1e5, 1e6),
});

function pick(b: {
  count: number;
  seed: number;
  shock: number;
  partial: boolean;
  recovery: number;
  depth: number;
}): Scenario {
  return scenario({
    market: { model: 'constant-product', depth2pct: b.depth, fee: 0.003, recovery: b.recovery },
    shock: { pct: b.shock },
    liquidation: b.partial
      ? { mechanism: 'partial', closeFactor: 0.5, bonus: 0.08, threshold: 0.8, fullBelowHealth: 0.95 }
      : { mechanism: 'full', bonus: 0.08, threshold: 0.8 },
    generate: {
      count: b.count,
      seed: b.seed,
      collateral: { min: 0.1, max: 40, scale: 'log' },
      healthFactor: { min: 1.01, max: 2 },
    },
    rounds: 150,
  });
}

describe('positions skipped by liquidators wait off the heap (PositionBook.takeCandidates)', () => {
  it('with capital that never runs out, the skipping path gives exactly the heap path', () => {
    fc.assert(
      fc.property(book, (b) => {
        const s = pick(b);
        const plain = runCascade(s).rounds;
        const skipping = runCascade({ ...s, liquidators: { capital: 1e300 } }).rounds;
        expect(skipping).toEqual(plain);
      }),
      { numRuns: 40 },
    );
  });

  it('with scarce capital or a profit test, debt is conserved and every skipped position is back in a later round', () => {
    fc.assert(
      fc.property(
        book,
        fc.double({ min: 2e3, max: 5e4, noNaN: true }),
        fc.boolean(),
        (b, capital, profit) => {
          const s: Scenario = { ...pick(b), liquidators: { capital, requireProfit: profit } };
          const run = runCascade(s);
          const sum = (a: Float64Array, open?: Uint8Array) =>
            a.reduce((t, v, i) => t + (!open || open[i] ? v : 0), 0);
          const repaid = run.rounds.reduce((t, r) => t + r.debtRepaid + r.badDebt, 0);
          const initial = sum(run.book.initialDebt);
          expect((sum(run.book.debt, run.book.open) + repaid) / initial).toBeCloseTo(1, 9);
          // A position skipped in one round is looked at again in the next: the next round finds it again,
          // unless the price has risen above its liquidation price or it was liquidated.
          run.rounds.forEach((r, i) => {
            const next = run.rounds[i + 1];
            if (r.skippedForCapital + r.skippedUnprofitable > 0 && next && next.oraclePrice <= r.oraclePrice)
              expect(next.liquidations + next.skippedForCapital + next.skippedUnprofitable).toBeGreaterThan(
                0,
              );
          });
          expect(runCascade(s).rounds).toEqual(run.rounds);
        },
      ),
      { numRuns: 30 },
    );
  });
});
