// steth-june-2022: stETH's Curve discount in June 2022 under Aave's stETH-collateral, ETH-debt loans, priced
// (in ETH) on the pool the liquidations would sell into.
import { describe, expect, it } from 'vitest';
import { runCascade, summarize } from '../../src/engine/index.js';
import { checkRecord, loadPreset, type Preset } from '../../src/presets/index.js';

function load(): Preset {
  const loaded = loadPreset('steth-june-2022');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.preset;
}

describe('stETH/ETH, June 2022', () => {
  const preset = load();
  const run = runCascade(preset);
  const summary = summarize(run);
  const LT = preset.liquidation.threshold;

  it('the low is the path’s, and nothing is liquidated at it: the prediction the record agrees with', () => {
    for (const check of checkRecord(summary, preset.record ?? []))
      if (check.within !== null) expect(check.within, check.figure.figure).toBe(true);
    expect(summary.minPrice).toBe(Math.min(...preset.path!.prices));
    expect(summary.positionsLiquidated).toBe(0);
    expect(summary.badDebt).toBe(0);
  });

  it('a loan opened at 73% LTV (health factor 1.11 at par) is first liquidated near a 9.4% discount', () => {
    // HF = collateral · p · LT / debt; at p0 = 0.96 the book's lowest is `min`, so HF = 1 at p0 · (1 / min).
    const first = preset.asset.price / preset.generate!.healthFactor.min;
    expect(first).toBeGreaterThan(0.9);
    expect(first).toBeLessThan(0.91);
    expect(LT / 0.73).toBeCloseTo(1.11, 2);
    // The recorded low (and CoinDesk's 8%) stay above it.
    expect(0.92).toBeGreaterThan(first);
  });

  it('a discount near 15% (shock 10%, Gauntlet’s stress case) starts the liquidations, which sell into the same pool', () => {
    const deeper = runCascade({ ...preset, shock: { pct: 0.1 } });
    const s = summarize(deeper);
    expect(s.positionsLiquidated).toBeGreaterThan(0);
    const pathLow = Math.min(...preset.path!.prices) * 0.9;
    // The sales take the pool below the outside path in the rounds they happen.
    expect(s.minPrice).toBeLessThan(pathLow);
    for (const r of deeper.rounds.filter((r) => r.collateralSold > 0))
      expect(r.price).toBeLessThan(r.startPrice);
  });
});
