// compound-dai-2020: DAI at $1.30 on Coinbase Pro, the one venue Compound's oracle read, for about an hour
// (26 Nov 2020). Drawn as the collateral's price in DAI falling to 1/1.30 on that venue alone.
import { describe, expect, it } from 'vitest';
import { runCascade, summarize } from '../../src/engine/index.js';
import { checkRecord, loadPreset, type Preset } from '../../src/presets/index.js';

function load(): Preset {
  const loaded = loadPreset('compound-dai-2020');
  if (!loaded.ok) throw new Error(`compound-dai-2020: ${JSON.stringify(loaded.problems)}`);
  return loaded.preset;
}

describe('compound-dai-2020', () => {
  const preset = load();
  const run = runCascade(preset);
  const summary = summarize(run);
  const venue = (name: string) => ['curve', ...(preset.venues ?? []).map((v) => v.name)].indexOf(name);

  it('converges once the premium has faded, and every matched figure is within its tolerance', () => {
    expect(summary.converged).toBe(true);
    const checks = checkRecord(summary, preset.record ?? []);
    expect(checks.filter((c) => c.figure.metric !== undefined)).toHaveLength(3);
    // Each figure against its tolerance: test/presets/history.test.ts.
  });

  it('the oracle reads 1/1.30 off Coinbase while the venues the collateral is sold on stay near 1', () => {
    const first = run.rounds[0]!;
    expect(first.oraclePrice).toBeCloseTo(1 / 1.3, 4);
    expect(first.venuePrices[venue('coinbase')]).toBeCloseTo(first.oraclePrice, 12);
    // Kraken never trades; Curve takes every sale, and moves by under 2% while the oracle is 23% down.
    for (const r of run.rounds) {
      expect(r.venuePrices[venue('kraken')]).toBe(1);
      expect(r.price).toBeGreaterThan(0.98);
    }
    // The premium fades over the hour: still above 5% in round 7 (an hour in), under 2% two hours in.
    expect(1 / run.rounds[6]!.oraclePrice - 1).toBeGreaterThan(0.05);
    expect(1 / run.rounds[12]!.oraclePrice - 1).toBeLessThan(0.02);
  });

  it('nearly everything is liquidated in the first 10 minutes, and none of it leaves bad debt', () => {
    expect(run.rounds[0]!.debtRepaid / summary.debtRepaid).toBeGreaterThan(0.9);
    expect(summary.badDebt).toBe(0);
    // Liquidations end while the oracle is still below the venues: the book has run out of victims.
    const last = run.rounds.findLastIndex((r) => r.liquidations > 0);
    expect(run.rounds[last]!.oraclePrice).toBeLessThan(0.95);
  });

  it('the farmer is liquidated once, for half its 92M DAI, and its health factor is then above 1', () => {
    const book = run.book;
    expect(book.id(0)).toBe('farmer');
    const repaid = book.initialDebt[0]! - book.debt[0]!;
    expect(repaid / 46e6).toBeCloseTo(1, 9);
    expect(book.open[0]).toBe(1);
    expect(book.healthFactor(0, run.rounds[1]!.oraclePrice)).toBeGreaterThan(1);
  });

  it('with a median of the three venues, the same book and the same buyer liquidate nothing', () => {
    const median = runCascade({
      ...preset,
      oracle: { model: 'spot', venues: ['coinbase', 'curve', 'kraken'] },
    });
    const m = summarize(median);
    expect(median.rounds[0]!.oraclePrice).toBe(1);
    expect(m.positionsLiquidated).toBe(0);
    expect(m.debtRepaid).toBe(0);
    expect(summary.debtRepaid).toBeGreaterThan(80e6);
  });

  it('the buyer who lifted DAI lost money: its sold units are valued back at the outside price', () => {
    const attacker = preset.attacker!;
    const attack = summary.attack!;
    // It sold 3.896M units for DAI (cost < 0) and never bought them back: profit = borrowed − cost
    // + trade · ext(last) − collateral · ext(borrow round), with ext = 1 throughout (no shock, no path).
    expect(attack.cost).toBeLessThan(0);
    expect(attack.profit).toBeCloseTo(
      attack.borrowed - attack.cost + attacker.trade - attacker.collateral,
      6,
    );
    expect(attack.profit).toBeLessThan(0);
    expect(attack.badDebt).toBe(0);
  });
});
