import { describe, expect, it } from 'vitest';
import { createMechanism, liquidate, type Liquidation } from '../../src/engine/index.js';
import { expectClose } from './close.js';

const full = createMechanism({ mechanism: 'full', bonus: 0.05, threshold: 0.8 });
const half = createMechanism({ mechanism: 'partial', closeFactor: 0.5, bonus: 0.05, threshold: 0.8 });

/** Every liquidation conserves collateral and debt. */
function expectConserved(l: Liquidation, collateral: number, debt: number): void {
  expectClose(l.seized + l.returned + l.collateralAfter, collateral, 1e-12, 'collateral');
  expectClose(l.repaid + l.badDebt + l.debtAfter, debt, 1e-12, 'debt');
}

describe('createMechanism', () => {
  it('full caps a liquidation at the whole debt and closes the position', () => {
    expect(full.cap(12_000, 0.5)).toBe(12_000);
    expect(full.closesPosition).toBe(true);
  });

  it('partial caps a liquidation at closeFactor * debt and leaves the position open', () => {
    expect(half.cap(12_000, 0.5)).toBe(6000);
    expect(
      createMechanism({ mechanism: 'partial', closeFactor: 0.25, bonus: 0, threshold: 1 }).cap(1000, 0.9),
    ).toBe(250);
    expect(half.closesPosition).toBe(false);
  });

  it('partial with fullBelowHealth repays the whole debt at or below that health factor (Aave v3)', () => {
    const aave = createMechanism({
      mechanism: 'partial',
      closeFactor: 0.5,
      fullBelowHealth: 0.95,
      bonus: 0.05,
      threshold: 0.8,
    });
    expect(aave.cap(1000, 0.96)).toBe(500);
    expect(aave.cap(1000, 0.95)).toBe(1000);
    expect(aave.cap(1000, 0.5)).toBe(1000);
  });

  it('partial without a closeFactor is refused', () => {
    expect(() => createMechanism({ mechanism: 'partial', bonus: 0.05, threshold: 0.8 })).toThrow(
      /closeFactor/,
    );
  });
});

describe('liquidate', () => {
  it('full, covered: repays the debt, seizes debt (1 + bonus) / P, returns the rest', () => {
    // collateral 10, debt 12000, P 1500, bonus 5%.
    // collateral value / (1 + bonus) = 15000 / 1.05 ≈ 14285.71 >= cap 12000, so covered.
    // seized = 12000 * 1.05 / 1500 = 12600 / 1500 = 8.4; returned = 10 - 8.4 = 1.6.
    const l = liquidate(full, 10, 12_000, 1500, 0.05);
    expect(l.repaid).toBe(12_000);
    expectClose(l.seized, 8.4);
    expectClose(l.returned, 1.6, 1e-12);
    expect(l.badDebt).toBe(0);
    expect(l.collateralAfter).toBe(0);
    expect(l.debtAfter).toBe(0);
    expect(l.closed).toBe(true);
    expectConserved(l, 10, 12_000);
  });

  it('full, under water: seizes everything, repays its value / (1 + bonus), the rest is bad debt', () => {
    // collateral 10, debt 15000, P 1500: 15000 / 1.05 = 14285.714... < 15000.
    // repaid = 100000 / 7 = 14285.714...; bad debt = 15000 - 100000/7 = 5000/7 ≈ 714.29.
    const l = liquidate(full, 10, 15_000, 1500, 0.05);
    expectClose(l.repaid, 100_000 / 7);
    expect(l.seized).toBe(10);
    expectClose(l.badDebt, 5000 / 7, 1e-12);
    expect(l.returned).toBe(0);
    expect(l.collateralAfter).toBe(0);
    expect(l.debtAfter).toBe(0);
    expect(l.closed).toBe(true);
    expectConserved(l, 10, 15_000);
  });

  it('partial, covered: repays closeFactor of the debt and leaves the position open with the rest', () => {
    // collateral 10, debt 12000, P 1500, closeFactor 0.5: cap 6000 <= 14285.71, covered.
    // seized = 6000 * 1.05 / 1500 = 4.2; collateral after 5.8; debt after 6000.
    const l = liquidate(half, 10, 12_000, 1500, 0.05);
    expect(l.repaid).toBe(6000);
    expectClose(l.seized, 4.2);
    expectClose(l.collateralAfter, 5.8);
    expect(l.debtAfter).toBe(6000);
    expect(l.badDebt).toBe(0);
    expect(l.returned).toBe(0);
    expect(l.closed).toBe(false);
    expectConserved(l, 10, 12_000);
  });

  it('partial that cannot cover its cap: everything seized, the rest of the debt is bad debt, closed', () => {
    // collateral 10, debt 30000, P 1500, closeFactor 0.5: cap 15000 > 15000 / 1.05 = 100000/7.
    // repaid = 100000/7 ≈ 14285.71; bad debt = 30000 - 100000/7 = 110000/7 ≈ 15714.29 (the whole rest, not cap - repaid).
    const l = liquidate(half, 10, 30_000, 1500, 0.05);
    expectClose(l.repaid, 100_000 / 7);
    expect(l.seized).toBe(10);
    expectClose(l.badDebt, 110_000 / 7);
    expect(l.returned).toBe(0);
    expect(l.collateralAfter).toBe(0);
    expect(l.debtAfter).toBe(0);
    expect(l.closed).toBe(true);
    expectConserved(l, 10, 30_000);
  });

  it('bonus 0: seizes exactly the debt value', () => {
    // Full: seized = 12000 / 1500 = 8, returned 2.
    const f = liquidate(full, 10, 12_000, 1500, 0);
    expect(f.repaid).toBe(12_000);
    expectClose(f.seized, 8);
    expectClose(f.returned, 2);
    expect(f.closed).toBe(true);
    // Partial: seized = 6000 / 1500 = 4, collateral after 6, debt after 6000.
    const p = liquidate(half, 10, 12_000, 1500, 0);
    expectClose(p.seized, 4);
    expectClose(p.collateralAfter, 6);
    expect(p.debtAfter).toBe(6000);
    expect(p.closed).toBe(false);
    // Under water at bonus 0: collateral worth 15000 against debt 16000: repaid 15000, bad debt 1000.
    const u = liquidate(full, 10, 16_000, 1500, 0);
    expectClose(u.repaid, 15_000);
    expect(u.seized).toBe(10);
    expectClose(u.badDebt, 1000);
    expectConserved(u, 10, 16_000);
  });

  it('collateral worth exactly the cap counts as covered: no bad debt', () => {
    // bonus 0, collateral 8 at P 1500 is worth exactly 12000 = debt.
    const l = liquidate(full, 8, 12_000, 1500, 0);
    expect(l.repaid).toBe(12_000);
    expect(l.badDebt).toBe(0);
    expect(l.seized).toBe(8);
    expect(l.returned).toBe(0);
    expect(l.closed).toBe(true);
    // Partial at the boundary: 4 units at 1500 are worth exactly the cap 0.5 * 12000 = 6000. Covered, so the
    // position stays open (with no collateral left) and the other 6000 of debt is not written off.
    const p = liquidate(half, 4, 12_000, 1500, 0);
    expect(p.repaid).toBe(6000);
    expect(p.seized).toBe(4);
    expect(p.badDebt).toBe(0);
    expect(p.collateralAfter).toBe(0);
    expect(p.debtAfter).toBe(6000);
    expect(p.closed).toBe(false);
  });

  it('a larger bonus seizes proportionally more collateral for the same debt', () => {
    // seized = 12000 * (1 + b) / 1500 = 8 (1 + b).
    for (const b of [0, 0.05, 0.1, 0.2])
      expectClose(liquidate(full, 10, 12_000, 1500, b).seized, 8 * (1 + b));
  });
});
