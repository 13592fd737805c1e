import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMechanism, liquidateInto, scratch } from '../../src/engine/liquidation/index.js';
import { marketModels } from '../../src/engine/market/index.js';
import { mostSeized, unprofitableBelow } from '../../src/engine/round/lending.js';

const double = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/**
 * The lending round skips, without pricing them, the candidates whose collateral is below
 * `unprofitableBelow`: each must be one the full test (liquidate, then sell the seizure on top of what is
 * already bound for the venue) would skip as unprofitable, and not for capital.
 */
describe('unprofitableBelow: a candidate below it is one the full profit test skips', () => {
  it('on either venue, for full and partial liquidation, up to the bound itself', () => {
    fc.assert(
      fc.property(
        fc.record({
          model: fc.constantFrom('constant-product' as const, 'orderbook' as const),
          depth: double(1e3, 1e9),
          fee: fc.oneof(fc.constant(0), double(0, 0.05)),
          price: double(0.01, 1e5),
          bound: double(0, 5),
          oracleShare: double(0.5, 1.5),
          bonus: fc.oneof(fc.constant(0), double(0, 0.2)),
          gasCost: double(1e-6, 1e4),
          capital: fc.oneof(fc.constant(Infinity), double(1, 1e9)),
          partial: fc.option(double(0.05, 1), { nil: undefined }),
          fullBelowHealth: fc.option(double(0.5, 1), { nil: undefined }),
          healthFactor: double(0, 1),
          debtShare: double(0.01, 3),
          // Where below the bound the seizure sits: 1 is the bound's own last unit.
          at: fc.oneof(fc.constant(1), double(0, 1)),
          // The collateral bounds the seizure, or the cap does (then the collateral is up to 1000 times it).
          capBound: fc.boolean(),
          spare: double(1, 1000),
        }),
        (c) => {
          const venue = marketModels[c.model]({ depth2pct: c.depth, fee: c.fee }, c.price);
          const queued = (c.bound * c.depth) / c.price;
          const oraclePrice = c.price * c.oracleShare;
          const marginal = venue.marginalSellPrice(queued);
          // The round works out the bound only while a seizure can still pay (not hopeless).
          fc.pre(!(marginal * (1 + c.bonus) <= oraclePrice * (1 - 1e-9)));
          const below = unprofitableBelow(marginal, oraclePrice, c.bonus, c.gasCost, c.capital);
          expect(below).toBeGreaterThan(0);
          const seizure = Math.min(below * c.at, below * (1 - 1e-15));
          fc.pre(seizure > 0);
          const mechanism = createMechanism(
            c.partial === undefined
              ? { mechanism: 'full', bonus: c.bonus, threshold: 0.8 }
              : {
                  mechanism: 'partial',
                  bonus: c.bonus,
                  threshold: 0.8,
                  closeFactor: c.partial,
                  fullBelowHealth: c.fullBelowHealth,
                },
          );
          // The cap-bound case: the debt whose cap is worth the seizure, and more collateral than that.
          const capShare =
            c.partial !== undefined && !(c.healthFactor <= (c.fullBelowHealth ?? -1)) ? c.partial : 1;
          const collateral = c.capBound ? seizure * c.spare : seizure;
          const debt = c.capBound
            ? (seizure * oraclePrice) / (1 + c.bonus) / capShare
            : seizure * oraclePrice * c.debtShare;
          const most = mostSeized(mechanism, collateral, debt, c.healthFactor, oraclePrice, c.bonus);
          // The round skips it without the full test only below the bound.
          fc.pre(most < below);
          const out = liquidateInto(
            scratch(),
            mechanism,
            collateral,
            debt,
            oraclePrice,
            c.bonus,
            c.healthFactor,
          );
          expect(out.seized).toBeLessThanOrEqual(most);
          // Not skipped for capital first (neither by the round's lower bound on the repayment nor by it) ...
          expect(Math.min(capShare * debt, (collateral * oraclePrice) / (1 + c.bonus))).toBeLessThanOrEqual(
            c.capital,
          );
          expect(out.repaid).toBeLessThanOrEqual(c.capital);
          // ... and skipped for profit, as the lending round's full test decides it.
          const proceeds = venue.proceedsAfter(queued, out.seized);
          expect(proceeds <= out.repaid + c.gasCost).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('is not so cautious that it skips nothing: a position with a tenth of it is below it', () => {
    const venue = marketModels['constant-product']({ depth2pct: 3e6, fee: 0 }, 2000);
    const below = unprofitableBelow(venue.marginalSellPrice(0), 1800, 0.05, 20, Infinity);
    // Gain per unit about 2000 − 1800 / 1.05 ≈ 286: 20 of gas is 0.07 units.
    expect(below).toBeGreaterThan(0.06);
    expect(below).toBeLessThan(0.08);
  });
});
