import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Cascade,
  createOracle,
  marketModels,
  runCascade,
  summarize,
  type CascadeRun,
  type MarketModelName,
  type OracleSpec,
  type RoundRecord,
  type Scenario,
  type StartPrices,
  type Venue,
} from '../../src/engine/index.js';
import { arbitrage, balancingPrice } from '../../src/engine/market/index.js';
import { scenario } from '../helpers/scenario.js';
import { expectClose } from './close.js';
import { expectSameRunTwice } from '../helpers/runs.js';

// The defence levers, worked by hand. Every example starts from the helper's defaults (p0 = 2000,
// depth2pct = 1e6, fee 0, recovery 0, full liquidation, bonus 0.05, LT 0.8, shock 10%, so pext = 1800)
// and, unless it says otherwise, puts the main venue on an order book, whose state is just its price.
const p0 = 2000;
const pext = 1800;
const LT = 0.8;
const bonus = 0.05;
const REL = 1e-10;

// Order book: selling q multiplies the price by exp(-q / Q), Q = depth2pct / (p0 * -ln 0.98) per venue.
const depthScale = (depth2pct: number) => depth2pct / (p0 * -Math.log(0.98));
const Q = depthScale(1e6); // ≈ 24749.2
const obAfter = (S: number, q: number, scale = Q) => S * Math.exp(-q / scale);
const obProceeds = (S: number, q: number, scale = Q) => S * scale * (1 - Math.exp(-q / scale));

// Constant-product pool: x0 = depth2pct / (p0 (1/sqrt(0.98) - 1)), k = x0 * (p0 x0), base at price p = sqrt(k / p).
const cpK = (depth2pct: number) => {
  const x0 = depth2pct / (p0 * (1 / Math.sqrt(0.98) - 1));
  return x0 * (p0 * x0);
};

const venueOf = (model: MarketModelName, depth2pct: number, fee = 0): Venue =>
  marketModels[model]({ depth2pct, fee }, p0);

const sum = (values: Iterable<number>) => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};

/** A position whose liquidation price debt / (collateral LT) is `liquidationPrice`. */
const at = (id: string, collateral: number, liquidationPrice: number) => ({
  id,
  collateral,
  debt: collateral * LT * liquidationPrice,
});

type Expected = Partial<Omit<RoundRecord, 'venuePrices'>> & {
  readonly round: number;
  readonly venuePrices?: readonly number[];
};

/** Checks the fields given, counts exactly and amounts to REL. */
function expectRound(actual: RoundRecord | undefined, expected: Expected): void {
  expect(actual, `round ${expected.round} missing`).toBeDefined();
  const a = actual!;
  for (const [key, value] of Object.entries(expected) as [keyof RoundRecord, unknown][]) {
    const label = `round ${expected.round}: ${key}`;
    if (key === 'venuePrices') {
      const prices = value as readonly number[];
      expect(a.venuePrices, label).toHaveLength(prices.length);
      prices.forEach((p, i) => expectClose(a.venuePrices[i]!, p, REL, `${label}[${i}]`));
    } else if (
      key === 'round' ||
      key === 'liquidations' ||
      key === 'openPositions' ||
      key === 'skippedForCapital' ||
      key === 'skippedUnprofitable'
    ) {
      expect(a[key], label).toBe(value);
    } else {
      expectClose(a[key] as number, value as number, REL, label);
    }
  }
}

/** Collateral held by open positions, and their debt. */
function held(run: CascadeRun): { collateral: number; debt: number } {
  let collateral = 0;
  let debt = 0;
  for (let i = 0; i < run.book.count; i++) {
    if (!run.book.open[i]) continue;
    collateral += run.book.collateral[i]!;
    debt += run.book.debt[i]!;
  }
  return { collateral, debt };
}

describe('1. arbitrage between venues', () => {
  it('two order books balance at the depth-weighted geometric mean of their prices', () => {
    // quantityTo_i(p) = -Q_i ln(p / p_i), so Σ = 0 gives ln p* = (Q_A ln pA + Q_B ln pB) / (Q_A + Q_B).
    const QA = depthScale(1e6);
    const QB = depthScale(3e6);
    const a = venueOf('orderbook', 1e6).moveTo(1700);
    const b = venueOf('orderbook', 3e6);
    const expected = Math.exp((QA * Math.log(1700) + QB * Math.log(2000)) / (QA + QB));
    // = 1700^(1/4) 2000^(3/4) ≈ 1920.5
    expectClose(expected, 1700 ** 0.25 * 2000 ** 0.75, 1e-14);
    expectClose(balancingPrice([a, b]), expected, 1e-13);
    expectClose(balancingPrice([b, a]), expected, 1e-13);
  });

  it('two constant-product pools: Σ quantityTo = 0 at the result, which is (Σ sqrt k_i / Σ x_i)^2', () => {
    // quantityTo_i(p) = sqrt(k_i / p) - x_i, so Σ = 0 gives sqrt(p*) = Σ sqrt(k_i) / Σ x_i.
    const kA = cpK(1e6);
    const kB = cpK(2.5e6);
    const a = venueOf('constant-product', 1e6).moveTo(1700);
    const b = venueOf('constant-product', 2.5e6);
    const xA = Math.sqrt(kA / 1700);
    const xB = Math.sqrt(kB / 2000);
    const pStar = balancingPrice([a, b]);
    const flow = Math.sqrt(kA / pStar) - xA + (Math.sqrt(kB / pStar) - xB);
    // Relative to the asset each side moves (a few thousand units).
    expect(Math.abs(flow)).toBeLessThan(1e-9 * (xA - Math.sqrt(kA / pStar)));
    expect(Math.abs(a.quantityTo(pStar) + b.quantityTo(pStar))).toBeLessThan(1e-6);
    expectClose(pStar, ((Math.sqrt(kA) + Math.sqrt(kB)) / (xA + xB)) ** 2, 1e-13);
    expect(pStar).toBeGreaterThan(1700);
    expect(pStar).toBeLessThan(2000);
  });

  it('rate 1 equalises the prices; rate 0.5 trades half the quantity on each venue; bought = sold = volume', () => {
    const QA = depthScale(1e6);
    const QB = depthScale(3e6);
    const a = venueOf('orderbook', 1e6).moveTo(1700);
    const b = venueOf('orderbook', 3e6);
    const pStar = 1700 ** 0.25 * 2000 ** 0.75;
    // The cheap venue A is bought from (negative quantity), the dear venue B sold into.
    const qA = -QA * Math.log(pStar / 1700);
    const qB = -QB * Math.log(pStar / 2000);
    expect(qA).toBeLessThan(0);
    expect(qB).toBeGreaterThan(0);
    // ln(p*/1700) = (3/4) ln(2000/1700), ln(2000/p*) = (1/4) ln(2000/1700): both legs are (3/4) QA ln(20/17).
    const leg = 0.75 * QA * Math.log(2000 / 1700);
    expectClose(-qA, leg, 1e-12);
    expectClose(qB, leg, 1e-12);

    const one = arbitrage([a, b], 1);
    expectClose(one.venues[0]!.price, pStar, 1e-12);
    expectClose(one.venues[1]!.price, pStar, 1e-12);
    expectClose(one.volume, leg, 1e-9);

    const half = arbitrage([a, b], 0.5);
    // Shifting q/2 on an order book: p_i exp(-(q_i/2)/Q_i) = sqrt(p_i p*).
    expectClose(half.venues[0]!.price, 1700 * Math.exp(-qA / 2 / QA), 1e-12);
    expectClose(half.venues[0]!.price, Math.sqrt(1700 * pStar), 1e-12);
    expectClose(half.venues[1]!.price, 2000 * Math.exp(-qB / 2 / QB), 1e-12);
    expectClose(half.venues[1]!.price, Math.sqrt(2000 * pStar), 1e-12);
    // Volume: the asset sold into B (qB / 2) = the asset bought from A (-qA / 2).
    expectClose(half.volume, qB / 2, 1e-9);
    expectClose(half.volume, -qA / 2, 1e-9);
    expectClose(half.volume, leg / 2, 1e-9);
    // The inputs are values: untouched.
    expect(a.price).toBe(1700);
    expect(b.price).toBe(2000);
  });

  it('on constant-product pools the volume is both the asset sold and the asset bought', () => {
    const kA = cpK(1e6);
    const kB = cpK(2.5e6);
    const a = venueOf('constant-product', 1e6).moveTo(1700);
    const b = venueOf('constant-product', 2.5e6);
    const xA = Math.sqrt(kA / 1700);
    const xB = Math.sqrt(kB / 2000);
    const pStar = ((Math.sqrt(kA) + Math.sqrt(kB)) / (xA + xB)) ** 2;
    const bought = xA - Math.sqrt(kA / pStar);
    const sold = Math.sqrt(kB / pStar) - xB;
    expectClose(bought, sold, 1e-9);
    const one = arbitrage([a, b], 1);
    expectClose(one.venues[0]!.price, pStar, 1e-12);
    expectClose(one.venues[1]!.price, pStar, 1e-12);
    expectClose(one.volume, sold, 1e-9);
    // Rate 0.5: base x_i + (sqrt(k_i/p*) - x_i)/2, price k_i / base^2.
    const half = arbitrage([a, b], 0.5);
    const baseA = xA - bought / 2;
    const baseB = xB + sold / 2;
    expectClose(half.venues[0]!.price, kA / baseA ** 2, 1e-12);
    expectClose(half.venues[1]!.price, kB / baseB ** 2, 1e-12);
    expectClose(half.volume, sold / 2, 1e-9);
  });

  it('rate 0, or a single venue, trades nothing', () => {
    const a = venueOf('orderbook', 1e6).moveTo(1700);
    const b = venueOf('orderbook', 3e6);
    const none = arbitrage([a, b], 0);
    expect(none.volume).toBe(0);
    expect(none.venues.map((v) => v.price)).toEqual([1700, 2000]);
    expect(arbitrage([a], 1).volume).toBe(0);
  });
});

describe('2. a cascade across two order books, arbitrage 0.5, oracle on the other venue', () => {
  // main: order book, depth 1e6 (Q); ext: order book, depth 3e6 (3Q). Sales go to main, the oracle (spot)
  // reads ext. Position A (1000 units, debt 1.5e6) is liquidated at 1800; position B's liquidation price is
  // 1796: safe at 1800, liquidatable once arbitrage has pulled ext below 1796.
  const s = scenario({
    market: { model: 'orderbook' },
    venues: [{ name: 'ext', model: 'orderbook', depth2pct: 3e6, fee: 0 }],
    arbitrage: { rate: 0.5 },
    oracle: { model: 'spot', venues: ['ext'] },
    positions: [
      { id: 'A', collateral: 1000, debt: 1.5e6 },
      { id: 'B', collateral: 1000, debt: 1000 * LT * 1796 },
    ],
    rounds: 10,
  });

  it('rounds 1 and 2 by hand', () => {
    // The shock lands an order book on pext exactly: 2000 * (1 - 0.1) is 1800 in floating point too.
    expect(p0 * (1 - 0.1)).toBe(pext);
    const run = runCascade(s);

    // Round 1: the shock moves both books to 1800 exactly, so arbitrage finds nothing to do.
    // S(1) = ext = 1800 = P. A: HF = 1000 * 1800 * 0.8 / 1.5e6 = 0.96, repaid 1.5e6, seized 1.5e6 * 1.05 / 1800
    // = 875, returned 125. B: HF = 1.44e6 / 1.4368e6 = 1.0022, safe. Selling 875 on main: 1800 e^{-875/Q} ≈ 1737.5.
    const main1 = obAfter(1800, 875);
    expectRound(run.rounds[0], {
      round: 1,
      startPrice: 1800,
      oraclePrice: 1800,
      price: main1,
      liquidations: 1,
      collateralSold: 875,
      batchSold: 875,
      queued: 0,
      debtRepaid: 1.5e6,
      badDebt: 0,
      collateralReturned: 125,
      saleProceeds: obProceeds(1800, 875),
      openPositions: 1,
      arbitrageVolume: 0,
      underwaterDebt: 0,
      venuePrices: [main1, 1800],
    });
    expect(main1).toBeGreaterThan(1737.4);
    expect(main1).toBeLessThan(1737.6);

    // Round 2: no recovery. Balancing price: ln p* = (Q ln main1 + 3Q ln 1800) / 4Q, i.e.
    // p* = 1800 e^{-(875/Q)/4} ≈ 1784.2. Half-way on each book (geometric): main → sqrt(main1 p*)
    // = 1800 e^{-(875/Q)(5/8)} ≈ 1760.7, ext → sqrt(1800 p*) = 1800 e^{-(875/Q)/8} ≈ 1792.06.
    // Volume: ext is sold (1/2) 3Q ln(1800/p*) = (1/2)(3/4) 875 = 328.125 units, main bought as many.
    const pStar = 1800 * Math.exp(-875 / Q / 4);
    expectClose(pStar, Math.exp((Q * Math.log(main1) + 3 * Q * Math.log(1800)) / (4 * Q)), 1e-13);
    const main2 = 1800 * Math.exp((-875 / Q) * (5 / 8));
    const ext2 = 1800 * Math.exp(-875 / Q / 8);
    expectClose(main2, Math.sqrt(main1 * pStar), 1e-13);
    expectClose(ext2, Math.sqrt(1800 * pStar), 1e-13);
    // S(2) = ext2 ≈ 1792.06 < 1796: B is liquidated at P = ext2, HF = 1000 ext2 0.8 / 1.4368e6 ≈ 0.9978.
    // repaid 1.4368e6, seized 1.4368e6 * 1.05 / ext2 ≈ 841.8, sold on main from main2.
    const debtB = 1000 * LT * 1796;
    const seizedB = (debtB * (1 + bonus)) / ext2;
    const main2After = obAfter(main2, seizedB);
    expectRound(run.rounds[1], {
      round: 2,
      startPrice: ext2,
      oraclePrice: ext2,
      price: main2After,
      liquidations: 1,
      collateralSold: seizedB,
      batchSold: seizedB,
      debtRepaid: debtB,
      badDebt: 0,
      collateralReturned: 1000 - seizedB,
      saleProceeds: obProceeds(main2, seizedB),
      openPositions: 0,
      arbitrageVolume: 328.125,
      venuePrices: [main2After, ext2],
    });
    expect(ext2).toBeGreaterThan(1792);
    expect(ext2).toBeLessThan(1796);
    expect(seizedB).toBeGreaterThan(841);
    expect(seizedB).toBeLessThan(842);

    // Round 3: the oracle reads ext after half-closing the new gap: no position is left, but the books
    // disagree, so the run has not converged.
    const r3 = run.rounds[2]!;
    expect(r3.liquidations).toBe(0);
    const p3 = Math.exp((Q * Math.log(main2After) + 3 * Q * Math.log(ext2)) / (4 * Q));
    expectClose(r3.startPrice, Math.sqrt(ext2 * p3), REL);
    expectClose(r3.venuePrices[0]!, Math.sqrt(main2After * p3), REL);
  });

  it('with no open position left, the venues keep converging; the run stops only once they agree', () => {
    const run = runCascade({ ...s, rounds: 200 });
    expect(run.converged).toBe(true);
    const last = run.rounds.at(-1)!;
    const [m, e] = last.venuePrices;
    expect(Math.abs(m! - e!)).toBeLessThanOrEqual(1e-9 * Math.max(m!, e!));
    // The round before it still had venues apart by more than the tolerance.
    const before = run.rounds.at(-2)!;
    const [mb, eb] = before.venuePrices;
    expect(Math.abs(mb! - eb!)).toBeGreaterThan(1e-9 * Math.max(mb!, eb!));
    // Each round halves the log gap: ln(ext/main) after round 2 is (875/Q)(1/2) + seizedB/Q, and shrinks by 2 a round.
    expect(last.round).toBeGreaterThan(25);
  });
});

describe('2b. sellOn and recovery with several venues', () => {
  it("liquidations sell on liquidation.sellOn; record.price is that venue's price", () => {
    // Two order books, no arbitrage; sales on ext (depth 3e6: 3Q). A seizes 875 at 1800.
    const run = runCascade(
      scenario({
        market: { model: 'orderbook' },
        venues: [{ name: 'ext', model: 'orderbook', depth2pct: 3e6, fee: 0 }],
        liquidation: { sellOn: 'ext' },
        positions: [{ id: 'A', collateral: 1000, debt: 1.5e6 }],
        rounds: 3,
      }),
    );
    const ext1 = obAfter(1800, 875, 3 * Q);
    expectRound(run.rounds[0], {
      round: 1,
      price: ext1,
      saleProceeds: obProceeds(1800, 875, 3 * Q),
      venuePrices: [1800, ext1],
    });
    // The oracle reads main, which no sale touched: P = S = 1800, but the venues disagree, so no convergence.
    expectRound(run.rounds[1], { round: 2, startPrice: 1800, oraclePrice: 1800, liquidations: 0 });
    expect(run.converged).toBe(false);
  });

  it('recovery moves every venue towards pext, each from its own price', () => {
    // Recovery 0.5, no arbitrage, sales on main. Round 2: main → main1 + 0.5 (1800 - main1); ext is at 1800.
    const run = runCascade(
      scenario({
        market: { model: 'orderbook', recovery: 0.5 },
        venues: [{ name: 'ext', model: 'constant-product', depth2pct: 1e6, fee: 0 }],
        oracle: { model: 'spot', venues: ['main', 'ext'] },
        positions: [{ id: 'A', collateral: 1000, debt: 1.5e6 }],
        rounds: 3,
      }),
    );
    const main1 = obAfter(1800, 875);
    const main2 = main1 + 0.5 * (1800 - main1);
    expectClose(run.rounds[1]!.venuePrices[0]!, main2, REL);
    expectClose(run.rounds[1]!.venuePrices[1]!, 1800, 1e-12);
    expectClose(run.rounds[1]!.startPrice, (main2 + 1800) / 2, REL);
    expect(run.rounds[1]!.arbitrageVolume).toBe(0);
  });
});

describe('3. the oracle reads the median of its venues', () => {
  // Three venues: main (order book, depth 1e6, the sale venue), b (order book, depth 2e6), c (pool, depth 1e6).
  // Arbitrage 0.5. Round 1: all at 1800; A (1000 units, debt 1.5e6) is liquidated, 875 sold on main.
  // Round 2: the balancing price p* solves Q ln(main1/p) + 2Q ln(1800/p) + sqrt(kC/p) - sqrt(kC/1800) = 0
  // (no closed form with a pool in the mix: solved below by bisection on that expression). Then
  // main → sqrt(main1 p*), b → sqrt(1800 p*) (order books: geometric half-way), and the pool's base goes
  // half-way to sqrt(kC/p*), so its price is kC / base^2: sqrt(c) is the harmonic mean of sqrt(1800), sqrt(p*),
  // below b's geometric mean. So main < c < b: three distinct prices.
  const venues = [
    { name: 'b', model: 'orderbook' as const, depth2pct: 2e6, fee: 0 },
    { name: 'c', model: 'constant-product' as const, depth2pct: 1e6, fee: 0 },
  ];
  const base = {
    market: { model: 'orderbook' as const },
    venues,
    arbitrage: { rate: 0.5 },
    positions: [{ id: 'A', collateral: 1000, debt: 1.5e6 }],
    rounds: 3,
  };
  const main1 = obAfter(1800, (1.5e6 * 1.05) / 1800);
  const kC = cpK(1e6);
  const xC = Math.sqrt(kC / 1800);
  const flow = (p: number) => Q * Math.log(main1 / p) + 2 * Q * Math.log(1800 / p) + Math.sqrt(kC / p) - xC;
  let low = main1;
  let high = 1800;
  for (let i = 0; i < 200; i++) {
    const mid = (low + high) / 2;
    if (flow(mid) > 0) low = mid;
    else high = mid;
  }
  const pStar = (low + high) / 2;
  const main2 = Math.sqrt(main1 * pStar);
  const b2 = Math.sqrt(1800 * pStar);
  const c2 = kC / ((xC + Math.sqrt(kC / pStar)) / 2) ** 2;

  it('the hand numbers are ordered main < c < b', () => {
    expect(main2).toBeLessThan(c2);
    expect(c2).toBeLessThan(b2);
    expect(b2 - c2).toBeGreaterThan(1e-6 * b2);
  });

  it('over three venues (odd): the middle one', () => {
    const run = runCascade(scenario({ ...base, oracle: { model: 'spot', venues: ['main', 'b', 'c'] } }));
    expectClose(run.rounds[0]!.startPrice, 1800, 1e-12);
    const r2 = run.rounds[1]!;
    expectClose(r2.venuePrices[0]!, main2, REL, 'main');
    expectClose(r2.venuePrices[1]!, b2, REL, 'b');
    expectClose(r2.venuePrices[2]!, c2, REL, 'c');
    expectClose(r2.startPrice, c2, REL, 'S(2)');
    expectClose(r2.oraclePrice, c2, REL, 'P(2)');
    // Not the mean of the three.
    expect(Math.abs(r2.startPrice - (main2 + b2 + c2) / 3)).toBeGreaterThan(1);
    // The order of the names does not matter.
    const shuffled = runCascade(scenario({ ...base, oracle: { model: 'spot', venues: ['b', 'c', 'main'] } }));
    expectClose(shuffled.rounds[1]!.startPrice, c2, REL);
  });

  it('over two venues (even): the mean of the two', () => {
    const run = runCascade(scenario({ ...base, oracle: { model: 'spot', venues: ['main', 'b'] } }));
    expect(run.rounds[0]!.startPrice).toBe(1800);
    expectClose(run.rounds[1]!.startPrice, (main2 + b2) / 2, REL);
    expectClose(run.rounds[1]!.oraclePrice, (main2 + b2) / 2, REL);
  });

  it('without oracle.venues, the main venue alone', () => {
    const run = runCascade(scenario(base));
    expectClose(run.rounds[1]!.startPrice, main2, REL);
  });
});

describe('4. deviation-and-heartbeat feed', () => {
  /** A hand-made S(1..n); S(r) = p0 for r <= 0. */
  const startPrices = (S: readonly number[]): StartPrices => ({
    at: (round) => (round <= 0 ? p0 : S[round - 1]!),
  });

  it('publishes only over the deviation, or on the heartbeat', () => {
    // deviation 5%, heartbeat 3; published 2000 at round 0.
    const S = [1950, 1850, 1800, 1790, 1780, 1779];
    const feed = createOracle({ model: 'feed', deviation: 0.05, heartbeat: 3 });
    const prices = startPrices(S);
    const reported = S.map((_, i) => feed(prices, i + 1));
    expect(reported).toEqual([
      2000, // r1: |1950 - 2000| = 50 <= 100, 1 - 0 < 3: keeps 2000
      1850, // r2: |1850 - 2000| = 150 > 100: publishes
      1850, // r3: |1800 - 1850| = 50 <= 92.5, 3 - 2 < 3: keeps
      1850, // r4: |1790 - 1850| = 60 <= 92.5, 4 - 2 < 3: keeps
      1780, // r5: 5 - 2 >= 3: heartbeat publishes 1780
      1780, // r6: |1779 - 1780| = 1, 6 - 5 < 3: keeps
    ]);
  });

  it('the first heartbeat counts from round 0; a move of exactly the deviation does not publish', () => {
    // deviation 25% of 2000 is 500 exactly; 1500 is not over it.
    const feed = createOracle({ model: 'feed', deviation: 0.25, heartbeat: 2 });
    const prices = startPrices([1500, 1501, 1400]);
    expect(feed(prices, 1)).toBe(2000);
    expect(feed(prices, 2)).toBe(1501); // 2 - 0 >= 2
    expect(feed(prices, 3)).toBe(1501); // |1400 - 1501| = 101 <= 375.25, 3 - 2 < 2
  });

  it('in a cascade: the feed holds p0 through the shock until the heartbeat, then liquidates', () => {
    // deviation 20% (the 10% shock is under it), heartbeat 2. A at HF 0.96 at 1800.
    const run = runCascade(
      scenario({
        market: { model: 'orderbook' },
        oracle: { model: 'feed', deviation: 0.2, heartbeat: 2 },
        positions: [{ id: 'A', collateral: 1000, debt: 1.5e6 }],
        rounds: 10,
      }),
    );
    expectRound(run.rounds[0], {
      round: 1,
      startPrice: 1800,
      oraclePrice: 2000,
      liquidations: 0,
      price: 1800,
    });
    expectRound(run.rounds[1], {
      round: 2,
      startPrice: 1800,
      oraclePrice: 1800,
      liquidations: 1,
      collateralSold: 875,
      price: obAfter(1800, 875),
    });
    // Round 3: S = 1800 e^{-875/Q} ≈ 1737.5, 3.5% under 1800 and 3 - 2 < 2: the feed keeps 1800, P != S.
    expectRound(run.rounds[2], {
      round: 3,
      startPrice: obAfter(1800, 875),
      oraclePrice: 1800,
      liquidations: 0,
    });
    // Round 4: heartbeat; P = S: converged.
    expectRound(run.rounds[3], { round: 4, oraclePrice: obAfter(1800, 875), liquidations: 0 });
    expect(run.rounds).toHaveLength(4);
    expect(run.converged).toBe(true);
  });
});

describe('5. circuit breaker', () => {
  it('the reported price steps down by exactly maxChange a round until it reaches the venue', () => {
    // maxChange 2.5%, spot. The venue is at 1800 from round 1; P(r) = max(P(r-1) 0.975, S(r)).
    // P: 1950, 1901.25, 1853.71875, 1807.37578125, then 1800 >= 1762.2. A position whose liquidation
    // price is 1830 is safe at 1853.7 and liquidated in round 4 at P = 1807.37578125, not at the venue's 1800.
    const run = runCascade(
      scenario({
        market: { model: 'orderbook' },
        oracle: { model: 'spot', maxChange: 0.025 },
        positions: [at('X', 1000, 1830)],
        rounds: 20,
      }),
    );
    const m = 1 - 0.025;
    const P1 = 2000 * m;
    const P2 = P1 * m;
    const P3 = P2 * m;
    const P4 = P3 * m;
    expectClose(P4, 1807.37578125, 1e-14);
    for (const [i, P] of [P1, P2, P3].entries()) {
      expectRound(run.rounds[i], {
        round: i + 1,
        startPrice: 1800,
        oraclePrice: P,
        liquidations: 0,
        price: 1800,
      });
    }
    const debt = 1000 * LT * 1830;
    const seized = (debt * 1.05) / P4; // ≈ 850.1
    const price4 = obAfter(1800, seized);
    expectRound(run.rounds[3], {
      round: 4,
      startPrice: 1800,
      oraclePrice: P4,
      liquidations: 1,
      debtRepaid: debt,
      collateralSold: seized,
      collateralReturned: 1000 - seized,
      price: price4,
    });
    // Round 5: S = price4 ≈ 1738.5 is below P4 * 0.975 ≈ 1762.2: clamped again.
    expect(price4).toBeLessThan(P4 * m);
    expectRound(run.rounds[4], { round: 5, startPrice: price4, oraclePrice: P4 * m, liquidations: 0 });
    // Round 6: P5 * 0.975 ≈ 1718.2 < S: the oracle reaches the venue, and the run converges.
    expect(price4).toBeGreaterThan(P4 * m * m);
    expectRound(run.rounds[5], { round: 6, startPrice: price4, oraclePrice: price4, liquidations: 0 });
    expect(run.rounds).toHaveLength(6);
    expect(run.converged).toBe(true);
  });

  it('clamps rises too: the reported price climbs at most maxChange a round', () => {
    const breaker = createOracle({ model: 'spot', maxChange: 0.1 });
    const S = [1000, 1000, 5000];
    const prices: StartPrices = { at: (r) => (r <= 0 ? p0 : S[r - 1]!) };
    expect(breaker(prices, 1)).toBe(1800);
    expectClose(breaker(prices, 2), 1800 * 0.9, 1e-15);
    expectClose(breaker(prices, 3), 1800 * 0.9 * 1.1, 1e-15);
  });
});

describe('6. per-round sale cap', () => {
  // Order book, cap 300 units a round. A (1000 units, debt 1.5e6) seizes 875 at 1800. B's liquidation price
  // is 1790: safe at 1800, liquidated in round 2 at the first capped price.
  const cap = 300;
  const s = scenario({
    market: { model: 'orderbook' },
    liquidation: { maxSellPerRound: cap },
    positions: [{ id: 'A', collateral: 1000, debt: 1.5e6 }, at('B', 1000, 1790)],
    rounds: 20,
  });

  it('queue, batch and price round by round', () => {
    const run = runCascade(s);
    // Round 1: seized 875 joins the queue; 300 sold: 1800 e^{-300/Q} ≈ 1778.3; 575 wait.
    const p1 = obAfter(1800, 300);
    expectRound(run.rounds[0], {
      round: 1,
      oraclePrice: 1800,
      liquidations: 1,
      collateralSold: 875,
      batchSold: 300,
      queued: 575,
      price: p1,
      saleProceeds: obProceeds(1800, 300),
    });
    // Round 2: P = p1 < 1790: B (debt 1.432e6) is liquidated, seized 1.432e6 * 1.05 / p1 ≈ 845.5.
    // Queue 575 + 845.5, 300 sold: p1 e^{-300/Q}; 1120.5 wait.
    const debtB = 1000 * LT * 1790;
    const seizedB = (debtB * 1.05) / p1;
    const p2 = obAfter(p1, 300);
    expectRound(run.rounds[1], {
      round: 2,
      oraclePrice: p1,
      startPrice: p1,
      liquidations: 1,
      collateralSold: seizedB,
      debtRepaid: debtB,
      batchSold: 300,
      queued: 575 + seizedB - 300,
      price: p2,
      saleProceeds: obProceeds(p1, 300),
    });
    // Rounds 3-5: 300 a round, nothing seized; round 6 sells the last 1420.5 - 1200 ≈ 220.5.
    let price = p2;
    let queue = 575 + seizedB - 300;
    for (let r = 3; r <= 6; r++) {
      const batch = Math.min(queue, cap);
      queue -= batch;
      const after = obAfter(price, batch);
      expectRound(run.rounds[r - 1], {
        round: r,
        oraclePrice: price,
        liquidations: 0,
        collateralSold: 0,
        batchSold: batch,
        queued: queue,
        price: after,
      });
      price = after;
    }
    expect(run.rounds[5]!.queued).toBe(0);
    expect(run.rounds[5]!.batchSold).toBeLessThan(cap);
    // The price after round 6 is the whole 875 + seizedB sold: 1800 e^{-(875 + seizedB)/Q}.
    expectClose(price, obAfter(1800, 875 + seizedB), 1e-12);
    // Round 7: nothing left to sell: converged.
    expectRound(run.rounds[6], { round: 7, batchSold: 0, queued: 0, liquidations: 0, price });
    expect(run.rounds).toHaveLength(7);
    expect(run.converged).toBe(true);

    const summary = summarize(run);
    expectClose(summary.maxQueued, 575 + seizedB - 300, REL);
    // The last round still working off the queue is round 6.
    expect(summary.resolvedAtRound).toBe(6);
  });

  it('collateral is conserved with the queue, after every round', () => {
    const cascade = new Cascade(s);
    const initial = 2000;
    let batches = 0;
    let seized = 0;
    let returned = 0;
    while (!cascade.done) {
      const { record } = cascade.step();
      batches += record.batchSold;
      seized += record.collateralSold;
      returned += record.collateralReturned;
      let holding = 0;
      for (let i = 0; i < cascade.book.count; i++)
        if (cascade.book.open[i]) holding += cascade.book.collateral[i]!;
      expectClose(holding + batches + record.queued + returned, initial, 1e-12, `round ${record.round}`);
      expectClose(seized, batches + record.queued, 1e-12, `round ${record.round}`);
    }
    expect(cascade.converged).toBe(true);
  });

  it('a cap above the seizures changes nothing', () => {
    const capped = runCascade({ ...s, liquidation: { ...s.liquidation, maxSellPerRound: 1e9 } });
    const free = runCascade({ ...s, liquidation: { ...s.liquidation, maxSellPerRound: undefined } });
    expect(capped.rounds).toEqual(free.rounds);
    for (const r of free.rounds) expect(r.batchSold).toBe(r.collateralSold);
  });
});

describe('7. fullBelowHealth (Aave v3 style close factor)', () => {
  it('at HF 0.9 the whole debt is repaid, at 0.97 half of it', () => {
    // Partial, closeFactor 0.5, fullBelowHealth 0.95, P = 1800.
    // X: 1000 units, debt 1.6e6: HF = 1.44e6 / 1.6e6 = 0.9 <= 0.95: cap = 1.6e6 (covered: 1.8e6/1.05 ≈ 1.714e6),
    //    seized 1.6e6 * 1.05 / 1800 = 933.33, left with 66.67 units and no debt.
    // Y: 1000 units, debt 1.44e6 / 0.97 ≈ 1.4845e6: HF = 0.97 > 0.95: cap = half ≈ 742268, seized ≈ 432.99,
    //    left with debt ≈ 742268 and 567.01 units: HF after = 567.01 * 1440 / 742268 ≈ 1.1.
    const debtY = 1.44e6 / 0.97;
    const cascade = new Cascade(
      scenario({
        market: { model: 'orderbook' },
        liquidation: { mechanism: 'partial', closeFactor: 0.5, fullBelowHealth: 0.95 },
        positions: [
          { id: 'X', collateral: 1000, debt: 1.6e6 },
          { id: 'Y', collateral: 1000, debt: debtY },
        ],
        rounds: 10,
      }),
    );
    const { record } = cascade.step();
    const seizedX = (1.6e6 * 1.05) / 1800;
    const seizedY = ((debtY / 2) * 1.05) / 1800;
    expectClose(seizedX, 933.3333333333334, 1e-14);
    expectRound(record, {
      round: 1,
      oraclePrice: 1800,
      liquidations: 2,
      debtRepaid: 1.6e6 + debtY / 2,
      collateralSold: seizedX + seizedY,
      badDebt: 0,
      collateralReturned: 0,
      openPositions: 2,
      underwaterDebt: 0,
      price: obAfter(1800, seizedX + seizedY),
    });
    const book = cascade.book;
    expect(book.debt[0]).toBe(0);
    expectClose(book.collateral[0]!, 1000 - seizedX, 1e-12);
    expectClose(book.debt[1]!, debtY / 2, 1e-12);
    expectClose(book.collateral[1]!, 1000 - seizedY, 1e-12);
  });

  it('a partial liquidation that leaves the position under water counts its remaining debt as underwaterDebt', () => {
    // Partial 0.5, no fullBelowHealth. Z: 1000 units, debt 2.5e6, HF 0.576: repaid 1.25e6, seized
    // 1.25e6 * 1.05 / 1800 ≈ 729.17, left 270.83 units for 1.25e6: HF ≈ 0.312 < 1.
    const run = runCascade(
      scenario({
        market: { model: 'orderbook' },
        liquidation: { mechanism: 'partial', closeFactor: 0.5 },
        positions: [{ id: 'Z', collateral: 1000, debt: 2.5e6 }],
        rounds: 1,
      }),
    );
    const seized = (1.25e6 * 1.05) / 1800;
    expect(((1000 - seized) * 1800 * LT) / 1.25e6).toBeLessThan(1);
    expectRound(run.rounds[0], { round: 1, liquidations: 1, debtRepaid: 1.25e6, underwaterDebt: 1.25e6 });
    expect(summarize(run).unresolvedDebt).toBe(1.25e6);
  });

  it('the threshold is inclusive: HF exactly 0.9 with fullBelowHealth 0.9 repays the whole debt', () => {
    // 1000 * 1800 * 0.8 / 1.6e6 is 0.9 in floating point too.
    expect((1000 * 1800 * 0.8) / 1.6e6).toBe(0.9);
    const run = runCascade(
      scenario({
        market: { model: 'orderbook' },
        liquidation: { mechanism: 'partial', closeFactor: 0.5, fullBelowHealth: 0.9 },
        positions: [{ id: 'X', collateral: 1000, debt: 1.6e6 }],
        rounds: 1,
      }),
    );
    expect(run.rounds[0]!.debtRepaid).toBe(1.6e6);
  });

  it('without fullBelowHealth, HF 0.9 is only half repaid', () => {
    const run = runCascade(
      scenario({
        market: { model: 'orderbook' },
        liquidation: { mechanism: 'partial', closeFactor: 0.5 },
        positions: [{ id: 'X', collateral: 1000, debt: 1.6e6 }],
        rounds: 1,
      }),
    );
    expect(run.rounds[0]!.debtRepaid).toBe(0.8e6);
  });
});

describe('8. liquidator capital', () => {
  it('capital for the most under-water position only: the next waits a round', () => {
    // X: HF 0.9 at 1800 (debt 1.6e6); Y: HF 0.96 (debt 1.5e6). Capital 1.6e6 a round.
    // Round 1: X first (most under water), repaid 1.6e6 <= 1.6e6; Y's 1.5e6 > 0 left: skipped.
    // Round 2: capital is 1.6e6 again; Y is liquidated at the new, lower price.
    const run = runCascade(
      scenario({
        market: { model: 'orderbook' },
        liquidators: { capital: 1.6e6 },
        // Y listed first: the order is the heap's, not the list's.
        positions: [
          { id: 'Y', collateral: 1000, debt: 1.5e6 },
          { id: 'X', collateral: 1000, debt: 1.6e6 },
        ],
        rounds: 10,
      }),
    );
    const seizedX = (1.6e6 * 1.05) / 1800;
    const p1 = obAfter(1800, seizedX);
    expectRound(run.rounds[0], {
      round: 1,
      oraclePrice: 1800,
      liquidations: 1,
      debtRepaid: 1.6e6,
      collateralSold: seizedX,
      skippedForCapital: 1,
      skippedUnprofitable: 0,
      underwaterDebt: 1.5e6,
      openPositions: 1,
      price: p1,
    });
    // Round 2: P = p1 ≈ 1733.4; Y is covered (1000 p1 / 1.05 ≈ 1.65e6 >= 1.5e6): seized 1.5e6 * 1.05 / p1.
    const seizedY = (1.5e6 * 1.05) / p1;
    expect((1000 * p1) / 1.05).toBeGreaterThan(1.5e6);
    expectRound(run.rounds[1], {
      round: 2,
      oraclePrice: p1,
      liquidations: 1,
      debtRepaid: 1.5e6,
      collateralSold: seizedY,
      skippedForCapital: 0,
      underwaterDebt: 0,
      openPositions: 0,
      price: obAfter(p1, seizedY),
    });
    expect(run.converged).toBe(true);
    expect(run.rounds).toHaveLength(3);
    const summary = summarize(run);
    expect(summary.skippedLiquidations).toBe(1);
    expect(summary.resolvedAtRound).toBe(2);
    expect(summary.unresolvedDebt).toBe(0);
  });

  it('a skip does not end the round: a smaller liquidation further down still fits the capital left', () => {
    // Capital 1.55e6: X (1.6e6, most under water) does not fit and is skipped; Y (1.5e6) does.
    const run = runCascade(
      scenario({
        market: { model: 'orderbook' },
        liquidators: { capital: 1.55e6 },
        positions: [
          { id: 'X', collateral: 1000, debt: 1.6e6 },
          { id: 'Y', collateral: 1000, debt: 1.5e6 },
        ],
        rounds: 2,
      }),
    );
    expectRound(run.rounds[0], {
      round: 1,
      liquidations: 1,
      debtRepaid: 1.5e6,
      collateralSold: 875,
      skippedForCapital: 1,
      underwaterDebt: 1.6e6,
      price: obAfter(1800, 875),
    });
  });

  it('capital short of every liquidation: nothing is done, the debt stays under water, the run never converges', () => {
    const run = runCascade(
      scenario({
        market: { model: 'orderbook' },
        liquidators: { capital: 1e6 },
        positions: [{ id: 'X', collateral: 1000, debt: 1.6e6 }],
        rounds: 5,
      }),
    );
    for (const r of run.rounds) {
      expect(r.liquidations).toBe(0);
      expect(r.skippedForCapital).toBe(1);
      expect(r.underwaterDebt).toBe(1.6e6);
    }
    expect(run.converged).toBe(false);
    const summary = summarize(run);
    expect(summary.unresolvedDebt).toBe(1.6e6);
    expect(summary.skippedLiquidations).toBe(5);
    expect(summary.resolvedAtRound).toBe(5);
  });
});

describe('9. requireProfit on an order book', () => {
  // Marginal proceeds of selling s more units when b are already bound for the book at price P:
  // P Q (e^{-b/Q} - e^{-(b+s)/Q}).
  const marginal = (P: number, b: number, s: number) => P * Q * (Math.exp(-b / Q) - Math.exp(-(b + s) / Q));
  // A: 2200 units, debt 3.36e6, HF = 2200 * 1440 / 3.36e6 ≈ 0.943; seized 3.36e6 * 1.05 / 1800 = 1960.
  // B: 100 units, debt 1.5e5, HF = 144000 / 150000 = 0.96; seized 1.5e5 * 1.05 / 1800 = 87.5.
  const A = { id: 'A', collateral: 2200, debt: 3.36e6 };
  const B = { id: 'B', collateral: 100, debt: 1.5e5 };
  const seizedA = 1960;
  const seizedB = 87.5;

  it('the hand numbers: A pays, B after A does not, B alone does', () => {
    expectClose((3.36e6 * 1.05) / 1800, seizedA, 1e-14);
    expectClose((1.5e5 * 1.05) / 1800, seizedB, 1e-14);
    // A: 1800 Q (1 - e^{-1960/Q}) ≈ 3.392e6 > 3.36e6.
    expect(marginal(1800, 0, seizedA)).toBeGreaterThan(3.36e6);
    // B after A: 1800 Q e^{-1960/Q} (1 - e^{-87.5/Q}) ≈ 145 250 < 150 000.
    expect(marginal(1800, seizedA, seizedB)).toBeLessThan(1.5e5);
    // B alone: 1800 Q (1 - e^{-87.5/Q}) ≈ 157 230 > 150 000.
    expect(marginal(1800, 0, seizedB)).toBeGreaterThan(1.5e5);
  });

  it('B, behind A on the same venue, is skipped; the next round it pays and is done', () => {
    const run = runCascade(
      scenario({
        market: { model: 'orderbook' },
        liquidators: { requireProfit: true },
        positions: [A, B],
        rounds: 10,
      }),
    );
    const p1 = obAfter(1800, seizedA);
    expectRound(run.rounds[0], {
      round: 1,
      liquidations: 1,
      debtRepaid: 3.36e6,
      collateralSold: seizedA,
      skippedUnprofitable: 1,
      skippedForCapital: 0,
      underwaterDebt: 1.5e5,
      price: p1,
    });
    // Round 2: P = p1 ≈ 1662.9; B seizes 157500 / p1 ≈ 94.7, alone on the book: p1 Q (1 - e^{-s/Q}) ≈ 157 200 > 150 000.
    const seizedB2 = (1.5e5 * 1.05) / p1;
    expect(marginal(p1, 0, seizedB2)).toBeGreaterThan(1.5e5);
    expectRound(run.rounds[1], {
      round: 2,
      oraclePrice: p1,
      liquidations: 1,
      collateralSold: seizedB2,
      skippedUnprofitable: 0,
      underwaterDebt: 0,
      price: obAfter(p1, seizedB2),
    });
    expect(summarize(run).skippedLiquidations).toBe(1);
  });

  it('B alone is liquidated in round 1', () => {
    const run = runCascade(
      scenario({
        market: { model: 'orderbook' },
        liquidators: { requireProfit: true },
        positions: [B],
        rounds: 5,
      }),
    );
    expectRound(run.rounds[0], {
      round: 1,
      liquidations: 1,
      collateralSold: seizedB,
      skippedUnprofitable: 0,
      price: obAfter(1800, seizedB),
    });
  });

  it('profit is judged on the sell venue: on a deep venue B pays even behind A', () => {
    // Sell on "deep" (order book, depth 1e8: 100Q). B behind A: 1800 (100Q) e^{-1960/100Q} (1 - e^{-87.5/100Q})
    // ≈ 157 360 > 150 000.
    const deep = 100 * Q;
    expect(1800 * deep * (Math.exp(-seizedA / deep) - Math.exp(-(seizedA + seizedB) / deep))).toBeGreaterThan(
      1.5e5,
    );
    const run = runCascade(
      scenario({
        market: { model: 'orderbook' },
        venues: [{ name: 'deep', model: 'orderbook', depth2pct: 1e8, fee: 0 }],
        liquidation: { sellOn: 'deep' },
        liquidators: { requireProfit: true },
        positions: [A, B],
        rounds: 5,
      }),
    );
    expectRound(run.rounds[0], {
      round: 1,
      liquidations: 2,
      skippedUnprofitable: 0,
      collateralSold: seizedA + seizedB,
      price: obAfter(1800, seizedA + seizedB, deep),
      venuePrices: [1800, obAfter(1800, seizedA + seizedB, deep)],
    });
  });

  it('the queue carried from earlier rounds counts as already bound for the venue', () => {
    // Cap 500. Round 1: A done (1960 seized, 500 sold, 1460 queued), B skipped behind it.
    // Round 2: P = 1800 e^{-500/Q} ≈ 1764.0; B seizes 157500 / P ≈ 89.3; behind the 1460 queued:
    //   P Q e^{-1460/Q} (1 - e^{-s/Q}) ≈ 148 200 < 150 000: skipped again (alone it would pay ≈ 157 200).
    // Round 3: P = 1800 e^{-1000/Q} ≈ 1728.7; seized ≈ 91.1 behind 960 queued: ≈ 151 200 > 150 000: done.
    const run = runCascade(
      scenario({
        market: { model: 'orderbook' },
        liquidation: { maxSellPerRound: 500 },
        liquidators: { requireProfit: true },
        positions: [A, B],
        rounds: 20,
      }),
    );
    const P2 = obAfter(1800, 500);
    const s2 = (1.5e5 * 1.05) / P2;
    expect(marginal(P2, 1460, s2)).toBeLessThan(1.5e5);
    expect(marginal(P2, 0, s2)).toBeGreaterThan(1.5e5);
    const P3 = obAfter(1800, 1000);
    const s3 = (1.5e5 * 1.05) / P3;
    expect(marginal(P3, 960, s3)).toBeGreaterThan(1.5e5);

    expectRound(run.rounds[0], {
      round: 1,
      liquidations: 1,
      skippedUnprofitable: 1,
      batchSold: 500,
      queued: 1460,
      price: P2,
    });
    expectRound(run.rounds[1], {
      round: 2,
      oraclePrice: P2,
      liquidations: 0,
      skippedUnprofitable: 1,
      underwaterDebt: 1.5e5,
      batchSold: 500,
      queued: 960,
      price: P3,
    });
    expectRound(run.rounds[2], {
      round: 3,
      oraclePrice: P3,
      liquidations: 1,
      collateralSold: s3,
      skippedUnprofitable: 0,
      batchSold: 500,
      queued: 460 + s3,
      price: obAfter(P3, 500),
    });
  });
});

describe('10. properties over random scenarios with levers', () => {
  const NUM_RUNS = 60;
  const MAX_ROUNDS = 40;
  // Uniform on a grid of a million steps: fc.double favours extremes (subnormal rates, say), which leave the
  // levers idle; these draws spread over the range so that arbitrage, queues and skips all happen.
  const double = (min: number, max: number) =>
    fc.integer({ min: 0, max: 1_000_000 }).map((i) => min + ((max - min) * i) / 1_000_000);
  const model = fc.constantFrom<MarketModelName>('constant-product', 'orderbook');

  const leversArb: fc.Arbitrary<Scenario> = fc
    .record({
      model,
      p0: double(1, 5000),
      depth: double(1e4, 1e7),
      fee: fc.oneof(fc.constant(0), double(0, 0.05)),
      recovery: fc.oneof(fc.constant(0), double(0, 1)),
      extra: fc.option(fc.record({ model, depthRatio: double(0.1, 10), fee: double(0, 0.05) }), {
        nil: undefined,
      }),
      rate: fc.option(double(0, 1), { nil: undefined }),
      oracle: fc.oneof(
        fc.constant<OracleSpec>({ model: 'spot' }),
        fc.integer({ min: 1, max: 4 }).map((window): OracleSpec => ({ model: 'twap', window })),
        fc.integer({ min: 0, max: 3 }).map((delay): OracleSpec => ({ model: 'lagged', delay })),
        fc
          .record({ deviation: double(0, 0.2), heartbeat: fc.integer({ min: 1, max: 6 }) })
          .map((f): OracleSpec => ({ model: 'feed', ...f })),
      ),
      oracleVenues: fc.constantFrom('none', 'main', 'x', 'both'),
      maxChange: fc.option(double(0.01, 0.5), { nil: undefined }),
      partial: fc.option(double(0.05, 1), { nil: undefined }),
      fullBelowHealth: fc.option(double(0.5, 1), { nil: undefined }),
      sellOnExtra: fc.boolean(),
      maxSell: fc.option(double(0.01, 2), { nil: undefined }),
      capital: fc.option(double(0.01, 3), { nil: undefined }),
      requireProfit: fc.boolean(),
      bonus: double(0, 0.2),
      threshold: double(0.5, 1),
      shock: double(0, 0.5),
      positions: fc.array(fc.record({ size: double(0.001, 1.5), hf: double(0.3, 2) }), {
        minLength: 1,
        maxLength: 25,
      }),
    })
    .map((r) => {
      const names = r.extra ? ['main', 'x'] : ['main'];
      const oracleVenues =
        r.oracleVenues === 'none' || !r.extra
          ? undefined
          : r.oracleVenues === 'both'
            ? names
            : [r.oracleVenues];
      const oracle: OracleSpec = {
        ...r.oracle,
        ...(oracleVenues ? { venues: oracleVenues } : {}),
        ...(r.maxChange !== undefined ? { maxChange: r.maxChange } : {}),
      };
      const units = r.depth / r.p0;
      return scenario({
        asset: { price: r.p0 },
        market: { model: r.model, depth2pct: r.depth, fee: r.fee, recovery: r.recovery },
        venues: r.extra
          ? [{ name: 'x', model: r.extra.model, depth2pct: r.depth * r.extra.depthRatio, fee: r.extra.fee }]
          : undefined,
        arbitrage: r.rate !== undefined ? { rate: r.rate } : undefined,
        oracle,
        liquidation: {
          mechanism: r.partial === undefined ? 'full' : 'partial',
          closeFactor: r.partial,
          fullBelowHealth: r.partial === undefined ? undefined : r.fullBelowHealth,
          bonus: r.bonus,
          threshold: r.threshold,
          sellOn: r.extra && r.sellOnExtra ? 'x' : undefined,
          maxSellPerRound: r.maxSell === undefined ? undefined : r.maxSell * units,
        },
        liquidators:
          r.capital === undefined && !r.requireProfit
            ? undefined
            : {
                capital: r.capital === undefined ? undefined : r.capital * r.depth,
                requireProfit: r.requireProfit,
              },
        shock: { pct: r.shock },
        rounds: MAX_ROUNDS,
        positions: r.positions.map((p, i) => {
          const collateral = p.size * units;
          return { id: `p${i}`, collateral, debt: (collateral * r.p0 * r.threshold) / p.hf };
        }),
      });
    });

  const relClose = (actual: number, expected: number, rel: number) =>
    Math.abs(actual - expected) <= rel * Math.max(Math.abs(expected), Number.MIN_VALUE);

  it('every price stays positive and finite', () => {
    fc.assert(
      fc.property(leversArb, (s) => {
        for (const r of runCascade(s).rounds) {
          for (const p of [r.startPrice, r.oraclePrice, r.price, ...r.venuePrices]) {
            expect(Number.isFinite(p) && p > 0, `round ${r.round}: ${p}`).toBe(true);
          }
          expect(r.arbitrageVolume).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('collateral is conserved with the queue; debt is conserved with the skips', () => {
    fc.assert(
      fc.property(leversArb, (s) => {
        const run = runCascade(s);
        const book = run.book;
        const initialCollateral = sum(book.initialCollateral);
        const initialDebt = sum(book.initialDebt);
        const { collateral, debt } = held(run);
        const queued = run.rounds.at(-1)!.queued;
        const batches = sum(run.rounds.map((r) => r.batchSold));
        const seized = sum(run.rounds.map((r) => r.collateralSold));
        const returned = sum(run.rounds.map((r) => r.collateralReturned));
        const repaid = sum(run.rounds.map((r) => r.debtRepaid));
        const bad = sum(run.rounds.map((r) => r.badDebt));
        expect(
          relClose(collateral + batches + queued + returned, initialCollateral, 1e-9),
          `${collateral} + ${batches} + ${queued} + ${returned} vs ${initialCollateral}`,
        ).toBe(true);
        expect(
          relClose(seized, batches + queued, 1e-9) || seized === 0,
          `${seized} vs ${batches} + ${queued}`,
        ).toBe(true);
        expect(
          relClose(debt + repaid + bad, initialDebt, 1e-9),
          `${debt} + ${repaid} + ${bad} vs ${initialDebt}`,
        ).toBe(true);
        const cap = s.liquidation.maxSellPerRound ?? Infinity;
        for (const r of run.rounds) {
          expect(r.batchSold).toBeLessThanOrEqual(cap);
          expect(r.queued).toBeGreaterThanOrEqual(0);
          expect(r.badDebt).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("underwaterDebt is the debt of the round's liquidatable positions still open and under water after it", () => {
    fc.assert(
      fc.property(leversArb, (s) => {
        const cascade = new Cascade(s);
        const book = cascade.book;
        while (!cascade.done) {
          const open = book.open.slice();
          const collateral = book.collateral.slice();
          const debt = book.debt.slice();
          const { record } = cascade.step();
          const P = record.oraclePrice;
          let expected = 0;
          let found = 0;
          for (let i = 0; i < book.count; i++) {
            if (!open[i] || !(debt[i]! > 0)) continue;
            if ((collateral[i]! * P * book.threshold[i]!) / debt[i]! >= 1) continue;
            found++;
            if (book.open[i] && book.healthFactor(i, P) < 1) expected += book.debt[i]!;
          }
          expect(record.liquidations + record.skippedForCapital + record.skippedUnprofitable).toBe(found);
          expect(
            relClose(record.underwaterDebt, expected, 1e-9) ||
              (expected === 0 && record.underwaterDebt === 0),
            `round ${record.round}: ${record.underwaterDebt} vs ${expected}`,
          ).toBe(true);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('the same scenario gives the same run', () => {
    fc.assert(fc.property(leversArb, expectSameRunTwice), { numRuns: NUM_RUNS });
  });

  it('convergence implies an empty queue, no batch, no skip for capital, and venues that agree', () => {
    fc.assert(
      fc.property(leversArb, (s) => {
        const run = runCascade(s);
        const last = run.rounds.at(-1)!;
        const agree = (r: RoundRecord) => {
          const high = Math.max(...r.venuePrices);
          return high - Math.min(...r.venuePrices) <= 1e-9 * high;
        };
        const settled = (r: RoundRecord) =>
          r.liquidations === 0 &&
          r.batchSold === 0 &&
          r.skippedForCapital === 0 &&
          Math.abs(r.oraclePrice - r.startPrice) <= 1e-9 * r.startPrice &&
          agree(r);
        // No earlier round met the stopping rule; the last meets it exactly when the run converged.
        for (const r of run.rounds.slice(0, -1)) expect(settled(r), `round ${r.round}`).toBe(false);
        expect(settled(last)).toBe(run.converged);
        if (!run.converged) {
          expect(run.rounds).toHaveLength(s.rounds);
          return;
        }
        expect(last.queued).toBe(0);
        expect(last.batchSold).toBe(0);
        expect(last.liquidations).toBe(0);
        expect(last.skippedForCapital).toBe(0);
        expect(Math.abs(last.oraclePrice - last.startPrice)).toBeLessThanOrEqual(1e-9 * last.startPrice);
        const high = Math.max(...last.venuePrices);
        expect(high - Math.min(...last.venuePrices)).toBeLessThanOrEqual(1e-9 * high);
        expect(summarize(run).maxQueued).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
