import { describe, expect, it } from 'vitest';
import {
  constantProductBaseReserve,
  marketModels,
  orderbookDepthScale,
  type MarketSpec,
  type Venue,
} from '../../src/engine/index.js';
import { expectClose } from './close.js';

const p0 = 2000;
const depth = 1e6;

const spec = (model: MarketSpec['model'], fee = 0): MarketSpec => ({
  model,
  depth2pct: depth,
  fee,
  recovery: 0,
});
const venue = (model: MarketSpec['model'], fee = 0): Venue => marketModels[model](spec(model, fee), p0);

describe('constant-product pool', () => {
  // Base reserve x0 = depth2pct / (p0 (1/sqrt(0.98) - 1)), quote reserve y0 = p0 x0, k = x0 y0.
  const x0 = depth / (p0 * (1 / Math.sqrt(0.98) - 1));
  const y0 = p0 * x0;
  const k = x0 * y0;
  // Reserves on the curve x y = k at price p: x = sqrt(k / p).
  const baseAt = (price: number) => Math.sqrt(k / price);

  it('computes the base reserve from the 2% depth', () => {
    expectClose(constantProductBaseReserve(depth, p0), x0);
    // 1e6 / (2000 * 0.0101525445...) = 500 / 0.0101525445... ≈ 49248.74 units.
    expect(x0).toBeGreaterThan(49_248.7);
    expect(x0).toBeLessThan(49_248.8);
  });

  it('starts at p0', () => {
    expectClose(venue('constant-product').price, p0);
  });

  it('is calibrated: selling x0 (1/sqrt(0.98) - 1) = depth2pct / p0 units moves the price down exactly 2%', () => {
    // Selling q multiplies the price by (x0 / (x0 + q))^2; with x0 + q = x0 / sqrt(0.98) that is 0.98.
    const q = x0 * (1 / Math.sqrt(0.98) - 1);
    expectClose(q, depth / p0);
    const sale = venue('constant-product').sell(q);
    expectClose(sale.venue.price, 0.98 * p0);
    expectClose(venue('constant-product').sell(depth / p0).venue.price, 0.98 * p0);
  });

  it('moves along x y = k: price factor (x/(x+q))^2 and proceeds = quote out', () => {
    for (const q of [1, 37.5, 875, 20_000, 1e6]) {
      const sale = venue('constant-product').sell(q);
      expectClose(sale.venue.price, p0 * (x0 / (x0 + q)) ** 2, 1e-12, `q=${q}`);
      // Quote out: y0 - k / (x0 + q) = y0 q / (x0 + q). The engine subtracts two reserves of ~1e8, so a
      // small sale's proceeds carry a few 1e-12 of cancellation error; 1e-10 still pins the formula.
      expectClose(sale.proceeds, (y0 * q) / (x0 + q), 1e-10, `q=${q}`);
    }
  });

  it('successive sales compose like one sale of the total (no fee)', () => {
    const twice = venue('constant-product').sell(300).venue.sell(700).venue;
    expectClose(twice.price, p0 * (x0 / (x0 + 1000)) ** 2);
  });

  it('sell of 0 is a no-op', () => {
    const v = venue('constant-product');
    const sale = v.sell(0);
    expect(sale.proceeds).toBe(0);
    expect(sale.venue.price).toBe(v.price);
    // The pool behind it is unchanged too: the next sale sees the original reserves.
    expectClose(sale.venue.sell(500).venue.price, p0 * (x0 / (x0 + 500)) ** 2);
  });

  it('moveTo lands on the target and stays on the curve', () => {
    for (const target of [1800, 1999.5, 2500, 12.34]) {
      const moved = venue('constant-product').moveTo(target);
      expectClose(moved.price, target, 1e-12, `target=${target}`);
      // k is kept: at `target` the base reserve is sqrt(k / target), so selling q multiplies by (x/(x+q))^2.
      const x = baseAt(target);
      expectClose(moved.sell(400).venue.price, target * (x / (x + 400)) ** 2, 1e-12, `target=${target}`);
      expectClose(moved.sell(400).proceeds, (target * x * 400) / (x + 400), 1e-12, `target=${target}`);
    }
  });

  it('moveTo charges no fee and is reversible', () => {
    const v = venue('constant-product', 0.3).moveTo(1500).moveTo(p0);
    expectClose(v.price, p0);
    // Still calibrated at p0 with the original k (only priced units count: q (1 - f)).
    const q = 100;
    const priced = q * 0.7;
    expectClose(v.sell(q).venue.price, (y0 * x0) / (x0 + priced) / (x0 + q));
  });

  it('charges the fee Uniswap-v2 style: all of q enters the base reserve, only q (1 - f) is priced', () => {
    const f = 0.003;
    const q = 875;
    const priced = q * (1 - f);
    const sale = venue('constant-product', f).sell(q);
    // Quote after = k / (x0 + q (1 - f)); base after = x0 + q.
    const quoteAfter = k / (x0 + priced);
    const baseAfter = x0 + q;
    expectClose(sale.venue.price, quoteAfter / baseAfter);
    expectClose(sale.proceeds, y0 - quoteAfter);
    expectClose(sale.proceeds, (y0 * priced) / (x0 + priced));
    // The fee makes the sale raise less; since the fee stays in the pool, the price falls less than without it:
    // y0 x0 / ((x0 + q (1 - f)) (x0 + q)) > y0 x0 / (x0 + q)^2.
    const free = venue('constant-product').sell(q);
    expect(sale.proceeds).toBeLessThan(free.proceeds);
    expect(sale.venue.price).toBeGreaterThan(free.venue.price);
  });

  it('with a fee, k grows: the pool is deeper afterwards along its new curve', () => {
    const f = 0.01;
    const q = 5000;
    const kAfter = (x0 + q) * (k / (x0 + q * (1 - f)));
    expect(kAfter).toBeGreaterThan(k);
    // Move back to p0 along the new curve and sell again: the base reserve there is sqrt(kAfter / p0).
    const back = venue('constant-product', f).sell(q).venue.moveTo(p0);
    expectClose(back.price, p0);
    const x = Math.sqrt(kAfter / p0);
    const s = 100;
    expectClose(back.sell(s).venue.price, kAfter / (x + s * (1 - f)) / (x + s));
  });
});

describe('orderbook', () => {
  // Q = depth2pct / (p0 * -ln 0.98).
  const Q = depth / (p0 * -Math.log(0.98));

  it('computes the depth scale from the 2% depth', () => {
    expectClose(orderbookDepthScale(depth, p0), Q);
  });

  it('starts at p0', () => {
    expect(venue('orderbook').price).toBe(p0);
  });

  it('is calibrated: selling depth2pct / p0 units moves the price down exactly 2%', () => {
    // exp(-(depth/p0) / Q) = exp(ln 0.98) = 0.98.
    expectClose(venue('orderbook').sell(depth / p0).venue.price, 0.98 * p0);
  });

  it('multiplies the price by exp(-q/Q) and pays p Q (1 - exp(-q/Q))', () => {
    for (const q of [1, 437.5, 2187.5, 1e5]) {
      const sale = venue('orderbook').sell(q);
      expectClose(sale.venue.price, p0 * Math.exp(-q / Q), 1e-12, `q=${q}`);
      expectClose(sale.proceeds, p0 * Q * (1 - Math.exp(-q / Q)), 1e-12, `q=${q}`);
    }
  });

  it('has no memory: two sales compose like one', () => {
    const twice = venue('orderbook').sell(300).venue.sell(700).venue;
    expectClose(twice.price, p0 * Math.exp(-1000 / Q));
  });

  it('sell of 0 is a no-op', () => {
    const v = venue('orderbook', 0.01);
    const sale = v.sell(0);
    expect(sale.proceeds).toBe(0);
    expect(sale.venue.price).toBe(v.price);
  });

  it('moveTo lands exactly on the target, and the depth scale is unchanged there', () => {
    for (const target of [1800, 2500, 0.5]) {
      const moved = venue('orderbook').moveTo(target);
      expect(moved.price).toBe(target);
      expectClose(moved.sell(600).venue.price, target * Math.exp(-600 / Q), 1e-12, `target=${target}`);
      expectClose(moved.sell(600).proceeds, target * Q * (1 - Math.exp(-600 / Q)), 1e-12, `target=${target}`);
    }
  });

  it('takes the fee off the proceeds and leaves the price path alone', () => {
    const f = 0.02;
    const q = 1234;
    const withFee = venue('orderbook', f).sell(q);
    const noFee = venue('orderbook').sell(q);
    expect(withFee.venue.price).toBe(noFee.venue.price);
    expectClose(withFee.proceeds, p0 * Q * (1 - Math.exp(-q / Q)) * (1 - f));
    expectClose(withFee.proceeds, noFee.proceeds * (1 - f));
    // A second sale sees the same book.
    expect(withFee.venue.sell(500).venue.price).toBe(noFee.venue.sell(500).venue.price);
  });
});

describe('market models', () => {
  it('registers both models by preset name', () => {
    expect(Object.keys(marketModels).sort()).toEqual(['constant-product', 'orderbook']);
  });

  it('venues are immutable values: selling returns a new venue and leaves the old one as it was', () => {
    for (const model of ['constant-product', 'orderbook'] as const) {
      const v = venue(model);
      const sale = v.sell(1000);
      expect(sale.venue).not.toBe(v);
      expect(sale.venue.price).toBeLessThan(p0);
      expectClose(v.price, p0, 1e-12, model);
      expectClose(v.sell(1000).venue.price, sale.venue.price, 1e-15, model);
    }
  });
});
