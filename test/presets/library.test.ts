import { describe, expect, it } from 'vitest';
import { runCascade, summarize, type Summary } from '../../src/engine/index.js';
import { loadLibrary, loadPreset, presetIds } from '../../src/presets/index.js';

function summaryOf(id: string): Summary {
  const loaded = loadPreset(id);
  if (!loaded.ok) throw new Error(`${id}: ${JSON.stringify(loaded.problems)}`);
  return summarize(runCascade(loaded.preset));
}

describe('every preset in presets/', () => {
  const library = loadLibrary();

  it('there are presets, and each one is valid', () => {
    expect(library.length).toBeGreaterThanOrEqual(3);
    for (const entry of library) expect(entry.ok ? [] : entry.problems, entry.file).toEqual([]);
  });

  const NOTHING_LIQUIDATED = new Set(['steth-june-2022', 'usde-binance-index-2025']);
  for (const id of presetIds()) {
    it(`${id} runs to convergence with a sensible summary`, () => {
      const s = summaryOf(id);
      expect(s.converged).toBe(true);
      expect(s.finalPrice).toBeGreaterThan(0);
      expect(s.minPrice).toBeLessThanOrEqual(s.finalPrice);
      // Presets whose point is that nothing is liquidated: a counterfactual oracle, a discount short of the book.
      if (NOTHING_LIQUIDATED.has(id)) expect(s.positionsLiquidated).toBe(0);
      else expect(s.positionsLiquidated).toBeGreaterThan(0);
      expect(s.positionsLiquidated).toBeLessThanOrEqual(s.positions);
    });
  }
});

describe('the claims the loop presets make', () => {
  it('thin-pool runs away: amplification above 3, every position liquidated', () => {
    const thin = summaryOf('thin-pool');
    expect(thin.amplification).toBeGreaterThan(3);
    expect(thin.positionsLiquidated).toBe(thin.positions);
  });

  it('deep-pool absorbs the same shock: amplification below 1.2 and a quarter of the liquidations', () => {
    const thin = summaryOf('thin-pool');
    const deep = summaryOf('deep-pool');
    expect(deep.amplification).toBeLessThan(1.2);
    expect(deep.positionsLiquidated).toBeLessThan(thin.positionsLiquidated / 4);
  });

  it('thin-pool-partial stops far earlier than full liquidation on the same pool', () => {
    const full = summaryOf('thin-pool');
    const partial = summaryOf('thin-pool-partial');
    expect(partial.drawdownPct).toBeLessThan(full.drawdownPct / 2);
    expect(partial.collateralSold).toBeLessThan(full.collateralSold / 2);
  });
});

describe('presets/README.md', () => {
  it('has a row for every preset, with its kind', async () => {
    const { readFileSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    const readme = readFileSync(fileURLToPath(new URL('../../presets/README.md', import.meta.url)), 'utf8');
    for (const entry of loadLibrary()) {
      if (!entry.ok) continue;
      expect(readme, entry.id).toMatch(new RegExp(`\\| \`${entry.id}\` +\\| ${entry.preset.kind} +\\|`));
    }
  });
});
