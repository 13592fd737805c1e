import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cascade, runCascade, summarize, type PerpsSpec, type Scenario } from '../../src/engine/index.js';
import { loadPreset, validatePreset } from '../../src/presets/index.js';
import { scenario } from '../helpers/scenario.js';

const Q = (depth: number, p0: number) => depth / (p0 * -Math.log(0.98));

function perpScenario(perps: PerpsSpec, overrides: Partial<Scenario> = {}): Scenario {
  return scenario({
    asset: { symbol: 'ETH', quote: 'USD', price: 2000 },
    market: { model: 'orderbook', depth2pct: 1e6, fee: 0, recovery: 0 },
    shock: { pct: 0.1 },
    positions: [],
    perps,
    ...overrides,
  });
}

describe('perpetual liquidations worked by hand', () => {
  it('a long closed above bankruptcy pays the fee to the fund; the engine sells its size', () => {
    // Long 10 ETH at 2000 with 2500 margin, maintenance 5%: liquidatable when
    // 2500 + 10(P − 2000) < 0.05·10·P, i.e. P < 17500/9.5 = 1842.1. The shock takes P to 1800:
    // equity 2500 + 10·(−200) = 500 > 0, so the fee is 0.5%·10·1800 = 90 and the owner keeps 410.
    const s = perpScenario({
      insuranceFund: 1000,
      liquidationFee: 0.005,
      maintenance: 0.05,
      sliceFraction: 0.2,
      positions: [{ id: 'L', side: 'long', size: 10, entry: 2000, margin: 2500 }],
    });
    const cascade = new Cascade(s);
    const { record, perps } = cascade.step();
    expect(record.oraclePrice).toBeCloseTo(1800, 9);
    expect(record.perpLiquidations).toBe(1);
    expect(perps!.fees).toBeCloseTo(90, 9);
    expect(record.insuranceFund).toBeCloseTo(1090, 9);
    expect(record.fundDrawn).toBe(0);
    expect(record.perpNetSold).toBeCloseTo(10, 12);
    // The engine sold 10 ETH into the order book: price × exp(−10/Q).
    expect(record.price).toBeCloseTo(1800 * Math.exp(-10 / Q(1e6, 2000)), 9);
  });

  it('a long closed below bankruptcy: the fund pays what it can, auto-deleveraging the rest at Pb', () => {
    // Long 10 @ 2000, margin 1000 (Pb = 1900): at P = 1800 its loss is 10·(1900 − 1800) = 1000.
    // The fund holds 400; 600 is left for ADL: 600 / (1900 − 1800) = 6 units of the short in profit,
    // closed at 1900 instead of 1800. The engine sells only the 4 unmatched units.
    const s = perpScenario({
      insuranceFund: 400,
      liquidationFee: 0.005,
      maintenance: 0.01,
      sliceFraction: 0.2,
      positions: [
        { id: 'L', side: 'long', size: 10, entry: 2000, margin: 1000 },
        { id: 'S', side: 'short', size: 8, entry: 2000, margin: 4000 },
      ],
    });
    const { record, perps } = new Cascade(s, { recordEvents: true }).step();
    expect(perps!.losses).toBeCloseTo(1000, 9);
    expect(record.fundDrawn).toBeCloseTo(400, 9);
    expect(record.insuranceFund).toBe(0);
    expect(record.adlCovered).toBeCloseTo(600, 9);
    expect(record.deleveraged).toBe(1);
    expect(record.uncoveredLoss).toBeCloseTo(0, 9);
    expect(record.perpNetSold).toBeCloseTo(4, 9);
    const deleveraged = perps!.log.find((e) => e.kind === 'deleveraged')!;
    expect(deleveraged.quantity).toBeCloseTo(6, 9);
    expect(deleveraged.amount).toBeCloseTo(600, 9);
  });

  it('a short is liquidated when the price rises, and its buy-back pushes the price up', () => {
    // Short 10 @ 2000, margin 2000, maintenance 1%: liquidatable when P > 22000/10.1 = 2178.2.
    const s = perpScenario(
      {
        insuranceFund: 0,
        liquidationFee: 0,
        maintenance: 0.01,
        sliceFraction: 0.2,
        positions: [{ id: 'S', side: 'short', size: 10, entry: 2000, margin: 2000 }],
      },
      { shock: { pct: 0 }, path: { prices: [2200] } },
    );
    const { record } = new Cascade(s).step();
    expect(record.perpLiquidations).toBe(1);
    expect(record.perpNetSold).toBeCloseTo(-10, 12);
    expect(record.price).toBeCloseTo(2200 * Math.exp(10 / Q(1e6, 2000)), 9);
  });

  it('a position above sliceAbove closes at most sliceFraction of its size a round, keeping its margin', () => {
    const s = perpScenario({
      insuranceFund: 1e9,
      liquidationFee: 0,
      maintenance: 0.05,
      sliceAbove: 1000,
      sliceFraction: 0.25,
      positions: [{ id: 'L', side: 'long', size: 10, entry: 2000, margin: 2500 }],
    });
    // At P = 1800 its equity is 2500 − 2000 = 500 against a requirement of 0.05·10·1800 = 900. Restoring
    // it would take q = (900 − 500) / (0.05·1800) = 4.44 units, more than the slice: 2.5 units close.
    const cascade = new Cascade(s);
    expect(cascade.step().record.perpNetSold).toBeCloseTo(2.5, 12);
    expect(cascade.perps!.size[0]).toBeCloseTo(7.5, 12);
    // The margin stays in the account, less the slice's realised loss 2.5·(2000 − 1800) = 500 (no fee):
    // the equity is still 500, now against 0.05·7.5·1800 = 675.
    expect(cascade.perps!.margin[0]).toBeCloseTo(2000, 9);
  });
});

describe('value is conserved', () => {
  it('what the bankrupt lose, the fund and the deleveraged cover, to the cent (property)', () => {
    const position = fc.record({
      side: fc.constantFrom('long' as const, 'short' as const),
      size: fc.double({ min: 1, max: 100, noNaN: true }),
      entry: fc.double({ min: 1900, max: 2100, noNaN: true }),
      leverage: fc.double({ min: 2, max: 40, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(position, { minLength: 1, maxLength: 25 }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.boolean(),
        (positions, fund, shock, slices) => {
          const s = perpScenario(
            {
              insuranceFund: fund,
              liquidationFee: 0.005,
              maintenance: 0.01,
              ...(slices ? { sliceAbove: 20000 } : {}),
              sliceFraction: 0.3,
              positions: positions.map((p, i) => ({
                id: `p${i}`,
                side: p.side,
                size: p.size,
                entry: p.entry,
                margin: (p.size * p.entry) / p.leverage,
              })),
            },
            { shock: { pct: shock } },
          );
          const cascade = new Cascade(s, { maxRounds: 60 });
          let losses = 0;
          let covered = 0;
          let fees = 0;
          let drawn = 0;
          while (!cascade.done) {
            const { record, perps } = cascade.step();
            losses += perps!.losses;
            covered += record.fundDrawn + record.adlCovered + record.uncoveredLoss;
            fees += record.fundFees;
            drawn += record.fundDrawn;
            expect(record.price).toBeGreaterThan(0);
            expect(record.insuranceFund).toBeGreaterThanOrEqual(0);
            expect(Math.abs(record.insuranceFund - (fund + fees - drawn))).toBeLessThanOrEqual(
              1e-6 * (1 + fund + fees),
            );
          }
          expect(Math.abs(losses - covered)).toBeLessThanOrEqual(0.005 + 1e-9 * losses);
          for (let i = 0; i < cascade.perps!.count; i++)
            expect(cascade.perps!.size[i]).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('the perpetuals presets against their twins', () => {
  const summaryOf = (id: string) => {
    const loaded = loadPreset(id);
    if (!loaded.ok) throw new Error(`${id}: ${JSON.stringify(loaded.problems)}`);
    return summarize(runCascade(loaded.preset));
  };

  it('an empty fund brings auto-deleveraging, which keeps matched size off the book', () => {
    const full = summaryOf('perps-long-cascade');
    const empty = summaryOf('perps-fund-empty');
    expect(full.deleveraged).toBe(0);
    expect(full.fundDrawn).toBeGreaterThan(0);
    expect(empty.deleveraged).toBeGreaterThan(0);
    // Its description: the winning shorts are cut "about 2,000 times", and some loss is left uncovered.
    expect(empty.deleveraged).toBeGreaterThan(1500);
    expect(empty.deleveraged).toBeLessThan(2500);
    expect(empty.uncoveredLoss).toBeGreaterThan(0);
    expect(empty.adlCovered).toBeGreaterThan(0);
    expect(empty.minPrice).toBeGreaterThan(full.minPrice);
  });

  it('slices keep margin: with the fall going on, nearly every sliced long closes whole anyway', () => {
    const whole = summaryOf('perps-long-cascade');
    const sliced = summaryOf('perps-sliced');
    // Its description: the low and the fund's draw within 0.1% of the unsliced twin's, over more rounds.
    expect(Math.abs(sliced.minPrice / whole.minPrice - 1)).toBeLessThan(0.001);
    expect(Math.abs(sliced.fundDrawn / whole.fundDrawn - 1)).toBeLessThan(0.001);
    expect(sliced.rounds).toBeGreaterThan(whole.rounds);
    expect(sliced.positionsLiquidated).toBeLessThanOrEqual(whole.positionsLiquidated);
    // With a 2% shock some sliced longs survive with part of their size; unsliced, none does.
    const keptOpen = (id: string) => {
      const loaded = loadPreset(id);
      if (!loaded.ok) throw new Error(id);
      const run = runCascade({ ...loaded.preset, shock: { pct: 0.02 } });
      const book = run.perps!;
      let kept = 0;
      for (let i = 0; i < book.count; i++)
        if (book.liquidated[i] && book.open[i] && book.size[i]! > 0) kept++;
      return kept;
    };
    expect(keptOpen('perps-sliced')).toBeGreaterThan(0);
    expect(keptOpen('perps-long-cascade')).toBe(0);
  });

  it('a thin book squeezes shorts above the outside price; a deep one does not', () => {
    const thin = summaryOf('short-squeeze');
    const deep = summaryOf('short-squeeze-deep');
    expect(thin.maxPrice).toBeGreaterThan(2120 * 1.02);
    expect(deep.maxPrice).toBeLessThan(2120 * 1.005);
    expect(thin.positionsLiquidated).toBeGreaterThan(deep.positionsLiquidated);
  });
});

describe('the perps preset fields', () => {
  const base = {
    name: 'p',
    description: '',
    asset: { symbol: 'ETH', quote: 'USD', price: 2000 },
    market: { model: 'orderbook', depth2pct: 1e6 },
    oracle: { model: 'spot' },
    liquidation: { mechanism: 'full', threshold: 0.8 },
    shock: { pct: 0.1 },
  };
  const perps = (positions: unknown[], extra = {}) => ({
    ...base,
    perps: { insuranceFund: 0, maintenance: 0.01, positions, ...extra },
  });

  it('takes leverage instead of margin (margin = size · entry / leverage)', () => {
    const result = validatePreset(perps([{ id: 'a', side: 'long', size: 2, entry: 2000, leverage: 10 }]));
    expect(result.ok && result.preset.perps!.positions[0]!.margin).toBe(400);
  });

  it('refuses both or neither of margin and leverage, an unknown side, a duplicate id, a negative fund', () => {
    const problems = (value: unknown) => {
      const result = validatePreset(value);
      return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
    };
    expect(problems(perps([{ id: 'a', side: 'long', size: 2, entry: 2000 }]))).toEqual([
      'perps.positions[0].margin: expected exactly one of "margin" (quote) or "leverage" (notional at entry / margin)',
    ]);
    expect(problems(perps([{ id: 'a', side: 'lng', size: 2, entry: 2000, margin: 1 }]))[0]).toMatch(
      /perps\.positions\[0\]\.side: .*"long", "short".*did you mean "long"/,
    );
    expect(
      problems(
        perps([
          { id: 'a', side: 'long', size: 2, entry: 2000, margin: 1 },
          { id: 'a', side: 'short', size: 2, entry: 2000, margin: 1 },
        ]),
      ),
    ).toEqual(['perps.positions[1].id: expected a unique id, got "a" (also perps.positions[0])']);
    expect(
      problems(perps([{ id: 'a', side: 'long', size: 2, entry: 2000, margin: 1 }], { insuranceFund: -1 })),
    ).toEqual(['perps.insuranceFund: expected a number >= 0, got -1']);
    const generated = (leverage: object, size: object = { min: 1, max: 2 }) =>
      perps([], { generate: { longs: 10, shorts: 0, seed: 1, size, leverage } });
    expect(problems(generated({ min: 2, max: 100 }))).toEqual([
      'perps.generate.leverage.max: expected a leverage below 1 / maintenance (100), above which a position is liquidatable as it opens, got 100',
    ]);
    expect(problems(generated({ min: 2, max: 20, mode: 30 }))).toEqual([
      'perps.generate.leverage.mode: expected a mode between min and max (2 to 20), got 30',
    ]);
    const one = [{ id: 'a', side: 'long', size: 2, entry: 2000, margin: 1 }];
    expect(problems(perps(one, { fill: 'mark' }))[0]).toMatch(
      /^perps\.fill: expected one of "oracle", "venue", got "mark"/,
    );
    expect(problems(perps(one, { adlRank: 'queue' }))[0]).toMatch(
      /^perps\.adlRank: expected one of "pnl-margin", "hyperliquid", "pro-rata", got "queue"/,
    );
    expect(problems(perps(one, { backstop: { capital: -1, unwind: 0 } }))).toEqual([
      'perps.backstop.capital: expected a number >= 0, got -1',
    ]);
    expect(problems(perps(one, { backstop: { capital: 1, unwind: 2 } }))).toEqual([
      'perps.backstop.unwind: expected a number in [0, 1], got 2',
    ]);
    expect(problems(perps(one, { backstop: { capital: 1, unwind: 0, below: 0 } }))).toEqual([
      'perps.backstop.below: expected a number in (0, 1], got 0',
    ]);
    expect(problems(perps(one, { backstop: { capital: 1 } }))[0]).toMatch(/^perps\.backstop\.unwind: /);
    const ok = validatePreset(
      perps(one, { fill: 'venue', adlRank: 'pro-rata', backstop: { capital: 5, unwind: 0.1 } }),
    );
    expect(ok.ok && ok.preset.perps!.backstop).toEqual({ capital: 5, unwind: 0.1, below: 2 / 3 });
    expect(problems(generated({ min: 2, max: 20 }, { min: 1, max: 2, scale: 'logarithmic' }))[0]).toMatch(
      /perps\.generate\.size\.scale: expected one of "linear", "log", got "logarithmic"/,
    );
  });
});

describe('the timeline steps perpetuals back exactly', () => {
  it('positionsAt(r).perps equals a fresh cascade run r rounds, in any order', async () => {
    const { Timeline } = await import('../../src/engine/index.js');
    const loaded = loadPreset('perps-fund-empty');
    if (!loaded.ok) throw new Error('perps-fund-empty');
    const timeline = new Timeline(loaded.preset);
    const last = timeline.finish();
    const after = (round: number) => {
      const cascade = new Cascade(loaded.preset, { maxRounds: round });
      while (!cascade.done && round > 0) cascade.step();
      return cascade.perps!;
    };
    for (const round of [last, 0, 2, 1, last, 1]) {
      const view = timeline.positionsAt(round).perps!;
      const book = after(round);
      for (let i = 0; i < book.count; i++) {
        expect(view.size[i]).toBeCloseTo(book.size[i]!, 9);
        expect(view.margin[i]).toBeCloseTo(book.margin[i]!, 6);
      }
    }
    expect(timeline.perpEventsOf(1).some((e) => e.kind === 'deleveraged')).toBe(true);
  });
});
