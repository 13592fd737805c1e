import { describe, expect, it } from 'vitest';
import { AuctionHouse, type AuctionSpec } from '../../src/engine/liquidation/auction.js';
import type { Venue } from '../../src/engine/market/index.js';

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

/** One auction: 10 units owing 1,000 with a 10% penalty (tab 1,100), kicked in round 1 at oracle 100. */
function house(spec: AuctionSpec): AuctionHouse {
  const h = new AuctionHouse(spec);
  h.kick(0, 10, 1000, 0.1, 100, 1);
  return h;
}

describe('the auction house, worked by hand', () => {
  it('with no capital, nothing is bought; at its tail the auction restarts from the oracle price', () => {
    const h = house(SPEC);
    for (const round of [1, 2, 3]) {
      const r = h.run(round, 100, flat(100), 0, 0);
      expect(r.bought).toBe(0);
      expect(r.resets).toBe(0);
    }
    const restart = h.run(4, 100, flat(100), 0, 0);
    expect(restart).toMatchObject({ resets: 1, bought: 0, badDebt: 0, wonForZero: 0 });
    expect(h.active).toBe(1);
    expect(h.collateral).toBe(10);
  });

  it('with zeroBids, the auction nobody bought from is won for zero at its tail: the lot goes, its debt is bad', () => {
    const h = house({ ...SPEC, zeroBids: true });
    for (const round of [1, 2, 3]) expect(h.run(round, 100, flat(100), 0, 0).wonForZero).toBe(0);
    const won = h.run(4, 80, flat(80), 0, 0);
    expect(won).toMatchObject({
      wonForZero: 1,
      collateralWonForZero: 10,
      // Valued at the oracle price of the round it is won in.
      valueWonForZero: 800,
      // The bidder resells what it won: it joins the round's sale.
      bought: 10,
      raised: 0,
      debtRepaid: 0,
      badDebt: 1000,
      resets: 0,
    });
    expect(h.active).toBe(0);
    expect(h.outstandingDebt).toBe(0);
  });

  it('an auction someone has bought from restarts at its tail even with zeroBids', () => {
    const h = house({ ...SPEC, zeroBids: true });
    h.run(1, 100, flat(100), 0, 300);
    // Round 2: price 120 · 0.5 = 60 < 100, so bidders buy; $300 of capital buys 5 units, repaying 300/1.1.
    const bought = h.run(2, 100, flat(100), 0, 300);
    expect(bought.bought).toBeCloseTo(5, 12);
    expect(bought.raised).toBeCloseTo(300, 9);
    expect(bought.debtRepaid).toBeCloseTo(300 / 1.1, 9);
    h.run(3, 100, flat(100), 0, 0);
    const restart = h.run(4, 100, flat(100), 0, 0);
    expect(restart).toMatchObject({ resets: 1, wonForZero: 0, badDebt: 0 });
    expect(h.collateral).toBeCloseTo(5, 12);
  });
});
