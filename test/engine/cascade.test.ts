import { describe, expect, it } from 'vitest';
import {
  Cascade,
  PositionBook,
  runCascade,
  seededUniform,
  type RoundRecord,
  type Scenario,
} from '../../src/engine/index.js';
import { scenario } from '../helpers/scenario.js';
import { expectClose } from './close.js';

// Every example below starts from the helper's defaults: p0 = 2000, depth2pct = 1e6, fee 0, recovery 0,
// full liquidation with bonus 0.05 and threshold (LT) 0.8, shock 10%, so pext = 2000 * 0.9 = 1800.
const p0 = 2000;
const pext = 1800;
const LT = 0.8;
const bonus = 0.05;

// Constant-product pool, closed form: x0 = 1e6 / (2000 (1/sqrt(0.98) - 1)) ≈ 49248.74, k = x0 * (p0 x0).
// With no fee k never changes, so at price S the base reserve is sqrt(k / S), and selling q units from
// there leaves the price at S (x / (x + q))^2 and pays quote S x - k / (x + q) = S x q / (x + q).
const x0 = 1e6 / (p0 * (1 / Math.sqrt(0.98) - 1));
const k = x0 * (p0 * x0);
const cpBase = (S: number) => Math.sqrt(k / S);
const cpAfter = (S: number, q: number) => S * (cpBase(S) / (cpBase(S) + q)) ** 2;
const cpProceeds = (S: number, q: number) => (S * cpBase(S) * q) / (cpBase(S) + q);

// Order book, closed form: Q = 1e6 / (2000 * -ln 0.98) ≈ 24749.2; selling q multiplies the price by exp(-q/Q).
const Q = 1e6 / (p0 * -Math.log(0.98));
const obAfter = (S: number, q: number) => S * Math.exp(-q / Q);
const obProceeds = (S: number, q: number) => S * Q * (1 - Math.exp(-q / Q));

const REL = 1e-10;

/** The fields the worked examples check; the defence levers' extras are checked in levers.test.ts. */
type Expected = Pick<
  RoundRecord,
  | 'round'
  | 'oraclePrice'
  | 'startPrice'
  | 'price'
  | 'liquidations'
  | 'collateralSold'
  | 'debtRepaid'
  | 'badDebt'
  | 'collateralReturned'
  | 'openPositions'
> & { saleProceeds?: number };

/** Checks one round record field by field against hand-computed values. */
function expectRound(actual: RoundRecord | undefined, expected: Expected): void {
  expect(actual, `round ${expected.round} missing`).toBeDefined();
  const a = actual!;
  const at = `round ${expected.round}:`;
  expect(a.round).toBe(expected.round);
  expectClose(a.oraclePrice, expected.oraclePrice, REL, `${at} oraclePrice`);
  expectClose(a.startPrice, expected.startPrice, REL, `${at} startPrice`);
  expectClose(a.price, expected.price, REL, `${at} price`);
  expect(a.liquidations, `${at} liquidations`).toBe(expected.liquidations);
  expectClose(a.collateralSold, expected.collateralSold, REL, `${at} collateralSold`);
  expectClose(a.debtRepaid, expected.debtRepaid, REL, `${at} debtRepaid`);
  expectClose(a.badDebt, expected.badDebt, REL, `${at} badDebt`);
  expectClose(a.collateralReturned, expected.collateralReturned, 1e-9, `${at} collateralReturned`);
  if (expected.saleProceeds !== undefined)
    expectClose(a.saleProceeds, expected.saleProceeds, 1e-9, `${at} saleProceeds`);
  expect(a.openPositions, `${at} openPositions`).toBe(expected.openPositions);
}

/** A round with nothing to liquidate: the venue does not move during it. */
const quiet = (round: number, oraclePrice: number, startPrice: number, openPositions: number): Expected => ({
  round,
  oraclePrice,
  startPrice,
  price: startPrice,
  liquidations: 0,
  collateralSold: 0,
  debtRepaid: 0,
  badDebt: 0,
  collateralReturned: 0,
  saleProceeds: 0,
  openPositions,
});

describe('cascade: worked examples', () => {
  it('(a) two full liquidations on a constant-product pool, spot oracle', () => {
    // A: 1000 units, debt 1.5e6. HF at p0 = 1000 * 2000 * 0.8 / 1.5e6 = 1.0667.
    // B: 1000 units, debt 1.42e6. HF at p0 = 1.6e6 / 1.42e6 = 1.1268.
    const run = runCascade(
      scenario({
        positions: [
          { id: 'A', collateral: 1000, debt: 1.5e6 },
          { id: 'B', collateral: 1000, debt: 1.42e6 },
        ],
      }),
    );

    // Round 1: the shock moves the pool to S1 = 1800; spot P1 = 1800.
    // HF_A = 1000 * 1800 * 0.8 / 1.5e6 = 0.96 < 1: liquidated. HF_B = 1.44e6 / 1.42e6 = 1.014: safe.
    // A is covered (1000 * 1800 / 1.05 = 1.714e6 >= 1.5e6): repaid 1.5e6, seized 1.5e6 * 1.05 / 1800 = 875,
    // returned 1000 - 875 = 125. Selling 875 from x1 = sqrt(k/1800) ≈ 51912.7: price ≈ 1740.82.
    const S1 = pext;
    const seizedA = (1.5e6 * (1 + bonus)) / S1;
    expectClose(seizedA, 875);
    const price1 = cpAfter(S1, seizedA);
    expectRound(run.rounds[0], {
      round: 1,
      oraclePrice: S1,
      startPrice: S1,
      price: price1,
      liquidations: 1,
      collateralSold: 875,
      debtRepaid: 1.5e6,
      badDebt: 0,
      collateralReturned: 125,
      saleProceeds: cpProceeds(S1, 875),
      openPositions: 1,
    });
    expect(price1).toBeGreaterThan(1740.8);
    expect(price1).toBeLessThan(1740.9);

    // Round 2: no recovery, so S2 = price1 ≈ 1740.82 = P2.
    // HF_B = 1000 * 1740.82 * 0.8 / 1.42e6 ≈ 0.9807 < 1: liquidated, covered (1.658e6 >= 1.42e6).
    // seized = 1.42e6 * 1.05 / S2 ≈ 856.49; returned ≈ 143.51. Price ≈ 1685.68.
    const S2 = price1;
    expect((1000 * S2 * LT) / 1.42e6).toBeLessThan(1);
    const seizedB = (1.42e6 * (1 + bonus)) / S2;
    const price2 = cpAfter(S2, seizedB);
    expectRound(run.rounds[1], {
      round: 2,
      oraclePrice: S2,
      startPrice: S2,
      price: price2,
      liquidations: 1,
      collateralSold: seizedB,
      debtRepaid: 1.42e6,
      badDebt: 0,
      collateralReturned: 1000 - seizedB,
      saleProceeds: cpProceeds(S2, seizedB),
      openPositions: 0,
    });

    // Round 3: S3 = price2 = P3, nothing open: no liquidation and P = S, so the run converges.
    expectRound(run.rounds[2], quiet(3, price2, price2, 0));
    expect(run.rounds).toHaveLength(3);
    expect(run.converged).toBe(true);
    expect(run.book.liquidatedCount).toBe(2);
  });

  it('(b) partial liquidation on an order book liquidates the same position in two rounds', () => {
    // One position: 5000 units, debt 7.5e6, closeFactor 0.5. HF at p0 = 5000 * 2000 * 0.8 / 7.5e6 = 1.0667.
    const cascade = new Cascade(
      scenario({
        market: { model: 'orderbook' },
        liquidation: { mechanism: 'partial', closeFactor: 0.5 },
        positions: [{ id: 'A', collateral: 5000, debt: 7.5e6 }],
      }),
    );

    // Round 1: S1 = P1 = 1800 (the order book lands exactly). HF = 7.2e6 / 7.5e6 = 0.96 < 1.
    // cap = 0.5 * 7.5e6 = 3.75e6 <= 5000 * 1800 / 1.05 = 8.57e6: covered.
    // seized = 3.75e6 * 1.05 / 1800 = 2187.5; left: 2812.5 units, debt 3.75e6 (position stays open).
    // Price = 1800 exp(-2187.5 / Q) ≈ 1647.73.
    const r1 = cascade.step().record;
    const price1 = obAfter(1800, 2187.5);
    expectRound(r1, {
      round: 1,
      oraclePrice: 1800,
      startPrice: 1800,
      price: price1,
      liquidations: 1,
      collateralSold: 2187.5,
      debtRepaid: 3.75e6,
      badDebt: 0,
      collateralReturned: 0,
      saleProceeds: obProceeds(1800, 2187.5),
      openPositions: 1,
    });
    expectClose(cascade.book.collateral[0]!, 2812.5);
    expect(cascade.book.debt[0]).toBe(3.75e6);

    // Round 2: S2 = P2 = price1 ≈ 1647.73. HF = 2812.5 * 1647.73 * 0.8 / 3.75e6 ≈ 0.9887 < 1.
    // cap = 1.875e6 <= 2812.5 * 1647.73 / 1.05 ≈ 4.41e6: covered. seized = 1.875e6 * 1.05 / P2 ≈ 1194.82.
    // Left: 2812.5 - 1194.82 ≈ 1617.68 units, debt 1.875e6. Price ≈ 1570.07.
    const S2 = price1;
    expect((2812.5 * S2 * LT) / 3.75e6).toBeLessThan(1);
    const seized2 = (1.875e6 * (1 + bonus)) / S2;
    const price2 = obAfter(S2, seized2);
    const r2 = cascade.step().record;
    expectRound(r2, {
      round: 2,
      oraclePrice: S2,
      startPrice: S2,
      price: price2,
      liquidations: 1,
      collateralSold: seized2,
      debtRepaid: 1.875e6,
      badDebt: 0,
      collateralReturned: 0,
      saleProceeds: obProceeds(S2, seized2),
      openPositions: 1,
    });
    expectClose(cascade.book.collateral[0]!, 2812.5 - seized2);
    expect(cascade.book.debt[0]).toBe(1.875e6);
    expect(cascade.converged).toBe(false);

    // Round 3: S3 = P3 = price2 ≈ 1570.07. HF = 1617.68 * 1570.07 * 0.8 / 1.875e6 ≈ 1.084: safe. Converged.
    expect(((2812.5 - seized2) * price2 * LT) / 1.875e6).toBeGreaterThan(1);
    expectRound(cascade.step().record, quiet(3, price2, price2, 1));
    expect(cascade.converged).toBe(true);
    expect(cascade.done).toBe(true);
    expect(cascade.book.open[0]).toBe(1);
  });

  it('(c) a lagged oracle (delay 1) liquidates one round late', () => {
    // Same A and B as (a), on an order book, oracle P(r) = S(r - 1), S(0) = p0.
    const run = runCascade(
      scenario({
        market: { model: 'orderbook' },
        oracle: { model: 'lagged', delay: 1 },
        positions: [
          { id: 'A', collateral: 1000, debt: 1.5e6 },
          { id: 'B', collateral: 1000, debt: 1.42e6 },
        ],
      }),
    );

    // Round 1: S1 = 1800 but P1 = S(0) = 2000: HF_A = 1.0667, nobody is liquidated. P != S: not converged.
    expectRound(run.rounds[0], quiet(1, p0, 1800, 2));
    // Round 2: S2 = 1800 (no recovery), P2 = S1 = 1800: now A is liquidated (HF 0.96), seized 875, returned 125.
    // Price = 1800 exp(-875 / Q) ≈ 1737.47.
    const price2 = obAfter(1800, 875);
    expectRound(run.rounds[1], {
      round: 2,
      oraclePrice: 1800,
      startPrice: 1800,
      price: price2,
      liquidations: 1,
      collateralSold: 875,
      debtRepaid: 1.5e6,
      badDebt: 0,
      collateralReturned: 125,
      saleProceeds: obProceeds(1800, 875),
      openPositions: 1,
    });
    // Round 3: S3 = price2 ≈ 1737.47, but P3 = S2 = 1800: HF_B = 1.014 there, so B survives a round in which
    // its HF at the venue (1000 * 1737.47 * 0.8 / 1.42e6 ≈ 0.979) is already below 1.
    expect((1000 * price2 * LT) / 1.42e6).toBeLessThan(1);
    expectRound(run.rounds[2], quiet(3, 1800, price2, 1));
    // Round 4: S4 = S3, P4 = S3 ≈ 1737.47: B is liquidated, seized = 1.42e6 * 1.05 / P4 ≈ 858.14.
    const seizedB = (1.42e6 * (1 + bonus)) / price2;
    const price4 = obAfter(price2, seizedB);
    expectRound(run.rounds[3], {
      round: 4,
      oraclePrice: price2,
      startPrice: price2,
      price: price4,
      liquidations: 1,
      collateralSold: seizedB,
      debtRepaid: 1.42e6,
      badDebt: 0,
      collateralReturned: 1000 - seizedB,
      saleProceeds: obProceeds(price2, seizedB),
      openPositions: 0,
    });
    // Round 5: P5 = S4 = price2 while S5 = price4: no one left, but P != S, so not converged yet.
    expectRound(run.rounds[4], quiet(5, price2, price4, 0));
    // Round 6: P6 = S5 = S6 = price4: converged.
    expectRound(run.rounds[5], quiet(6, price4, price4, 0));
    expect(run.rounds).toHaveLength(6);
    expect(run.converged).toBe(true);
  });

  it('(d) a twap oracle (window 2) averages the last two start prices', () => {
    // A: 1000 units, debt 1.55e6; B: 1000 units, debt 1.48e6. Constant-product pool.
    const run = runCascade(
      scenario({
        oracle: { model: 'twap', window: 2 },
        positions: [
          { id: 'A', collateral: 1000, debt: 1.55e6 },
          { id: 'B', collateral: 1000, debt: 1.48e6 },
        ],
      }),
    );

    // Round 1: S1 = 1800, P1 = (S0 + S1) / 2 = (2000 + 1800) / 2 = 1900.
    // HF_A = 1000 * 1900 * 0.8 / 1.55e6 = 1.52e6 / 1.55e6 = 0.9806: liquidated at 1900.
    // HF_B = 1.52e6 / 1.48e6 = 1.027: safe (though at the venue's 1800 it would be 0.973).
    // seized_A = 1.55e6 * 1.05 / 1900 ≈ 856.58, returned ≈ 143.42. Price ≈ 1742.04.
    const seizedA = (1.55e6 * (1 + bonus)) / 1900;
    const price1 = cpAfter(1800, seizedA);
    expectRound(run.rounds[0], {
      round: 1,
      oraclePrice: 1900,
      startPrice: 1800,
      price: price1,
      liquidations: 1,
      collateralSold: seizedA,
      debtRepaid: 1.55e6,
      badDebt: 0,
      collateralReturned: 1000 - seizedA,
      saleProceeds: cpProceeds(1800, seizedA),
      openPositions: 1,
    });
    // Round 2: S2 = price1, P2 = (1800 + S2) / 2 ≈ 1771.02. HF_B ≈ 0.957: liquidated at P2.
    // seized_B = 1.48e6 * 1.05 / P2 ≈ 877.46. The sale starts from S2: price ≈ 1685.52.
    const P2 = (1800 + price1) / 2;
    const seizedB = (1.48e6 * (1 + bonus)) / P2;
    const price2 = cpAfter(price1, seizedB);
    expectRound(run.rounds[1], {
      round: 2,
      oraclePrice: P2,
      startPrice: price1,
      price: price2,
      liquidations: 1,
      collateralSold: seizedB,
      debtRepaid: 1.48e6,
      badDebt: 0,
      collateralReturned: 1000 - seizedB,
      saleProceeds: cpProceeds(price1, seizedB),
      openPositions: 0,
    });
    // Round 3: S3 = price2, P3 = (S2 + S3) / 2 ≈ 1713.78 != S3: not converged.
    expectRound(run.rounds[2], quiet(3, (price1 + price2) / 2, price2, 0));
    // Round 4: P4 = (S3 + S4) / 2 = S4: converged.
    expectRound(run.rounds[3], quiet(4, price2, price2, 0));
    expect(run.rounds).toHaveLength(4);
    expect(run.converged).toBe(true);
  });

  it('(e) recovery 0.5 moves the venue half-way back to pext along its curve at the start of each round', () => {
    // A and B as in (a); recovery rho = 0.5.
    const rho = 0.5;
    const run = runCascade(
      scenario({
        market: { recovery: rho },
        positions: [
          { id: 'A', collateral: 1000, debt: 1.5e6 },
          { id: 'B', collateral: 1000, debt: 1.42e6 },
        ],
      }),
    );

    // Round 1: no recovery yet, as in (a): S1 = 1800, A liquidated, 875 sold, price ≈ 1740.82.
    const price1 = cpAfter(1800, 875);
    expectRound(run.rounds[0], {
      round: 1,
      oraclePrice: 1800,
      startPrice: 1800,
      price: price1,
      liquidations: 1,
      collateralSold: 875,
      debtRepaid: 1.5e6,
      badDebt: 0,
      collateralReturned: 125,
      openPositions: 1,
    });
    // Round 2: S2 = price1 + 0.5 (1800 - price1) ≈ 1770.41 = P2. HF_B = 1000 * 1770.41 * 0.8 / 1.42e6 ≈ 0.9974.
    // seized_B = 1.42e6 * 1.05 / S2 ≈ 842.18 (less than the 856.49 of (a): the price has recovered).
    // The pool sits on the same curve (k unchanged), so the sale starts from base sqrt(k / S2): price ≈ 1714.79.
    const S2 = price1 + rho * (pext - price1);
    expect((1000 * S2 * LT) / 1.42e6).toBeLessThan(1);
    const seizedB = (1.42e6 * (1 + bonus)) / S2;
    const price2 = cpAfter(S2, seizedB);
    expectRound(run.rounds[1], {
      round: 2,
      oraclePrice: S2,
      startPrice: S2,
      price: price2,
      liquidations: 1,
      collateralSold: seizedB,
      debtRepaid: 1.42e6,
      badDebt: 0,
      collateralReturned: 1000 - seizedB,
      saleProceeds: cpProceeds(S2, seizedB),
      openPositions: 0,
    });
    // Round 3: S3 = price2 + 0.5 (1800 - price2) ≈ 1757.39 = P3; nothing left: converged.
    const S3 = price2 + rho * (pext - price2);
    expectRound(run.rounds[2], quiet(3, S3, S3, 0));
    expect(run.rounds).toHaveLength(3);
    expect(run.converged).toBe(true);
  });

  it('(e) recovery on an order book closes the gap to pext geometrically, round after round', () => {
    // One position A (1000 units, debt 1.55e6), twap window 2 so that the run goes on while the venue moves.
    // Round 1: P1 = 1900, A liquidated (HF 0.9806), seized 1.55e6 * 1.05 / 1900, price1 = 1800 exp(-seized/Q).
    // From round 2 on there is no sale, so the gap to pext shrinks by (1 - rho) each round:
    // S(r) = pext - (pext - price1) (1 - rho)^(r - 1). The twap P(r) = (S(r-1) + S(r)) / 2 differs from S(r)
    // by (S(r) - S(r-1)) / 2, so the run stops at the first round where that is <= 1e-9 S(r).
    const rho = 0.25;
    const run = runCascade(
      scenario({
        market: { model: 'orderbook', recovery: rho },
        oracle: { model: 'twap', window: 2 },
        positions: [{ id: 'A', collateral: 1000, debt: 1.55e6 }],
      }),
    );
    const seized = (1.55e6 * (1 + bonus)) / 1900;
    const price1 = obAfter(1800, seized);
    expectClose(run.rounds[0]!.price, price1, REL);
    const S = (r: number) => (r === 1 ? pext : pext - (pext - price1) * (1 - rho) ** (r - 1));
    let expectedLast = 0;
    for (let r = 2; r < 200; r++) {
      if (Math.abs((S(r) - S(r - 1)) / 2) <= 1e-9 * S(r)) {
        expectedLast = r;
        break;
      }
    }
    // (pext - price1) ≈ 152 and each round keeps 3/4 of the gap: about 70 rounds to reach 1e-9.
    expect(expectedLast).toBeGreaterThan(50);
    expect(run.rounds).toHaveLength(expectedLast);
    expect(run.converged).toBe(true);
    for (const rec of run.rounds.slice(1)) {
      expectClose(rec.startPrice, S(rec.round), 1e-12, `round ${rec.round} startPrice`);
      expectClose(rec.oraclePrice, (S(rec.round - 1) + S(rec.round)) / 2, 1e-12, `round ${rec.round} P`);
      expect(rec.price).toBe(rec.startPrice);
      expect(rec.startPrice).toBeLessThanOrEqual(pext);
    }
  });

  it('(e) recovery 1 puts the venue back exactly at pext in round 2', () => {
    const run = runCascade(
      scenario({ market: { recovery: 1 }, positions: [{ id: 'A', collateral: 1000, debt: 1.5e6 }] }),
    );
    // Round 1 sells 875 (price ≈ 1740.82); round 2 starts at pext = 1800, spot P2 = 1800, nothing to do.
    expectClose(run.rounds[0]!.price, cpAfter(1800, 875), REL);
    expectRound(run.rounds[1], quiet(2, pext, pext, 0));
    expect(run.rounds).toHaveLength(2);
  });

  it('(f) a position under water produces bad debt', () => {
    // A: 1000 units, debt 1.8e6. Round 1: P = 1800, HF = 1.44e6 / 1.8e6 = 0.8.
    // Its collateral covers only 1000 * 1800 / 1.05 = 1714285.71 < 1.8e6: all 1000 units are seized,
    // 1714285.71 repaid, bad debt 1.8e6 - 1714285.71 = 85714.29, nothing returned. Price ≈ 1732.61.
    const run = runCascade(scenario({ positions: [{ id: 'A', collateral: 1000, debt: 1.8e6 }] }));
    const repaid = (1000 * 1800) / (1 + bonus);
    const price1 = cpAfter(1800, 1000);
    expectRound(run.rounds[0], {
      round: 1,
      oraclePrice: 1800,
      startPrice: 1800,
      price: price1,
      liquidations: 1,
      collateralSold: 1000,
      debtRepaid: repaid,
      badDebt: 1.8e6 - repaid,
      collateralReturned: 0,
      saleProceeds: cpProceeds(1800, 1000),
      openPositions: 0,
    });
    expectClose(run.rounds[0]!.badDebt, 85_714.285_714_285_7, 1e-10);
    expectRound(run.rounds[1], quiet(2, price1, price1, 0));
    expect(run.converged).toBe(true);
  });

  it('(f) a partial liquidation whose cap cannot be covered closes the position with bad debt', () => {
    // A: 1000 units, debt 3.6e6, closeFactor 0.5, order book. P1 = 1800, HF = 0.4.
    // cap = 1.8e6 > 1000 * 1800 / 1.05 = 1714285.71: all seized, bad debt = 3.6e6 - 1714285.71 (whole rest).
    const run = runCascade(
      scenario({
        market: { model: 'orderbook' },
        liquidation: { mechanism: 'partial', closeFactor: 0.5 },
        positions: [{ id: 'A', collateral: 1000, debt: 3.6e6 }],
      }),
    );
    const repaid = (1000 * 1800) / (1 + bonus);
    expectRound(run.rounds[0], {
      round: 1,
      oraclePrice: 1800,
      startPrice: 1800,
      price: obAfter(1800, 1000),
      liquidations: 1,
      collateralSold: 1000,
      debtRepaid: repaid,
      badDebt: 3.6e6 - repaid,
      collateralReturned: 0,
      openPositions: 0,
    });
    expect(run.book.open[0]).toBe(0);
    expect(run.rounds).toHaveLength(2);
  });

  it('(g) the rounds cap stops an unfinished cascade with converged false', () => {
    // Lagged oracle with delay 5: for rounds 1..3 it reads S(-4..-2) = p0 = 2000, while S = 1800, so no round
    // can converge before round 6. rounds: 3 stops it after round 3.
    const s = scenario({
      oracle: { model: 'lagged', delay: 5 },
      rounds: 3,
      positions: [{ id: 'A', collateral: 1000, debt: 1.5e6 }],
    });
    const run = runCascade(s);
    expect(run.rounds).toHaveLength(3);
    expect(run.converged).toBe(false);
    for (const [i, rec] of run.rounds.entries()) {
      expectRound(rec, quiet(i + 1, p0, 1800, 1));
    }
    // The option overrides the scenario's rounds.
    const capped = runCascade(s, { maxRounds: 2 });
    expect(capped.rounds).toHaveLength(2);
    expect(capped.converged).toBe(false);
    // Without a cap it goes on: round 6 reads S1 = 1800 and liquidates A.
    const longer = runCascade({ ...s, rounds: 500 });
    expect(longer.rounds[5]!.liquidations).toBe(1);
    expect(longer.rounds[4]!.liquidations).toBe(0);
    expect(longer.converged).toBe(true);
  });

  it('(g) stopping mid-cascade gives converged false; converging on the last allowed round gives true', () => {
    const two = (rounds: number) =>
      runCascade(
        scenario({
          rounds,
          positions: [
            { id: 'A', collateral: 1000, debt: 1.5e6 },
            { id: 'B', collateral: 1000, debt: 1.42e6 },
          ],
        }),
      );
    // Example (a) needs 3 rounds.
    expect(two(1).rounds).toHaveLength(1);
    expect(two(1).converged).toBe(false);
    expect(two(2).converged).toBe(false);
    expect(two(3).converged).toBe(true);
    expect(two(3).rounds).toHaveLength(3);
  });

  it('a cascade refuses to step once it is done', () => {
    const cascade = new Cascade(scenario({ rounds: 1 }));
    expect(cascade.round).toBe(0);
    expect(cascade.done).toBe(false);
    cascade.step();
    expect(cascade.round).toBe(1);
    expect(cascade.done).toBe(true);
    expect(() => cascade.step()).toThrow();
  });

  it('with nothing to liquidate and a spot oracle, round 1 converges', () => {
    const run = runCascade(scenario({ positions: [{ id: 'safe', collateral: 1000, debt: 1e6 }] }));
    expect(run.rounds).toHaveLength(1);
    expectRound(run.rounds[0], quiet(1, pext, pext, 1));
    expect(run.converged).toBe(true);
  });
});

describe('cascade: liquidation rules', () => {
  it('a position with HF exactly 1 is not liquidated; one just below is', () => {
    // Shock 25% on an order book: S1 = P1 = 2000 * 0.75 = 1500 exactly.
    // "one":  2 units, debt 1500, LT 0.5: HF = 2 * 1500 * 0.5 / 1500 = 1 exactly.
    // "lt08": 1 unit, debt 1200, LT 0.8: HF = 1500 * 0.8 / 1200 = 1 exactly.
    // "above": 1 unit, debt 1199: HF = 1.0008.  "below": 1 unit, debt 1200.000001: HF just under 1.
    const s = scenario({
      market: { model: 'orderbook' },
      shock: { pct: 0.25 },
      positions: [
        { id: 'one', collateral: 2, debt: 1500, threshold: 0.5 },
        { id: 'lt08', collateral: 1, debt: 1200 },
        { id: 'above', collateral: 1, debt: 1199 },
        { id: 'below', collateral: 1, debt: 1200.000001 },
      ],
    });
    expect((2 * 1500 * 0.5) / 1500).toBe(1);
    expect((1 * 1500 * 0.8) / 1200).toBe(1);
    const cascade = new Cascade(s, { recordEvents: true });
    const { record, events } = cascade.step();
    expect(record.oraclePrice).toBe(1500);
    expect(record.liquidations).toBe(1);
    expect(events!.position).toEqual([3]);
    expect(cascade.book.id(3)).toBe('below');
    expect([...cascade.book.open]).toEqual([1, 1, 1, 0]);
  });

  it('a position is liquidated at most once per round, even if it stays under water', () => {
    // LT 0.95, bonus 0.1, closeFactor 0.5: a partial liquidation here makes HF worse.
    // A: 1000 units, debt 1000 * 1800 * 0.95 / 0.96 = 1.78125e6: HF at 1800 = 0.96.
    // Round 1: cap 890625, seized 890625 * 1.1 / 1800 ≈ 544.27; left 455.73 units, debt 890625:
    // HF = 455.73 * 1800 * 0.95 / 890625 ≈ 0.875 < 1 still, but it must wait for round 2.
    const s = scenario({
      market: { model: 'orderbook' },
      liquidation: { mechanism: 'partial', closeFactor: 0.5, bonus: 0.1, threshold: 0.95 },
      positions: [{ id: 'A', collateral: 1000, debt: 1.78125e6 }],
    });
    const cascade = new Cascade(s, { recordEvents: true });
    const { record, events } = cascade.step();
    const seized = (890_625 * 1.1) / 1800;
    expect(record.liquidations).toBe(1);
    expect(events!.length).toBe(1);
    expect(record.debtRepaid).toBe(890_625);
    expectClose(record.collateralSold, seized);
    expect(cascade.book.debt[0]).toBe(890_625);
    expect(cascade.book.healthFactor(0, 1800)).toBeLessThan(1);
    // Round 2 takes the next half: 445312.5.
    const second = cascade.step().record;
    expect(second.liquidations).toBe(1);
    expectClose(second.debtRepaid, 445_312.5);
  });

  it('in a large partial cascade no position appears twice in one round', () => {
    const run = runCascade(
      scenario({
        market: { model: 'orderbook', depth2pct: 2e5 },
        liquidation: { mechanism: 'partial', closeFactor: 0.3, bonus: 0.1, threshold: 0.9 },
        shock: { pct: 0.15 },
        generate: {
          count: 300,
          seed: 11,
          collateral: { min: 1, max: 50 },
          healthFactor: { min: 0.8, max: 1.4 },
        },
      }),
      { recordEvents: true },
    );
    expect(run.events).toHaveLength(run.rounds.length);
    let total = 0;
    for (const [i, events] of run.events!.entries()) {
      expect(new Set(events.position).size).toBe(events.length);
      expect(run.rounds[i]!.liquidations).toBe(events.length);
      total += events.length;
    }
    // Some positions were liquidated in several rounds, so the count of liquidations exceeds the positions hit.
    expect(total).toBeGreaterThan(run.book.liquidatedCount);
  });

  it('every liquidated position had HF < 1 at the oracle price, and every open one skipped had HF >= 1', () => {
    const s = scenario({
      liquidation: { mechanism: 'partial', closeFactor: 0.5 },
      shock: { pct: 0.2 },
      generate: {
        count: 200,
        seed: 3,
        collateral: { min: 1, max: 100 },
        healthFactor: { min: 0.9, max: 1.6 },
      },
    });
    const cascade = new Cascade(s, { recordEvents: true });
    while (!cascade.done) {
      const book = cascade.book;
      const before = {
        collateral: book.collateral.slice(),
        debt: book.debt.slice(),
        open: book.open.slice(),
      };
      const { record, events } = cascade.step();
      const hit = new Set(events!.position);
      for (let i = 0; i < book.count; i++) {
        if (!before.open[i] || before.debt[i] === 0) continue;
        const hf = (before.collateral[i]! * record.oraclePrice * LT) / before.debt[i]!;
        expect(hit.has(i), `round ${record.round} position ${i} HF ${hf}`).toBe(hf < 1);
      }
    }
  });
});

describe('generated books', () => {
  const gen = (seed: number): Scenario =>
    scenario({
      generate: { count: 100, seed, collateral: { min: 5, max: 50 }, healthFactor: { min: 1.01, max: 1.8 } },
    });
  const book = (s: Scenario) =>
    new PositionBook({
      positions: s.positions,
      generate: s.generate,
      initialPrice: s.asset.price,
      threshold: s.liquidation.threshold,
    });

  it('are deterministic for the same seed', () => {
    const a = book(gen(42));
    const b = book(gen(42));
    expect([...a.collateral]).toEqual([...b.collateral]);
    expect([...a.debt]).toEqual([...b.debt]);
    expect(runCascade(gen(42)).rounds).toEqual(runCascade(gen(42)).rounds);
  });

  it('differ for another seed', () => {
    const a = book(gen(42));
    const b = book(gen(43));
    let differing = 0;
    for (let i = 0; i < a.count; i++)
      if (a.collateral[i] !== b.collateral[i] || a.debt[i] !== b.debt[i]) differing++;
    expect(differing).toBe(a.count);
  });

  it('draw collateral then HF per position, with debt = collateral p0 LT / HF, all within range', () => {
    const s = gen(7);
    const b = book(s);
    const { collateral: cr, healthFactor: hr } = s.generate!;
    // The seeded generator's draws, in order: collateral_0, HF_0, collateral_1, HF_1, ...
    const uniform = seededUniform(7);
    expect(b.count).toBe(100);
    for (let i = 0; i < b.count; i++) {
      const c = cr.min + (cr.max - cr.min) * uniform();
      const h = hr.min + (hr.max - hr.min) * uniform();
      expectClose(b.collateral[i]!, c, 1e-15, `collateral ${i}`);
      expect(b.collateral[i]).toBeGreaterThanOrEqual(cr.min);
      expect(b.collateral[i]).toBeLessThanOrEqual(cr.max);
      // HF at p0 = collateral * p0 * LT / debt, which must give back the drawn value.
      const hf = (b.collateral[i]! * p0 * LT) / b.debt[i]!;
      expectClose(hf, h, 1e-12, `HF ${i}`);
      expectClose(b.healthFactor(i, p0), h, 1e-12, `book HF ${i}`);
      expect(hf).toBeGreaterThanOrEqual(hr.min * (1 - 1e-12));
      expect(hf).toBeLessThanOrEqual(hr.max * (1 + 1e-12));
      expect(b.threshold[i]).toBe(LT);
      expect(b.id(i)).toBe(`g${i}`);
    }
  });

  it('come after the explicit positions, which keep their own threshold', () => {
    const s = scenario({
      positions: [{ id: 'mine', collateral: 3, debt: 1000, threshold: 0.7 }],
      generate: { count: 5, seed: 1, collateral: { min: 1, max: 2 }, healthFactor: { min: 1.1, max: 1.2 } },
    });
    const b = book(s);
    expect(b.count).toBe(6);
    expect(b.id(0)).toBe('mine');
    expect(b.threshold[0]).toBe(0.7);
    expect(b.collateral[0]).toBe(3);
    expect(b.id(1)).toBe('g0');
    expect(b.id(5)).toBe('g4');
    for (let i = 1; i < 6; i++) expect(b.threshold[i]).toBe(LT);
  });

  // BUG (src/engine/rng.ts): seededUniform hands the integer seed straight to xoroshiro128plus without scrambling
  // it, and the first outputs of that generator are nearly a linear function of the seed. The first draw is
  // ≈ 1 - seed / 2^32 for every seed in [0, 2^31), so g0's collateral is always at the top of its range, and
  // the second draw (g0's HF) repeats with period 8 in the seed. A uniform generator would put about 1% of
  // first draws in the top 1% of the range.
  it('the first generated position is not pinned to the top of its collateral range (seeds 0..99)', () => {
    let top = 0;
    for (let seed = 0; seed < 100; seed++) {
      const b = new PositionBook({
        positions: [],
        generate: { count: 1, seed, collateral: { min: 0, max: 1 }, healthFactor: { min: 1, max: 2 } },
        initialPrice: p0,
        threshold: LT,
      });
      if (b.collateral[0]! > 0.99) top++;
    }
    // Binomial(100, 0.01): more than 10 is astronomically unlikely for a uniform draw.
    expect(top).toBeLessThanOrEqual(10);
  });
});
