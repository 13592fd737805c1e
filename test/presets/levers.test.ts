import { describe, expect, it } from 'vitest';
import { runCascade, summarize, type Summary } from '../../src/engine/index.js';
import { loadPreset } from '../../src/presets/index.js';

function summaryOf(id: string): Summary {
  const loaded = loadPreset(id);
  if (!loaded.ok) throw new Error(`${id}: ${JSON.stringify(loaded.problems)}`);
  return summarize(runCascade(loaded.preset));
}

/** Each defence preset against the twin without it: the direction of the effect it exists to show. */
describe('defence twins', () => {
  it('an oracle on a deep external venue, or the median of venues, liquidates far less than one on the sale venue', () => {
    const same = summaryOf('same-venue');
    for (const id of ['external-oracle-venue', 'median-oracle']) {
      const defended = summaryOf(id);
      expect(defended.positionsLiquidated, id).toBeLessThan(0.6 * same.positionsLiquidated);
      expect(defended.collateralSold, id).toBeLessThan(0.6 * same.collateralSold);
      expect(defended.minPrice, id).toBeGreaterThan(same.minPrice);
    }
  });

  it('a circuit breaker rides out healing dips: fewer liquidations, a higher low, more rounds', () => {
    const spot = summaryOf('recovering-spot');
    const breaker = summaryOf('circuit-breaker');
    expect(breaker.positionsLiquidated).toBeLessThan(spot.positionsLiquidated);
    expect(breaker.minPrice).toBeGreaterThan(spot.minPrice);
    expect(breaker.resolvedAtRound).toBeGreaterThan(spot.resolvedAtRound);
  });

  it('a deviation/heartbeat feed liquidates about a quarter fewer loans than a spot oracle', () => {
    const spot = summaryOf('recovering-spot');
    const feed = summaryOf('deviation-feed');
    expect(feed.positionsLiquidated).toBeLessThan(0.8 * spot.positionsLiquidated);
  });

  it('a sale cap queues collateral: a higher low and fewer liquidations, but slower resolution', () => {
    const instant = summaryOf('instant-sale');
    const capped = summaryOf('sale-cap');
    expect(instant.maxQueued).toBe(0);
    expect(capped.maxQueued).toBeGreaterThan(0);
    expect(capped.minPrice).toBeGreaterThan(instant.minPrice);
    expect(capped.positionsLiquidated).toBeLessThan(instant.positionsLiquidated);
    expect(capped.resolvedAtRound).toBeGreaterThan(instant.resolvedAtRound);
  });

  it('a Dutch auction sells gradually: a higher low and fewer liquidations, paid for in time and bad debt', () => {
    const instant = summaryOf('instant-sale');
    const auction = summaryOf('dutch-auction');
    expect(auction.minPrice).toBeGreaterThan(instant.minPrice);
    expect(auction.positionsLiquidated).toBeLessThan(instant.positionsLiquidated);
    expect(auction.resolvedAtRound).toBeGreaterThan(instant.resolvedAtRound);
    expect(instant.badDebt).toBe(0);
    expect(auction.badDebt).toBeGreaterThan(0);
  });

  it("Aave's full liquidation below HF 0.95 resolves faster than a plain 50% close factor, selling more", () => {
    const partial = summaryOf('thin-pool-partial');
    const aave = summaryOf('aave-close-factor');
    expect(aave.resolvedAtRound).toBeLessThan(partial.resolvedAtRound);
    expect(aave.collateralSold).toBeGreaterThan(partial.collateralSold);
    expect(aave.drawdownPct).toBeGreaterThan(partial.drawdownPct);
  });

  it('scarce or profit-seeking liquidators leave liquidations undone and bad debt grows', () => {
    const plentiful = summaryOf('liquidators-plentiful');
    const scarce = summaryOf('liquidators-scarce');
    const profit = summaryOf('liquidators-profit-seeking');
    expect(plentiful.skippedLiquidations).toBe(0);
    expect(plentiful.badDebt).toBeGreaterThan(0);
    expect(scarce.skippedLiquidations).toBeGreaterThan(0);
    expect(scarce.badDebt).toBeGreaterThan(1.5 * plentiful.badDebt);
    expect(scarce.resolvedAtRound).toBeGreaterThan(plentiful.resolvedAtRound);
    expect(profit.skippedLiquidations).toBeGreaterThan(0);
    expect(profit.badDebt).toBeGreaterThan(1.3 * plentiful.badDebt);
  });
});
