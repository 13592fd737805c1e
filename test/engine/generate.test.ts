import { describe, expect, it } from 'vitest';
import { PositionBook, drawPeaked, drawSize } from '../../src/engine/index.js';

describe('generated books: the shape of health factors and sizes', () => {
  it('a triangular health factor inverts its distribution function exactly', () => {
    const range = { min: 1, max: 3, mode: 1.5 };
    // F(mode) = (mode - min) / (max - min) = 0.25: the quarter below the peak.
    expect(drawPeaked(range, 0)).toBe(1);
    expect(drawPeaked(range, 0.25)).toBeCloseTo(1.5, 12);
    // Below the peak, F(x) = (x - min)^2 / ((max - min)(mode - min)): F(1.25) = 0.0625.
    expect(drawPeaked(range, 0.0625)).toBeCloseTo(1.25, 12);
    // Above it, 1 - F(x) = (max - x)^2 / ((max - min)(max - mode)): F(2.5) = 1 - 0.25 / 3.
    expect(drawPeaked(range, 1 - 0.25 / 3)).toBeCloseTo(2.5, 12);
  });

  it('without a mode the health factor is uniform, as before', () => {
    expect(drawPeaked({ min: 1.02, max: 1.8 }, 0.5)).toBeCloseTo(1.41, 12);
  });

  it('a log-scale size spreads evenly over decades; a linear one over the range', () => {
    expect(drawSize({ min: 1, max: 1000, scale: 'log' }, 1 / 3)).toBeCloseTo(10, 10);
    expect(drawSize({ min: 1, max: 1000, scale: 'log' }, 2 / 3)).toBeCloseTo(100, 10);
    expect(drawSize({ min: 1, max: 1000 }, 0.5)).toBeCloseTo(500.5, 12);
  });

  it('a book shaped like a real one: most positions comfortable, a thin tail near the edge', () => {
    const book = new PositionBook({
      positions: [],
      generate: {
        count: 20_000,
        seed: 3,
        collateral: { min: 0.5, max: 500, scale: 'log' },
        healthFactor: { min: 1.01, max: 3, mode: 1.6 },
      },
      initialPrice: 2000,
      threshold: 0.8,
    });
    let nearEdge = 0;
    let comfortable = 0;
    let belowFive = 0;
    for (let i = 0; i < book.count; i++) {
      const hf = book.healthFactor(i, 2000);
      expect(hf).toBeGreaterThanOrEqual(1.01 - 1e-12);
      expect(hf).toBeLessThanOrEqual(3 + 1e-12);
      if (hf < 1.1) nearEdge++;
      if (hf >= 1.3) comfortable++;
      if (book.collateral[i]! < 5) belowFive++;
    }
    // Triangular F(1.1) = 0.09^2 / (1.99 * 0.59) = 0.69%, F(1.3) = 0.29^2 / (1.99 * 0.59) = 7.2%.
    expect(nearEdge / book.count).toBeGreaterThan(0.004);
    expect(nearEdge / book.count).toBeLessThan(0.01);
    expect(comfortable / book.count).toBeGreaterThan(0.91);
    // Log-uniform over three decades: a third of positions below 5 units.
    expect(belowFive / book.count).toBeGreaterThan(0.31);
    expect(belowFive / book.count).toBeLessThan(0.36);
  });
});

describe('generated perpetuals take the same shapes', () => {
  it('log sizes and a leverage peaked at its mode', async () => {
    const { PerpBook } = await import('../../src/engine/perps/book.js');
    const book = new PerpBook(
      {
        insuranceFund: 0,
        liquidationFee: 0.005,
        maintenance: 0.01,
        sliceFraction: 0.2,
        positions: [],
        generate: {
          longs: 10_000,
          shorts: 0,
          seed: 5,
          size: { min: 0.01, max: 100, scale: 'log' },
          leverage: { min: 1, max: 40, mode: 5 },
          entrySpread: 0,
        },
      },
      100_000,
    );
    let small = 0;
    let highLeverage = 0;
    for (let i = 0; i < book.count; i++) {
      if (book.size[i]! < 1) small++;
      const leverage = (book.size[i]! * book.entry[i]!) / book.margin[i]!;
      expect(leverage).toBeGreaterThanOrEqual(1 - 1e-9);
      expect(leverage).toBeLessThanOrEqual(40 + 1e-9);
      if (leverage > 20) highLeverage++;
    }
    // Log-uniform over four decades: half below 1. Triangular(1, 5, 40): P(L > 20) = 20² / (39 · 35) = 29.3%.
    expect(small / book.count).toBeGreaterThan(0.48);
    expect(small / book.count).toBeLessThan(0.52);
    expect(highLeverage / book.count).toBeGreaterThan(0.27);
    expect(highLeverage / book.count).toBeLessThan(0.315);
  });
});

describe('generated perpetuals start healthy', () => {
  it('entries are narrowed so that no position is liquidatable at p0, whatever its leverage', async () => {
    const { PerpBook, healthyEntry } = await import('../../src/engine/perps/book.js');
    const spec = {
      insuranceFund: 0,
      liquidationFee: 0.005,
      maintenance: 0.0125,
      sliceFraction: 0.2,
      positions: [],
      generate: {
        longs: 5_000,
        shorts: 5_000,
        seed: 9,
        size: { min: 0.01, max: 10 },
        leverage: { min: 1, max: 79 },
        entrySpread: 0.1,
      },
    };
    const book = new PerpBook(spec, 100_000);
    expect(Array.from(book.takeLiquidatable(100_000))).toEqual([]);
    // A 40x long may enter at most p0 · (1 − mm) / (1 − 1/40) = 101,282 (not 110,000); a short at least 98,780.
    expect(healthyEntry(100_000, 0.1, 40, 0.0125, true, 1)).toBeCloseTo((100_000 * 0.9875) / 0.975, 6);
    expect(healthyEntry(100_000, 0.1, 40, 0.0125, false, 0)).toBeCloseTo((100_000 * 1.0125) / 1.025, 6);
    // A 2x position is far from its liquidation price anywhere in the spread: the full range is kept.
    expect(healthyEntry(100_000, 0.1, 2, 0.0125, true, 0.999999)).toBeCloseTo(109_999.98, 1);
  });
});
