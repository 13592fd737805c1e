import { describe, expect, it } from 'vitest';
import { runCascade, summarize, type Scenario } from '../../src/engine/index.js';
import { checkRecord, loadPreset } from '../../src/presets/index.js';

function preset(): Scenario {
  const loaded = loadPreset('perps-october-2025');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.preset;
}

describe('perps-october-2025: the 10–11 October 2025 perpetuals cascade', () => {
  const scenario = preset();
  const run = runCascade(scenario);
  const summary = summarize(run);

  it('matches the input and the fitted figure, and misses the predicted one the way it says', () => {
    expect(summary.converged).toBe(true);
    const checks = checkRecord(summary, scenario.record ?? []);
    const matched = checks.filter((c) => c.within !== null);
    expect(matched.map((c) => c.figure.metric)).toEqual(['minPrice', 'perpLiquidatedNotional', 'adlCovered']);
    expect(matched.map((c) => c.within)).toEqual([true, true, false]);
    // The loss ADL covers comes out above the record's $23.2M, after the whole $20M fund is drawn.
    expect(summary.adlCovered).toBeGreaterThan(23.2e6 * 1.25);
    expect(summary.fundDrawn).toBeGreaterThan(0.99 * scenario.perps!.insuranceFund);
  });

  it('the figure it does not match is off the way it says: only longs are liquidated', () => {
    expect(summary.perpLongShare).toBe(1);
  });

  it('the liquidation engine pushes the venue below the outside price, whose low is $105,000', () => {
    const outsideLow = Math.min(...(scenario.path?.prices ?? []));
    expect(outsideLow).toBe(105_000);
    expect(summary.minPrice).toBeLessThan(outsideLow * 0.995);
    // Ten times the depth: the venue stays within 0.1% of the outside price.
    const deep = summarize(runCascade({ ...scenario, market: { ...scenario.market, depth2pct: 2e9 } }));
    expect(deep.minPrice).toBeGreaterThan(outsideLow * 0.999);
  });

  it('auto-deleverages only once the insurance fund is all but empty, and leaves no loss uncovered', () => {
    expect(summary.deleveraged).toBeGreaterThan(0);
    expect(summary.adlCovered).toBeGreaterThan(0);
    expect(summary.uncoveredLoss).toBe(0);
    const fund = scenario.perps!.insuranceFund;
    const adlRounds = run.rounds.filter((r) => r.deleveraged > 0);
    expect(adlRounds.length).toBeGreaterThan(0);
    // Only the fees of the liquidations after the ADL in the same round refill it (under 5%).
    for (const r of adlRounds) expect(r.insuranceFund).toBeLessThan(fund * 0.05);
    // The rounds before the first ADL drew on the fund first.
    const first = adlRounds[0]!.round;
    const drawnBefore = run.rounds.filter((r) => r.round <= first).reduce((sum, r) => sum + r.fundDrawn, 0);
    expect(drawnBefore).toBeGreaterThan(fund * 0.95);
  });

  it('its liquidations fill at the venue: the slippage is booked, and leaves no loss uncovered', () => {
    expect(scenario.perps!.fill).toBe('venue');
    // Hyperliquid's queue closes whole positions: it takes a little more than the fund could not pay.
    expect(scenario.perps!.adlRank).toBe('hyperliquid');
    expect(summary.adlOvershoot).toBeGreaterThan(0);
    expect(summary.adlOvershoot).toBeLessThan(summary.adlCovered * 0.05);
    expect(summary.perpFill).toBe('venue');
    expect(summary.perpSlippage).toBeGreaterThan(0);
    // The same run with oracle fills measures its slippage and books none of it.
    const oracle = summarize(runCascade({ ...scenario, perps: { ...scenario.perps!, fill: 'oracle' } }));
    expect(oracle.perpFill).toBe('oracle');
    expect(oracle.perpSlippage).toBeGreaterThan(summary.perpSlippage);
  });

  it('a $100M fund does not avoid auto-deleveraging: it pays for more selling into the book', () => {
    // Without ADL matching size off the venue, the engine sells it into the book, whose fills slip further
    // and push more longs under: the low is lower, the slippage and the draw larger, and ADL still comes.
    const big = summarize(runCascade({ ...scenario, perps: { ...scenario.perps!, insuranceFund: 100e6 } }));
    expect(big.fundDrawn).toBeGreaterThan(summary.fundDrawn);
    expect(big.perpSlippage).toBeGreaterThan(summary.perpSlippage);
    expect(big.minPrice).toBeLessThan(summary.minPrice);
    expect(big.deleveraged).toBeGreaterThan(0);
  });
});
