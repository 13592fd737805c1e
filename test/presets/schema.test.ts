import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUNDS, parsePreset, validatePreset } from '../../src/presets/index.js';

const minimal = {
  name: 'm',
  description: '',
  asset: { symbol: 'ETH', quote: 'USD', price: 2000 },
  market: { model: 'orderbook', depth2pct: 1e6 },
  oracle: { model: 'twap', window: 3 },
  liquidation: { mechanism: 'partial', closeFactor: 0.5, threshold: 0.8 },
  shock: { pct: 0 },
  positions: [{ id: 'a', collateral: 1, debt: 1 }],
};

describe('preset schema', () => {
  it('fills the documented defaults', () => {
    const result = validatePreset(minimal);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.preset.market.fee).toBe(0);
    expect(result.preset.market.recovery).toBe(0);
    expect(result.preset.liquidation.bonus).toBe(0);
    expect(result.preset.rounds).toBe(DEFAULT_ROUNDS);
  });

  it('accepts generate without explicit positions', () => {
    const { positions: _, ...rest } = minimal;
    const result = validatePreset({
      ...rest,
      generate: { count: 5, seed: 0, collateral: { min: 1, max: 1 }, healthFactor: { min: 1, max: 2 } },
    });
    expect(result.ok).toBe(true);
  });

  it('reports every problem at once, each with its path', () => {
    const result = validatePreset({
      ...minimal,
      asset: { symbol: '', quote: 'USD', price: 0 },
      oracle: { model: 'twap', window: 0.5 },
      rounds: 0,
      extra: true,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.problems.map((p) => p.path).sort();
    expect(paths).toEqual(['asset.price', 'asset.symbol', 'extra', 'oracle.window', 'rounds']);
  });

  it('suggests the field a typo meant, at any depth', () => {
    const result = validatePreset({
      ...minimal,
      positions: [{ id: 'a', colateral: 1, debt: 1 }],
      liquidation: { mechanism: 'partial', closeFactor: 0.5, treshold: 0.8 },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.problems.map((p) => [p.path, p.message]));
    expect(byPath['positions[0].colateral']).toBe('unknown field; did you mean "collateral"?');
    expect(byPath['liquidation.treshold']).toBe('unknown field; did you mean "threshold"?');
    expect(byPath['positions[0].collateral']).toMatch(/missing/);
  });

  it('oracle fields follow the oracle model', () => {
    const spotWithWindow = validatePreset({ ...minimal, oracle: { model: 'spot', window: 3 } });
    expect(spotWithWindow.ok).toBe(false);
    if (!spotWithWindow.ok) expect(spotWithWindow.problems[0]!.path).toBe('oracle.window');
    const laggedZero = validatePreset({ ...minimal, oracle: { model: 'lagged', delay: 0 } });
    expect(laggedZero.ok).toBe(true);
  });

  it('reads JSON syntax errors with their line and column', () => {
    const result = parsePreset('{\n  "name": "x",\n  "asset": [1, 2,]\n}');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems[0]!.message).toMatch(/^invalid JSON at line 3, column 18: expected a value/);
  });
});
