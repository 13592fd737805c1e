import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cascade, type Scenario } from '../../src/engine/index.js';
import { AuctionHouse, type AuctionSpec } from '../../src/engine/liquidation/auction.js';
import type { Venue } from '../../src/engine/market/index.js';
import { scenario } from '../helpers/scenario.js';

/** A venue deep enough never to move: every unit sells at `price`. */
function flat(price: number): Venue {
  const venue: Venue = {
    price,
    sell: (quantity) => ({ venue, proceeds: quantity * price }),
    marginalSellPrice: () => price,
    proceedsAfter: (_after, quantity) => quantity * price,
    buy: (quantity) => ({ venue, cost: quantity * price }),
    moveTo: () => venue,
    quantityTo: () => 0,
    shift: () => venue,
  };
  return venue;
}

const SPEC: AuctionSpec = { startAbove: 1.2, decay: 0.5, tail: 3, cusp: 0.1 };

/** 20 units owing 1,000 with a 10% penalty (tab 1,100), kicked in round 1 at oracle 100: 120, 60, 30, … */
function house(spec: Partial<AuctionSpec> = {}, lot = 20): AuctionHouse {
  const h = new AuctionHouse({ ...SPEC, ...spec });
  h.kick(0, lot, 1000, 0.1, 100, 1);
  return h;
}

describe('Maker accounting, worked by hand', () => {
  it('the Vow nets a payment against the debt first: 300 repays 300, not 300 · 1000/1100', () => {
    const maker = house({ accounting: 'maker' }, 10);
    const proRata = house({}, 10);
    for (const h of [maker, proRata]) h.run(1, 100, flat(100), 0, 0);
    // Round 2 at 60: $300 of capital buys 5 units.
    const m2 = maker.run(2, 100, flat(100), 0, 300);
    const p2 = proRata.run(2, 100, flat(100), 0, 300);
    expect(m2.debtRepaid).toBe(300);
    expect(m2.penaltyIncome).toBe(0);
    expect(p2.debtRepaid).toBeCloseTo(272.7272727, 6);
    expect(p2.penaltyIncome).toBeCloseTo(27.2727273, 6);
    // Round 3 at 30: $150 buys the last 5 units; the lot is gone with 650 of the tab unraised.
    const m3 = maker.run(3, 100, flat(100), 0, 150);
    const p3 = proRata.run(3, 100, flat(100), 0, 150);
    expect(m3).toMatchObject({ bought: 5, raised: 150, debtRepaid: 150, badDebt: 550 });
    // Pro rata: 150 · 1000/1100 repaid, and the unraised 650 of tab is 650 · 1000/1100 of bad debt.
    expect(p3.debtRepaid).toBeCloseTo(136.3636364, 6);
    expect(p3.badDebt).toBeCloseTo(590.9090909, 6);
    expect(maker.active).toBe(0);
  });

  it('what is raised beyond the debt is penalty income, and an auction that raises its debt leaves no bad debt', () => {
    const h = house({ accounting: 'maker' });
    h.run(1, 100, flat(100), 0, 0);
    // Round 2 at 60: $1,080 buys 18 units; 1,000 repays the debt, 80 is penalty.
    const r2 = h.run(2, 100, flat(100), 0, 1080);
    expect(r2).toMatchObject({ bought: 18, raised: 1080, debtRepaid: 1000, penaltyIncome: 80 });
    // Round 3 at 30: the last 20 of the tab buys 2/3 of a unit; the other 4/3 go back to the owner.
    const r3 = h.run(3, 100, flat(100), 0, Infinity);
    expect(r3.bought).toBeCloseTo(2 / 3, 12);
    expect(r3.debtRepaid).toBe(0);
    expect(r3.penaltyIncome).toBeCloseTo(20, 9);
    expect(r3.returned).toBeCloseTo(4 / 3, 12);
    expect(r3.badDebt).toBe(0);
  });
});

describe('tip, chip and dust, worked by hand', () => {
  it('a kick pays the keeper tip + chip · tab: 50 + 1% of 1,100 = 61', () => {
    const h = new AuctionHouse({ ...SPEC, tip: 50, chip: 0.01 });
    expect(h.kick(0, 20, 1000, 0.1, 100, 1)).toBe(61);
    expect(new AuctionHouse(SPEC).kick(0, 20, 1000, 0.1, 100, 1)).toBe(0);
  });

  it("a purchase may not leave a tab below dust · (1 + penalty) (Clipper's chost): it stops 220 short instead", () => {
    const afterRound2 = () => {
      const h = house({ dust: 200 });
      h.run(1, 100, flat(100), 0, 0);
      // Round 2 at 60: $900 would buy 15 units and leave a tab of 200 < 220, so the bidder pays 880.
      const r2 = h.run(2, 100, flat(100), 0, 900);
      expect(r2.raised).toBe(880);
      expect(r2.bought).toBeCloseTo(880 / 60, 12);
      expect(h.tabInAuction).toBeCloseTo(220, 9);
      return h;
    };
    // Round 3 at 30, with 220 ≤ chost left: $100 buys nothing, as a partial purchase would leave dust.
    expect(afterRound2().run(3, 100, flat(100), 0, 100).bought).toBe(0);
    // Unlimited capital takes the whole lot left (16/3 units for 160), and the rest of the tab is bad debt.
    const h = afterRound2();
    const all = h.run(3, 100, flat(100), 0, Infinity);
    expect(all.bought).toBeCloseTo(20 - 880 / 60, 9);
    expect(all.raised).toBeCloseTo(160, 9);
    expect(all.badDebt).toBeCloseTo((60 * 1000) / 1100, 9);
    expect(h.active).toBe(0);
  });
});

/** Three positions at p0 = 100 and a 50% shock (P = 50, LT 0.8): liquidation prices 75, 62.5 and 56.25. */
const THREE = scenario({
  asset: { symbol: 'ETH', quote: 'USD', price: 100 },
  market: { model: 'orderbook', depth2pct: 1e15, fee: 0, recovery: 0 },
  shock: { pct: 0.5 },
  liquidation: { mechanism: 'auction', bonus: 0.1, threshold: 0.8 },
  liquidators: { capital: 0 },
  positions: [
    { id: 'a', collateral: 10, debt: 600 },
    { id: 'b', collateral: 10, debt: 500 },
    { id: 'c', collateral: 10, debt: 450 },
  ],
  rounds: 5,
});

function withAuction(extra: Partial<AuctionSpec>): Scenario {
  return { ...THREE, liquidation: { ...THREE.liquidation, auction: { ...SPEC, tail: 100, ...extra } } };
}

describe("the Dog's hole, worked by hand", () => {
  it('kicks most under water first while there is room, the last in part, and the rest waits', () => {
    const cascade = new Cascade(withAuction({ hole: 1000, tip: 10, chip: 0.01 }));
    const r1 = cascade.step().record;
    // a: all 600 (tab 660); room 340 takes 340/1.1 = 309.09 of b's 500, with 10 · 309.09/500 of its collateral.
    expect(r1.liquidations).toBe(2);
    expect(r1.tabInAuction).toBeCloseTo(1000, 9);
    expect(r1.collateralInAuction).toBeCloseTo(10 + (10 * (340 / 1.1)) / 500, 9);
    expect(r1.waitingForHole).toBe(2);
    expect(cascade.book.debt[1]).toBeCloseTo(500 - 340 / 1.1, 9);
    expect(cascade.book.waitingDebt).toBeCloseTo(500 - 340 / 1.1 + 450, 9);
    // Keepers: (10 + 6.60) + (10 + 3.40).
    expect(r1.keeperIncentives).toBeCloseTo(30, 9);
    // Nobody buys (no capital): the hole stays full and nothing more is kicked, so the run cannot converge.
    const r2 = cascade.step().record;
    expect(r2).toMatchObject({ liquidations: 0, waitingForHole: 2 });
    expect(cascade.converged).toBe(false);
  });

  it('with dust, a remainder below dust goes too (the hole overshoots), and a part below dust waits', () => {
    // b's remainder 190.9 < 200: all of b goes, tab 550; the hole is over by 210 and c waits.
    const over = new Cascade(withAuction({ hole: 1000, dust: 200 })).step().record;
    expect(over).toMatchObject({ liquidations: 2, waitingForHole: 1 });
    expect(over.tabInAuction).toBeCloseTo(1210, 9);
    // Hole 700: room 40 after a would take 36.4 of b, below a dust of 100 with 463.6 left: b and c wait.
    const short = new Cascade(withAuction({ hole: 700, dust: 100 })).step().record;
    expect(short).toMatchObject({ liquidations: 1, waitingForHole: 2 });
    expect(short.tabInAuction).toBeCloseTo(660, 9);
  });
});

const auctionScenario = fc
  .record({
    count: fc.integer({ min: 20, max: 300 }),
    seed: fc.integer({ min: 0, max: 1000 }),
    shock: fc.double({ min: 0.05, max: 0.45, noNaN: true }),
    hole: fc.oneof(fc.constant(undefined), fc.double({ min: 2e4, max: 2e6, noNaN: true })),
    dust: fc.constantFrom(0, 0, 500, 5000),
    accounting: fc.constantFrom('pro-rata', 'maker') as fc.Arbitrary<'pro-rata' | 'maker'>,
    tip: fc.constantFrom(0, 20),
    chip: fc.constantFrom(0, 0.002),
    zeroBids: fc.boolean(),
    capital: fc.oneof(fc.constant(undefined), fc.double({ min: 1e4, max: 1e6, noNaN: true })),
    recovery: fc.constantFrom(0, 0.3),
  })
  .map((p): Scenario =>
    scenario({
      market: { model: 'constant-product', depth2pct: 2e5, fee: 0.003, recovery: p.recovery },
      shock: { pct: p.shock },
      liquidation: {
        mechanism: 'auction',
        bonus: 0.13,
        threshold: 0.8,
        auction: {
          startAbove: 1.2,
          decay: 0.8,
          tail: 6,
          cusp: 0.4,
          zeroBids: p.zeroBids,
          accounting: p.accounting,
          hole: p.hole === undefined ? undefined : Math.max(p.hole, 2 * p.dust * 1.13),
          dust: p.dust,
          tip: p.tip,
          chip: p.chip,
        },
      },
      ...(p.capital ? { liquidators: { capital: p.capital } } : {}),
      generate: {
        count: p.count,
        seed: p.seed,
        collateral: { min: 0.1, max: 30, scale: 'log' },
        healthFactor: { min: 1.01, max: 2 },
      },
      rounds: 120,
    }),
  );

const sum = (a: ArrayLike<number>, open?: Uint8Array) => {
  let total = 0;
  for (let i = 0; i < a.length; i++) if (!open || open[i]) total += a[i]!;
  return total;
};

describe('auction properties, with the hole queue', () => {
  it('collateral and debt are conserved after every round, the hole holds but for one dusty remainder, prices stay positive', () => {
    let waited = 0;
    fc.assert(
      fc.property(auctionScenario, (s) => {
        const cascade = new Cascade(s);
        const { book } = cascade;
        const initialCollateral = sum(book.initialCollateral);
        const initialDebt = sum(book.initialDebt);
        let sold = 0;
        let returned = 0;
        let repaid = 0;
        let bad = 0;
        const { hole, dust = 0 } = s.liquidation.auction!;
        while (!cascade.done) {
          const r = cascade.step().record;
          sold += r.collateralSold;
          returned += r.collateralReturned;
          repaid += r.debtRepaid;
          bad += r.badDebt;
          const held = sum(book.collateral, book.open);
          expect(held + sold + r.collateralInAuction + returned).toBeCloseTo(initialCollateral, 6);
          const owedInAuction = r.underwaterDebt - book.waitingDebt;
          expect((sum(book.debt, book.open) + repaid + bad + owedInAuction) / initialDebt).toBeCloseTo(1, 9);
          if (r.waitingForHole > 0) waited++;
          if (hole !== undefined)
            expect(r.tabInAuction).toBeLessThanOrEqual(hole + dust * 1.13 + 1e-6 * hole);
          else expect(r.waitingForHole).toBe(0);
          expect(r.price).toBeGreaterThan(0);
          expect(r.keeperIncentives).toBeGreaterThanOrEqual(0);
          expect(r.penaltyIncome).toBeGreaterThanOrEqual(-1e-9 * initialDebt);
          if (s.liquidation.auction!.accounting === 'maker')
            expect(r.penaltyIncome).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 60 },
    );
    // The queue was exercised: positions waited for the hole in some rounds.
    expect(waited).toBeGreaterThan(10);
  });

  it('the same scenario runs the same, bit for bit', () => {
    fc.assert(
      fc.property(auctionScenario, (s) => {
        const records = () => {
          const c = new Cascade(s);
          const out = [];
          while (!c.done) out.push(c.step().record);
          return out;
        };
        expect(records()).toEqual(records());
      }),
      { numRuns: 15 },
    );
  });
});
