import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONVERGENCE_TOLERANCE,
  runCascade,
  type CascadeRun,
  type OracleSpec,
  type Scenario,
} from '../../src/engine/index.js';
import { scenario } from '../helpers/scenario.js';
import { expectSameRunTwice } from '../helpers/runs.js';

const NUM_RUNS = 100;
const MAX_ROUNDS = 60;

const oracleArb: fc.Arbitrary<OracleSpec> = fc.oneof(
  fc.constant<OracleSpec>({ model: 'spot' }),
  fc.integer({ min: 1, max: 5 }).map((window): OracleSpec => ({ model: 'twap', window })),
  fc.integer({ min: 0, max: 5 }).map((delay): OracleSpec => ({ model: 'lagged', delay })),
);

const double = (min: number, max: number, extra: { minExcluded?: boolean; maxExcluded?: boolean } = {}) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true, ...extra });

/**
 * A random scenario: either market model, any oracle, either mechanism, bonus in [0, 0.2], LT in (0.5, 1],
 * shock in [0, 0.6), 1..30 positions. Each position's collateral is a fraction of the venue's 2% depth in units
 * (depth2pct / p0), so that sales move the price by amounts worth testing, and its HF at p0 is drawn directly.
 */
const scenarioArb = (recovery: fc.Arbitrary<number>): fc.Arbitrary<Scenario> =>
  fc
    .record({
      model: fc.constantFrom('constant-product' as const, 'orderbook' as const),
      p0: double(1, 5000),
      depth: double(1e3, 1e7),
      fee: fc.oneof(fc.constant(0), double(0, 0.05)),
      recovery,
      oracle: oracleArb,
      partial: fc.option(double(0.05, 1), { nil: undefined }),
      bonus: double(0, 0.2),
      threshold: double(0.5, 1, { minExcluded: true }),
      shock: double(0, 0.6, { maxExcluded: true }),
      positions: fc.array(
        fc.record({
          size: double(0.001, 2),
          hf: double(0.3, 2),
          threshold: fc.option(double(0.5, 1, { minExcluded: true }), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 30 },
      ),
    })
    .map((r) =>
      scenario({
        asset: { price: r.p0 },
        market: { model: r.model, depth2pct: r.depth, fee: r.fee, recovery: r.recovery },
        oracle: r.oracle,
        liquidation:
          r.partial === undefined
            ? { mechanism: 'full', bonus: r.bonus, threshold: r.threshold }
            : { mechanism: 'partial', closeFactor: r.partial, bonus: r.bonus, threshold: r.threshold },
        shock: { pct: r.shock },
        rounds: MAX_ROUNDS,
        positions: r.positions.map((p, i) => {
          const collateral = (p.size * r.depth) / r.p0;
          const lt = p.threshold ?? r.threshold;
          return { id: `p${i}`, collateral, debt: (collateral * r.p0 * lt) / p.hf, threshold: p.threshold };
        }),
      }),
    );

const noRecovery = scenarioArb(fc.constant(0));
const withRecovery = scenarioArb(double(0, 1, { minExcluded: true }));

const sum = (values: Iterable<number>) => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};

const relClose = (actual: number, expected: number, rel: number) =>
  Math.abs(actual - expected) <= rel * Math.max(Math.abs(expected), Number.MIN_VALUE);

/** The venue prices in the order they happened: S(1), price after round 1, S(2), price after round 2, ... */
const pricePath = (run: CascadeRun) => run.rounds.flatMap((r) => [r.startPrice, r.price]);

describe('cascade properties (recovery 0)', () => {
  it('the price stays positive and never rises from one record to the next', () => {
    fc.assert(
      fc.property(noRecovery, (s) => {
        const path = pricePath(runCascade(s));
        for (const [i, price] of path.entries()) {
          expect(price).toBeGreaterThan(0);
          if (i > 0) expect(price).toBeLessThanOrEqual(path[i - 1]!);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('collateral is conserved: held + seized + returned = initial', () => {
    fc.assert(
      fc.property(noRecovery, (s) => {
        const run = runCascade(s);
        const book = run.book;
        const initial = sum(book.initialCollateral);
        let held = 0;
        for (let i = 0; i < book.count; i++) if (book.open[i]) held += book.collateral[i]!;
        const seized = sum(run.rounds.map((r) => r.collateralSold));
        const returned = sum(run.rounds.map((r) => r.collateralReturned));
        expect(
          relClose(held + seized + returned, initial, 1e-9),
          `${held} + ${seized} + ${returned} vs ${initial}`,
        ).toBe(true);
        // Closed positions hold nothing.
        for (let i = 0; i < book.count; i++) if (!book.open[i]) expect(book.collateral[i]).toBe(0);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('debt is conserved: open debt + repaid + bad debt = initial', () => {
    fc.assert(
      fc.property(noRecovery, (s) => {
        const run = runCascade(s);
        const book = run.book;
        const initial = sum(book.initialDebt);
        let open = 0;
        for (let i = 0; i < book.count; i++) if (book.open[i]) open += book.debt[i]!;
        const repaid = sum(run.rounds.map((r) => r.debtRepaid));
        const bad = sum(run.rounds.map((r) => r.badDebt));
        expect(
          relClose(open + repaid + bad, initial, 1e-9),
          `${open} + ${repaid} + ${bad} vs ${initial}`,
        ).toBe(true);
        for (const r of run.rounds) expect(r.badDebt).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('running the same scenario twice gives identical records', () => {
    fc.assert(fc.property(noRecovery, expectSameRunTwice), { numRuns: NUM_RUNS });
  });

  it('the run stops exactly as the contract says', () => {
    fc.assert(
      fc.property(noRecovery, (s) => {
        const run = runCascade(s);
        const last = run.rounds.at(-1)!;
        const quietAndSettled = (r: (typeof run.rounds)[number]) =>
          r.liquidations === 0 &&
          Math.abs(r.oraclePrice - r.startPrice) <= CONVERGENCE_TOLERANCE * r.startPrice;
        // No round before the last one met the stopping rule.
        for (const r of run.rounds.slice(0, -1)) expect(quietAndSettled(r), `round ${r.round}`).toBe(false);
        expect(run.converged).toBe(quietAndSettled(last));
        if (!run.converged) expect(run.rounds).toHaveLength(s.rounds);
        run.rounds.forEach((r, i) => expect(r.round).toBe(i + 1));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('full liquidation closes every position it touches, and open positions never come back', () => {
    fc.assert(
      fc.property(noRecovery, (s) => {
        const run = runCascade(s, { recordEvents: true });
        let open = run.book.count;
        for (const [i, r] of run.rounds.entries()) {
          expect(r.openPositions).toBeLessThanOrEqual(open);
          open = r.openPositions;
          const events = run.events![i]!;
          expect(new Set(events.position).size).toBe(events.length);
          expect(events.length).toBe(r.liquidations);
          if (s.liquidation.mechanism === 'full') expect(events.closed.every(Boolean)).toBe(true);
        }
        if (s.liquidation.mechanism === 'full') expect(run.book.liquidatedCount).toBe(run.book.count - open);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('a spot oracle reads the start price; no oracle reads above p0 or below the lowest start price so far', () => {
    fc.assert(
      fc.property(noRecovery, (s) => {
        const run = runCascade(s);
        let lowest = s.asset.price;
        for (const r of run.rounds) {
          lowest = Math.min(lowest, r.startPrice);
          if (s.oracle.model === 'spot') expect(r.oraclePrice).toBe(r.startPrice);
          expect(r.oraclePrice).toBeLessThanOrEqual(s.asset.price * (1 + 1e-12));
          expect(r.oraclePrice).toBeGreaterThanOrEqual(lowest * (1 - 1e-12));
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('cascade properties (recovery > 0)', () => {
  it('the price never exceeds pext after round 1 and stays positive', () => {
    fc.assert(
      fc.property(withRecovery, (s) => {
        const run = runCascade(s);
        const pext = s.asset.price * (1 - s.shock.pct);
        for (const r of run.rounds) {
          expect(r.startPrice).toBeGreaterThan(0);
          expect(r.price).toBeGreaterThan(0);
          if (r.round >= 2) expect(r.startPrice).toBeLessThanOrEqual(pext * (1 + 1e-12));
          expect(r.price).toBeLessThanOrEqual(pext * (1 + 1e-12));
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('each round after the first starts at S + rho (pext - S), S the previous round end price', () => {
    fc.assert(
      fc.property(withRecovery, (s) => {
        const run = runCascade(s);
        const pext = s.asset.price * (1 - s.shock.pct);
        const rho = s.market.recovery;
        for (const [i, r] of run.rounds.entries()) {
          const expected =
            i === 0 ? pext : run.rounds[i - 1]!.price + rho * (pext - run.rounds[i - 1]!.price);
          expect(
            relClose(r.startPrice, expected, 1e-12),
            `round ${r.round}: ${r.startPrice} vs ${expected}`,
          ).toBe(true);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('conservation of collateral and debt holds with recovery too', () => {
    fc.assert(
      fc.property(withRecovery, (s) => {
        const run = runCascade(s);
        const book = run.book;
        let held = 0;
        let open = 0;
        for (let i = 0; i < book.count; i++) {
          if (!book.open[i]) continue;
          held += book.collateral[i]!;
          open += book.debt[i]!;
        }
        const out = sum(run.rounds.map((r) => r.collateralSold + r.collateralReturned));
        const settled = sum(run.rounds.map((r) => r.debtRepaid + r.badDebt));
        expect(relClose(held + out, sum(book.initialCollateral), 1e-9)).toBe(true);
        expect(relClose(open + settled, sum(book.initialDebt), 1e-9)).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
