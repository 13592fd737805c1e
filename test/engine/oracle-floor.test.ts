// The oracle floor (`oracle.floor`, Chainlink's minAnswer): a price the oracle never reports below, applied
// after the model and after the circuit breaker. Worked examples by hand, then whole cascades.
import { describe, expect, it } from 'vitest';
import { Cascade, createOracle, runCascade, type StartPrices } from '../../src/engine/index.js';
import { scenario } from '../helpers/scenario.js';

const p0 = 2000;

/** S(1..n) as given; S(r) = p0 for r <= 0. */
const startPrices = (S: readonly number[]): StartPrices => ({
  at: (round) => (round <= 0 ? p0 : S[round - 1]!),
});

/** The prices an oracle reports in rounds 1..n, read in order (a breaker and a feed remember). */
function reports(oracle: ReturnType<typeof createOracle>, S: readonly number[]): number[] {
  const prices = startPrices(S);
  return S.map((_, i) => oracle(prices, i + 1));
}

describe('an oracle floor', () => {
  it('spot: reports S(r) above the floor and the floor below it', () => {
    const S = [1800, 1700, 1650, 1600, 1800];
    expect(reports(createOracle({ model: 'spot', floor: 1750 }), S)).toEqual([1800, 1750, 1750, 1750, 1800]);
  });

  it('applies to every model: lagged by one round, and a TWAP of three', () => {
    const S = [1800, 1700, 1650, 1600, 1590];
    // Lagged: S(r − 1) = 2000, 1800, 1700, 1650, 1600; floored at 1690.
    expect(reports(createOracle({ model: 'lagged', delay: 1, floor: 1690 }), S)).toEqual([
      2000, 1800, 1700, 1690, 1690,
    ]);
    // TWAP(3): (2000+2000+1800)/3, (2000+1800+1700)/3, 1716.67, 1650, 1613.33; floored at 1700.
    const twap = reports(createOracle({ model: 'twap', window: 3, floor: 1700 }), S);
    expect(twap[0]).toBeCloseTo(5800 / 3, 9);
    expect(twap[1]).toBeCloseTo(5500 / 3, 9);
    expect(twap[2]).toBeCloseTo(5150 / 3, 9);
    expect(twap.slice(3)).toEqual([1700, 1700]);
  });

  it('comes after the circuit breaker, which remembers the price reported (the floor)', () => {
    // maxChange 10%, floor 1700. Round 1: clamp(2000 → 1800) = 1800. Round 2: S = 1500, clamped to
    // max(1620, 1500) = 1620, floored to 1700. Round 3: max(1530, 1500) = 1530 → 1700. Round 4: S = 1900,
    // clamped to min(1700 · 1.1, 1900) = 1870: the breaker climbs from the floor it reported, not from the
    // 1530 it computed (which would allow only 1683, floored to 1700).
    const S = [1800, 1500, 1500, 1900, 2000];
    const reported = reports(createOracle({ model: 'spot', maxChange: 0.1, floor: 1700 }), S);
    expect(reported.slice(0, 3)).toEqual([1800, 1700, 1700]);
    expect(reported[3]).toBeCloseTo(1870, 9);
    expect(reported[4]).toBeCloseTo(2000, 9);
  });

  it('a feed that has not published reports its last value, floored', () => {
    // Deviation 10%, heartbeat 100: publishes 2000 in round 0, then 1700 (a 15% move) in round 2; the floor
    // 1900 lifts both.
    const S = [1950, 1700, 1690, 1680];
    expect(reports(createOracle({ model: 'feed', deviation: 0.1, heartbeat: 100, floor: 1900 }), S)).toEqual([
      2000, 1900, 1900, 1900,
    ]);
  });

  it('a floor below every price changes nothing, bit for bit', () => {
    const base = scenario({
      market: { model: 'constant-product', depth2pct: 3e6, fee: 0, recovery: 0 },
      generate: {
        count: 500,
        seed: 7,
        collateral: { min: 1, max: 50 },
        healthFactor: { min: 1.02, max: 1.8 },
      },
    });
    const plain = runCascade(base);
    const floored = runCascade({ ...base, oracle: { model: 'spot', floor: 1e-6 } as typeof base.oracle });
    expect(floored.rounds).toEqual(plain.rounds);
  });
});

describe('a cascade under a floored oracle', () => {
  // Order book, a 50% shock: the venue sits at 1000 from round 1. Floor 1500, LT 0.8, bonus 5%, full.
  // Position a: debt 1300 on 1 unit, liquidation price 1300 / 0.8 = 1625 > 1500: liquidated at 1500,
  // repaid 1300, seized 1300 · 1.05 / 1500 = 0.91. Position b: debt 1100, liquidation price 1375 < 1500: the
  // oracle never goes below 1500, so b is never liquidated, though at the venue's 1000 its collateral is
  // worth less than its debt.
  const floored = scenario({
    market: { model: 'orderbook', depth2pct: 1e12, fee: 0, recovery: 0 },
    oracle: { model: 'spot', floor: 1500 } as ReturnType<typeof scenario>['oracle'],
    liquidation: { mechanism: 'full', bonus: 0.05, threshold: 0.8 },
    shock: { pct: 0.5 },
    rounds: 5,
    positions: [
      { id: 'a', collateral: 1, debt: 1300 },
      { id: 'b', collateral: 1, debt: 1100 },
    ],
  });

  it('liquidates at the floor what is under water there, and leaves the rest open under water', () => {
    const cascade = new Cascade(floored);
    const round1 = cascade.step().record;
    expect(round1.startPrice).toBeCloseTo(1000, 6);
    expect(round1.oraclePrice).toBe(1500);
    expect(round1.liquidations).toBe(1);
    expect(round1.debtRepaid).toBe(1300);
    expect(round1.collateralSold).toBeCloseTo(0.91, 12);
    // Round 2 liquidates nothing at the floor while the venue stays below it: nothing can change after,
    // so the run converges there (the oracle never meets the venue, and does not need to).
    const round2 = cascade.step().record;
    expect(round2.oraclePrice).toBe(1500);
    expect(round2.liquidations).toBe(0);
    expect(cascade.converged).toBe(true);
    expect(cascade.round).toBe(2);
    expect(cascade.book.open[1]).toBe(1);
    expect(cascade.book.debt[1]! - cascade.book.collateral[1]! * cascade.venuePrice).toBeGreaterThan(0);
  });

  it('a lagged oracle held at the floor converges only once no pre-fall price is left for it to read', () => {
    // Delay 2: rounds 1 and 2 read p0 = 2000 (nothing liquidated), round 3 reads the venue's 1000, floored
    // to 1500, and liquidates a. Round 3 still has S(1), S(2) = 1000 in its memory, all below the floor:
    // round 4 liquidates nothing and the run stops there; never while p0 was still to be read.
    const lagged = {
      ...floored,
      rounds: 20,
      oracle: { model: 'lagged', delay: 2, floor: 1500 },
    } as typeof floored;
    const run = runCascade(lagged);
    expect(run.rounds.map((r) => r.oraclePrice)).toEqual([2000, 2000, 1500, 1500]);
    expect(run.rounds.map((r) => r.liquidations)).toEqual([0, 0, 1, 0]);
    expect(run.converged).toBe(true);
  });

  it('without the floor, both are liquidated in round 1 at the venue price, and the run converges', () => {
    const run = runCascade({ ...floored, oracle: { model: 'spot' } });
    expect(run.rounds[0]!.oraclePrice).toBeCloseTo(1000, 6);
    expect(run.rounds[0]!.liquidations).toBe(2);
    expect(run.converged).toBe(true);
  });
});
