import { describe, expect, it } from 'vitest';
import { runCascade, summarize, type Scenario, type Summary } from '../../src/engine/index.js';
import { checkRecord, loadPreset } from '../../src/presets/index.js';

function load(): Scenario {
  const loaded = loadPreset('mango-markets-2022');
  if (!loaded.ok) throw new Error(`mango-markets-2022: ${JSON.stringify(loaded.problems)}`);
  return loaded.preset;
}

function attackOf(summary: Summary) {
  if (!summary.attack) throw new Error('the preset has no attacker');
  return summary.attack;
}

describe('mango-markets-2022', () => {
  const preset = load();
  const run = runCascade(preset);
  const summary = summarize(run);
  const attack = attackOf(summary);
  const attacker = preset.attacker!;
  const p0 = preset.asset.price;

  it('converges once MNGO has reached the outside price, and every matched figure is within its tolerance', () => {
    expect(summary.converged).toBe(true);
    const checks = checkRecord(summary, preset.record ?? []);
    expect(checks.length).toBeGreaterThanOrEqual(7);
    // Each figure against its tolerance: test/presets/history.test.ts.
  });

  it("the ~$10M of capital is the buy's cost plus the loan's collateral at $0.038", () => {
    const capital = attack.cost + attacker.collateral * p0;
    expect(Math.abs(capital / 10e6 - 1)).toBeLessThanOrEqual(0.1);
    // Both halves are real money: neither is negligible beside the other.
    expect(attack.cost).toBeGreaterThan(0.3 * capital);
    expect(attacker.collateral * p0).toBeGreaterThan(0.3 * capital);
    // ~$10M in, ~$114M out: the loan is over ten times what the attack cost.
    expect(attack.borrowed).toBeGreaterThan(10 * capital);
  });

  it('the spot oracle reads the price the buy made, and the loan is sized at it', () => {
    const first = run.rounds[0]!;
    expect(first.oraclePrice).toBe(summary.maxPrice);
    expect(first.oraclePrice / p0).toBeGreaterThan(20);
    expect(attack.borrowed).toBeCloseTo(
      attacker.collateral * first.oraclePrice * preset.liquidation.threshold,
      -3,
    );
    // The same collateral at the price before the attack would have backed about 4% as much.
    expect(attacker.collateral * p0 * preset.liquidation.threshold).toBeLessThan(0.05 * attack.borrowed);
  });

  it('no liquidator takes the collateral, so the loan stays under water: the loss is the attack, not a cascade', () => {
    const index = run.book.count - 1;
    expect(run.book.id(index)).toBe('attacker');
    // Once MNGO falls back, the attacker's loan is liquidatable every round and skipped as unprofitable.
    expect(run.rounds.slice(1).every((r) => r.skippedUnprofitable >= 1)).toBe(true);
    expect(run.book.open[index]).toBe(1);
    expect(run.book.liquidated[index]).toBe(0);
    expect(run.book.debt[index]).toBe(attack.borrowed);
    // Its loss is the loan less its collateral at the last price, and it dwarfs what the slide to $0.02
    // costs in the liquidations of the other MNGO borrowers.
    expect(attack.badDebt / (attack.borrowed - attacker.collateral * summary.finalPrice)).toBeCloseTo(1, 8);
    expect(summary.positionsLiquidated).toBeGreaterThan(0);
    expect(summary.badDebt).toBeLessThan(0.01 * attack.badDebt);
    expect(summary.unresolvedDebt / attack.borrowed).toBeCloseTo(1, 8);
    // Were it liquidated, its 131.9M MNGO sold into the thin venue would crash MNGO far below $0.02,
    // under a tenth of where it started.
    const liquidated = summarize(runCascade({ ...preset, liquidators: undefined }));
    expect(liquidated.minPrice).toBeLessThan(0.1 * p0);
  });

  it('the lesson: against a 30-round TWAP, or the median with two deep venues, the same attack borrows a small fraction', () => {
    const twap = attackOf(summarize(runCascade({ ...preset, oracle: { model: 'twap', window: 30 } })));
    const median = attackOf(
      summarize(
        runCascade({
          ...preset,
          venues: [
            { name: 'deep-a', model: 'constant-product', depth2pct: 100 * preset.market.depth2pct, fee: 0 },
            { name: 'deep-b', model: 'constant-product', depth2pct: 100 * preset.market.depth2pct, fee: 0 },
          ],
          oracle: { model: 'spot', venues: ['main', 'deep-a', 'deep-b'] },
        }),
      ),
    );
    for (const [name, defended] of [
      ['twap', twap],
      ['median', median],
    ] as const) {
      expect(defended.cost, name).toBeCloseTo(attack.cost, 0);
      expect(defended.borrowed / attack.borrowed, name).toBeLessThan(0.1);
      // It borrows less than it put in: the attack does not pay.
      expect(defended.borrowed, name).toBeLessThan(defended.cost + attacker.collateral * p0);
      expect(defended.badDebt, name).toBeLessThan(0.1 * attack.badDebt);
    }
  });
});
