import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCascade, summarize, type Scenario } from '../../src/engine/index.js';
import { scenario } from '../helpers/scenario.js';
import { expectSameRunTwice } from '../helpers/runs.js';
import { expectClose } from './close.js';

// Liquidator economics, the whole loss and the trough, worked by hand. p0 = 2000, a 10% shock (P = 1800 in
// round 1, spot oracle), full liquidation, bonus 5%, LT 0.8, on an order book of depth Q = 100 units: selling
// q at price p raises p·Q·(1 − e^(−q/Q)) and leaves the price at p·e^(−q/Q).
const Q = 100;
const book = { model: 'orderbook' as const, depth2pct: 2000 * -Math.log(0.98) * Q, fee: 0, recovery: 0 };
const P = 1800;
const raise = (p: number, q: number) => p * Q * (1 - Math.exp(-q / Q));
const after = (p: number, q: number) => p * Math.exp(-q / Q);
const REL = 1e-9;

/** One loan of 10 ETH owing `debt` (HF = 10 · 1800 · 0.8 / debt at P). */
const oneLoan = (debt: number, extra: Partial<Scenario> = {}) =>
  scenario({ market: book, positions: [{ id: 'a', collateral: 10, debt }], ...extra });

describe("a liquidation's profit: its seizure at the round's sale price, less repaid and gas", () => {
  // Debt 15,000 (HF 0.96): repaid 15,000, seized 15,000 · 1.05 / 1800 = 8.75 ETH, sold for
  // 1800 · 100 · (1 − e^−0.0875) = 15,080.60: a profit of 80.60 before gas.
  const proceeds = raise(P, 8.75);

  it('without gas the liquidator makes the sale less the debt repaid', () => {
    const r = runCascade(oneLoan(15000)).rounds[0]!;
    expectClose(r.collateralSold, 8.75, REL);
    expectClose(r.saleProceeds, proceeds, REL);
    expectClose(r.liquidatorProfit, proceeds - 15000, REL);
    expectClose(proceeds - 15000, 80.6031, 1e-5);
    expect(r.unprofitableLiquidations).toBe(0);
  });

  it('a gas cost of 100 turns it into a loss of 19.40, one liquidation at a loss', () => {
    const run = runCascade(oneLoan(15000, { liquidators: { gasCost: 100 } }));
    const s = summarize(run);
    expectClose(s.liquidatorProfit, proceeds - 15000 - 100, REL);
    expect(s.unprofitableLiquidations).toBe(1);
    // Gas changes no price and no debt: the base round is untouched.
    expect(run.rounds.map((r) => r.price)).toEqual(runCascade(oneLoan(15000)).rounds.map((r) => r.price));
  });

  it('requireProfit counts the gas: at 100 the liquidation is skipped, at 50 it is done', () => {
    const dear = runCascade(oneLoan(15000, { liquidators: { requireProfit: true, gasCost: 100 } }));
    expect(dear.rounds[0]!.skippedUnprofitable).toBe(1);
    expect(dear.rounds[0]!.liquidations).toBe(0);
    const cheap = runCascade(oneLoan(15000, { liquidators: { requireProfit: true, gasCost: 50 } }));
    expect(cheap.rounds[0]!.liquidations).toBe(1);
    expectClose(cheap.rounds[0]!.liquidatorProfit, proceeds - 15000 - 50, REL);
  });
});

describe('partial fills and recycled capital', () => {
  it('a liquidator with 6,000 repays 6,000 of a 15,000 loan instead of skipping it for ever', () => {
    const capital = { capital: 6000 };
    const skipping = runCascade(oneLoan(15000, { liquidators: capital, rounds: 20 }));
    expect(skipping.converged).toBe(false);
    expect(skipping.rounds.every((r) => r.skippedForCapital === 1)).toBe(true);

    const run = runCascade(oneLoan(15000, { liquidators: { ...capital, partialFills: true } }));
    const r1 = run.rounds[0]!;
    // Repaid 6,000; seized 6,000 · 1.05 / 1800 = 3.5 ETH; the loan stays open with 6.5 ETH and 9,000 owed.
    expect(r1.partialFills).toBe(1);
    expectClose(r1.debtRepaid, 6000, REL);
    expectClose(r1.collateralSold, 3.5, REL);
    expectClose(run.book.collateral[0]!, 6.5, REL);
    expectClose(run.book.debt[0]!, 9000, REL);
    // The sale takes the price to 1800 · e^−0.035 = 1738.09, where HF = 6.5 · 1738.09 · 0.8 / 9000 = 1.0043:
    // the fill restored the loan's health, and round 2 has nothing to do.
    expectClose(r1.price, after(P, 3.5), REL);
    expect(run.converged).toBe(true);
    expect(run.rounds).toHaveLength(2);
    expectClose(r1.liquidatorProfit, raise(P, 3.5) - 6000, REL);
  });

  it('recycle: the round-1 profit lets round 2 afford a loan one round of capital could not', () => {
    // b (4 ETH, owes 6,100, liquidation price 1,906) comes first and is skipped: 6,100 > 6,000. a (4 ETH,
    // owes 6,000) takes all 6,000: seized 3.5 ETH, sold for raise(1800, 3.5) = 6,191.03, a profit of 191.03.
    const positions = [
      { id: 'a', collateral: 4, debt: 6000 },
      { id: 'b', collateral: 4, debt: 6100 },
    ];
    const flow = runCascade(
      scenario({ market: book, positions, liquidators: { capital: 6000 }, rounds: 10 }),
    );
    expect(flow.converged).toBe(false);
    expect(flow.rounds.slice(1).every((r) => r.skippedForCapital === 1)).toBe(true);

    const stock = runCascade(
      scenario({ market: book, positions, liquidators: { capital: 6000, recycle: true }, rounds: 10 }),
    );
    const [r1, r2] = stock.rounds;
    expect(r1!.skippedForCapital).toBe(1);
    expectClose(r1!.liquidatorProfit, raise(P, 3.5) - 6000, REL);
    // Round 2 starts with 6,000 + 191.03 = 6,191.03 ≥ 6,100: b is liquidated at P = 1800 · e^−0.035.
    expect(r2!.liquidations).toBe(1);
    expectClose(r2!.debtRepaid, 6100, REL);
    expect(stock.converged).toBe(true);
  });
});

describe('the whole loss: bad debt plus the shortfall of loans left open under water', () => {
  it('a loan nobody will liquidate at a loss is a shortfall of debt − collateral · P', () => {
    // Owes 19,000 against 10 ETH at 1,800: selling all of it raises raise(1800, 10) = 17,129 < 17,142.86
    // repaid, so a profit-seeking liquidator leaves it; 19,000 − 18,000 = 1,000 is lost all the same.
    const run = runCascade(oneLoan(19000, { liquidators: { requireProfit: true } }));
    const s = summarize(run);
    expect(s.badDebt).toBe(0);
    expectClose(s.shortfall, 1000, REL);
    expectClose(s.totalLoss, 1000, REL);
    // Liquidated at a loss instead, the same 1,000 (less the bonus's share) is bad debt and no shortfall.
    const taken = summarize(runCascade(oneLoan(19000)));
    expect(taken.shortfall).toBe(0);
    expectClose(taken.badDebt, 19000 - 18000 / 1.05, REL);
    expect(taken.totalLoss).toBe(taken.badDebt);
  });
});

describe('the trough', () => {
  it('with recovery, the trough is after round 1 and amplifies more than the final price', () => {
    // Round 1 sells 8.75 ETH: 1800 · e^−0.0875 = 1,649.19. Round 2 recovers half the gap to 1,800:
    // 1,724.60, and nothing is liquidated: converged.
    const run = runCascade(oneLoan(15000, { market: { ...book, recovery: 0.5 } }));
    const s = summarize(run);
    const trough = after(P, 8.75);
    const final = trough + 0.5 * (P - trough);
    expect(s.rounds).toBe(2);
    expectClose(s.finalPrice, final, REL);
    expectClose(s.troughPrice, trough, REL);
    expect(s.troughRound).toBe(1);
    expectClose(s.troughDrawdownPct, 1 - trough / 2000, REL);
    expectClose(s.troughAmplification!, (1 - trough / 2000) / 0.1, REL);
    expectClose(s.amplification!, (1 - final / 2000) / 0.1, REL);
    expect(s.troughAmplification!).toBeGreaterThan(s.amplification!);
  });

  it('no shock, no trough amplification', () => {
    expect(summarize(runCascade(oneLoan(15000, { shock: { pct: 0 } }))).troughAmplification).toBeNull();
  });
});

const double = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** Random loans on either venue with liquidators that may be short of capital, gas-paying, profit-seeking. */
const economicsArb = fc
  .record({
    model: fc.constantFrom('constant-product' as const, 'orderbook' as const),
    depth: double(1e4, 1e7),
    fee: fc.oneof(fc.constant(0), double(0, 0.05)),
    recovery: fc.oneof(fc.constant(0), double(0, 1)),
    partial: fc.option(double(0.1, 1), { nil: undefined }),
    capital: fc.option(double(1e3, 1e6), { nil: undefined }),
    gasCost: fc.option(double(0, 500), { nil: undefined }),
    requireProfit: fc.boolean(),
    partialFills: fc.boolean(),
    recycle: fc.boolean(),
    shock: double(0, 0.5),
    positions: fc.array(fc.record({ size: double(0.001, 1), hf: double(0.3, 2) }), {
      minLength: 1,
      maxLength: 20,
    }),
  })
  .map((r) =>
    scenario({
      market: { model: r.model, depth2pct: r.depth, fee: r.fee, recovery: r.recovery },
      liquidation:
        r.partial === undefined
          ? { mechanism: 'full', bonus: 0.05, threshold: 0.8 }
          : { mechanism: 'partial', closeFactor: r.partial, bonus: 0.05, threshold: 0.8 },
      liquidators: {
        capital: r.capital,
        gasCost: r.gasCost,
        requireProfit: r.requireProfit,
        partialFills: r.partialFills,
        recycle: r.capital !== undefined && r.recycle,
      },
      shock: { pct: r.shock },
      rounds: 60,
      positions: r.positions.map((p, i) => {
        const collateral = (p.size * r.depth) / 2000;
        return { id: `p${i}`, collateral, debt: (collateral * 2000 * 0.8) / p.hf };
      }),
    }),
  );

const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
const NUM_RUNS = 100;

describe('liquidator economics: properties', () => {
  it('collateral and debt are conserved with partial fills, gas and recycled capital', () => {
    fc.assert(
      fc.property(economicsArb, (s) => {
        const run = runCascade(s);
        const { book: b } = run;
        let held = 0;
        let owed = 0;
        for (let i = 0; i < b.count; i++) {
          if (!b.open[i]) continue;
          held += b.collateral[i]!;
          owed += b.debt[i]!;
        }
        const seized = sum(run.rounds.map((r) => r.collateralSold));
        const returned = sum(run.rounds.map((r) => r.collateralReturned));
        const repaid = sum(run.rounds.map((r) => r.debtRepaid));
        const bad = sum(run.rounds.map((r) => r.badDebt));
        expectClose(held + seized + returned, sum(b.initialCollateral), 1e-9, 'collateral');
        expectClose(owed + repaid + bad, sum(b.initialDebt), 1e-9, 'debt');
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("what the sale raised is the liquidators' profit plus the debt they repaid plus their gas", () => {
    fc.assert(
      fc.property(economicsArb, (s) => {
        const gas = s.liquidators?.gasCost ?? 0;
        for (const r of runCascade(s).rounds) {
          const accounted = r.liquidatorProfit + r.debtRepaid + gas * r.liquidations;
          expectClose(accounted, r.saleProceeds, 1e-9, `round ${r.round}`);
          expect(r.unprofitableLiquidations).toBeLessThanOrEqual(r.liquidations);
          expect(r.partialFills).toBeLessThanOrEqual(r.liquidations);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('the whole loss is bad debt plus a non-negative shortfall; the trough is the lowest price after a sale', () => {
    fc.assert(
      fc.property(economicsArb, (s) => {
        const run = runCascade(s);
        const m = summarize(run);
        expect(m.shortfall).toBeGreaterThanOrEqual(0);
        expect(m.totalLoss).toBe(m.badDebt + m.shortfall);
        expect(m.troughPrice).toBe(Math.min(...run.rounds.map((r) => r.price)));
        expect(run.rounds[m.troughRound - 1]!.price).toBe(m.troughPrice);
        expect(m.troughPrice).toBeLessThanOrEqual(m.finalPrice);
        if (s.market.recovery === 0) expect(m.troughAmplification).toBe(m.amplification);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('the same scenario runs the same twice', () => {
    fc.assert(fc.property(economicsArb, expectSameRunTwice), { numRuns: 50 });
  });
});
