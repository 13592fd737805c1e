import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cascade, type AdlRank, type PerpsSpec, type Scenario } from '../../src/engine/index.js';
import { scenario } from '../helpers/scenario.js';

const position = fc.record({
  side: fc.constantFrom('long' as const, 'short' as const),
  size: fc.double({ min: 1, max: 100, noNaN: true }),
  entry: fc.double({ min: 1900, max: 2100, noNaN: true }),
  leverage: fc.double({ min: 2, max: 60, noNaN: true }),
});

const settings = fc.record({
  positions: fc.array(position, { minLength: 1, maxLength: 25 }),
  fund: fc.double({ min: 0, max: 5e4, noNaN: true }),
  shock: fc.double({ min: -0.2, max: 0.3, noNaN: true }),
  depth: fc.constantFrom(2e4, 2e5, 2e6),
  fill: fc.constantFrom('oracle' as const, 'venue' as const),
  adlRank: fc.constantFrom<AdlRank>('pnl-margin', 'hyperliquid', 'pro-rata'),
  sliced: fc.boolean(),
  backstop: fc.option(
    fc.record({
      capital: fc.double({ min: 0, max: 1e5, noNaN: true }),
      unwind: fc.constantFrom(0, 0.25),
    }),
    { nil: undefined },
  ),
});

type Settings = typeof settings extends fc.Arbitrary<infer T> ? T : never;

function build(s: Settings): Scenario {
  const perps: PerpsSpec = {
    insuranceFund: s.fund,
    liquidationFee: 0.005,
    maintenance: 0.01,
    sliceFraction: 0.3,
    ...(s.sliced ? { sliceAbove: 20000 } : {}),
    fill: s.fill,
    adlRank: s.adlRank,
    ...(s.backstop
      ? { backstop: { capital: s.backstop.capital, below: 2 / 3, unwind: s.backstop.unwind } }
      : {}),
    positions: s.positions.map((p, i) => ({
      id: `p${i}`,
      side: p.side,
      size: p.size,
      entry: p.entry,
      margin: (p.size * p.entry) / p.leverage,
    })),
  };
  return scenario({
    asset: { symbol: 'ETH', quote: 'USD', price: 2000 },
    market: { model: 'orderbook', depth2pct: s.depth, fee: 0, recovery: 0 },
    shock: { pct: 0 },
    path: { prices: [2000 * (1 - s.shock), 2000 * (1 - s.shock / 2)] },
    positions: [],
    perps,
  });
}

/** Σ equity at `price` of the open perpetuals. */
function equityAt(size: Float64Array, margin: Float64Array, cascade: Cascade, price: number): number {
  const book = cascade.perps!;
  let sum = 0;
  for (let i = 0; i < book.count; i++)
    if (size[i]! > 0) sum += margin[i]! + book.direction(i) * size[i]! * (price - book.entry[i]!);
  return sum;
}

describe('perpetuals: value is conserved with venue fills, slicing, ADL policies and the backstop', () => {
  it('equity lost by the book, less booked slippage, is what fees, payouts and the vault took, less what the fund and the uncovered paid (property)', () => {
    fc.assert(
      fc.property(settings, (s) => {
        const cascade = new Cascade(build(s), { maxRounds: 40 });
        const book = cascade.perps!;
        while (!cascade.done) {
          const size = book.size.slice();
          const margin = book.margin.slice();
          const vaultCash = cascade.vault?.cash ?? 0;
          const vaultInventory = cascade.vault?.inventory ?? 0;
          const { record, perps } = cascade.step();
          const p = record.oraclePrice;
          const before = equityAt(size, margin, cascade, p);
          const after = equityAt(book.size, book.margin, cascade, p);
          const booked = s.fill === 'venue' ? perps!.slippage : 0;
          const flows =
            perps!.fees + perps!.paidOut + perps!.backstopReceived - perps!.drawn - perps!.uncovered;
          const scale = 1 + Math.abs(before) + perps!.notional;
          expect(Math.abs(before - after - booked - flows)).toBeLessThanOrEqual(1e-7 * scale);
          // The fund: what it had, plus fees, less what it paid; never negative.
          expect(record.insuranceFund).toBeGreaterThanOrEqual(0);
          // Slices below bankruptcy are covered to the cent by the fund, ADL and the uncovered (a policy
          // that closes whole positions can cover more: its overshoot is paid out to the bankrupt slice).
          if (s.adlRank !== 'hyperliquid')
            expect(
              Math.abs(perps!.losses - perps!.drawn - perps!.adlCovered - perps!.uncovered),
            ).toBeLessThanOrEqual(1e-7 * scale);
          expect(record.adlOvershoot).toBeGreaterThanOrEqual(0);
          if (s.adlRank !== 'hyperliquid') expect(record.adlOvershoot).toBe(0);
          // The vault: its equity at P is its cash plus its inventory at P; without an unwind it grows by
          // exactly the equity it took on (and the move of what it held).
          if (cascade.vault) {
            const vault = cascade.vault;
            expect(record.backstopEquity).toBeCloseTo(vault.cash + vault.inventory * p, 6);
            const marked = vaultCash + vaultInventory * p + perps!.backstopReceived;
            if (s.backstop!.unwind === 0) expect(record.backstopEquity).toBeCloseTo(marked, 6);
          }
          // Without a vault unwinding, the venue's proceeds of a net sale are the fills: N·P − slippage.
          if (s.fill === 'venue' && !s.backstop && record.perpNetSold > 0)
            expect(record.saleProceeds).toBeCloseTo(record.perpNetSold * p - record.perpSlippage, 6);
          expect(record.price).toBeGreaterThan(0);
          for (let i = 0; i < book.count; i++) expect(book.size[i]).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the fund is its start plus fees less draws, round after round (property)', () => {
    fc.assert(
      fc.property(settings, (s) => {
        const cascade = new Cascade(build(s), { maxRounds: 40 });
        let fund = s.fund;
        while (!cascade.done) {
          const { record } = cascade.step();
          fund += record.fundFees - record.fundDrawn;
          expect(Math.abs(record.insuranceFund - fund)).toBeLessThanOrEqual(1e-6 * (1 + fund));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('the same preset gives the same rounds, bit for bit (property)', () => {
    fc.assert(
      fc.property(settings, (s) => {
        const rounds = () => {
          const cascade = new Cascade(build(s), { maxRounds: 20 });
          const out = [];
          while (!cascade.done) out.push(cascade.step().record);
          return out;
        };
        expect(rounds()).toEqual(rounds());
      }),
      { numRuns: 40 },
    );
  });
});
