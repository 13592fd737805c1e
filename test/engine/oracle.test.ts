import { describe, expect, it } from 'vitest';
import { createOracle, type StartPrices } from '../../src/engine/index.js';

const p0 = 2000;
// S(1..5), hand-made; S(r) = p0 for r <= 0.
const S = [1800, 1700, 1650, 1600, 1590];

/** A StartPrices over S that also records which rounds were read. */
function startPrices(): StartPrices & { reads: number[] } {
  const reads: number[] = [];
  return {
    reads,
    at(round: number) {
      reads.push(round);
      if (round > S.length) throw new Error(`round ${round} has not started`);
      return round <= 0 ? p0 : S[round - 1]!;
    },
  };
}

describe('spot oracle', () => {
  const spot = createOracle({ model: 'spot' });

  it('reads S(r)', () => {
    expect(spot(startPrices(), 1)).toBe(1800);
    expect(spot(startPrices(), 3)).toBe(1650);
    expect(spot(startPrices(), 5)).toBe(1590);
  });

  it('reads p0 for rounds <= 0', () => {
    expect(spot(startPrices(), 0)).toBe(p0);
    expect(spot(startPrices(), -3)).toBe(p0);
  });

  it('reads only round r', () => {
    const prices = startPrices();
    spot(prices, 4);
    expect(prices.reads).toEqual([4]);
  });
});

describe('lagged oracle', () => {
  it('delay 1 reads S(r - 1), and p0 in round 1', () => {
    const lagged = createOracle({ model: 'lagged', delay: 1 });
    expect(lagged(startPrices(), 1)).toBe(p0);
    expect(lagged(startPrices(), 2)).toBe(1800);
    expect(lagged(startPrices(), 3)).toBe(1700);
    expect(lagged(startPrices(), 5)).toBe(1600);
  });

  it('delay 3 reads p0 until round 4', () => {
    const lagged = createOracle({ model: 'lagged', delay: 3 });
    expect(lagged(startPrices(), 1)).toBe(p0); // S(-2)
    expect(lagged(startPrices(), 2)).toBe(p0); // S(-1)
    expect(lagged(startPrices(), 3)).toBe(p0); // S(0)
    expect(lagged(startPrices(), 4)).toBe(1800); // S(1)
    expect(lagged(startPrices(), 5)).toBe(1700); // S(2)
  });

  it('delay 0 is the spot oracle', () => {
    const lagged = createOracle({ model: 'lagged', delay: 0 });
    for (let r = -1; r <= 5; r++)
      expect(lagged(startPrices(), r)).toBe(createOracle({ model: 'spot' })(startPrices(), r));
  });

  it('reads exactly round r - delay', () => {
    const prices = startPrices();
    createOracle({ model: 'lagged', delay: 2 })(prices, 5);
    expect(prices.reads).toEqual([3]);
  });
});

describe('twap oracle', () => {
  it('window 2 is the mean of S(r-1) and S(r)', () => {
    const twap = createOracle({ model: 'twap', window: 2 });
    expect(twap(startPrices(), 1)).toBe((2000 + 1800) / 2); // 1900
    expect(twap(startPrices(), 2)).toBe((1800 + 1700) / 2); // 1750
    expect(twap(startPrices(), 5)).toBe((1600 + 1590) / 2); // 1595
  });

  it('window 3 averages p0 for the rounds before the first', () => {
    const twap = createOracle({ model: 'twap', window: 3 });
    // Round 1: S(-1), S(0), S(1) = 2000, 2000, 1800 -> 5800 / 3.
    expect(twap(startPrices(), 1)).toBeCloseTo(5800 / 3, 12);
    // Round 2: 2000, 1800, 1700 -> 5500 / 3.
    expect(twap(startPrices(), 2)).toBeCloseTo(5500 / 3, 12);
    // Round 4: 1700, 1650, 1600 -> 4950 / 3 = 1650.
    expect(twap(startPrices(), 4)).toBeCloseTo(1650, 12);
    // Round 0 and before: all p0.
    expect(twap(startPrices(), 0)).toBeCloseTo(p0, 12);
    expect(twap(startPrices(), -4)).toBeCloseTo(p0, 12);
  });

  it('window 1 is the spot oracle', () => {
    const twap = createOracle({ model: 'twap', window: 1 });
    for (let r = -1; r <= 5; r++) expect(twap(startPrices(), r)).toBe(S[r - 1] ?? p0);
  });

  it('window 5 in round 5 is the mean of all five start prices', () => {
    const twap = createOracle({ model: 'twap', window: 5 });
    // (1800 + 1700 + 1650 + 1600 + 1590) / 5 = 8340 / 5 = 1668.
    expect(twap(startPrices(), 5)).toBeCloseTo(1668, 12);
  });

  it('reads exactly rounds r - W + 1 .. r, and nothing later', () => {
    const prices = startPrices();
    createOracle({ model: 'twap', window: 4 })(prices, 3);
    expect([...prices.reads].sort((a, b) => a - b)).toEqual([0, 1, 2, 3]);
  });
});
