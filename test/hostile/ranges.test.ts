import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  Cascade,
  MAX_ATTACK_RISE,
  ModelRangeError,
  constantProductBaseReserve,
  runCascade,
} from '../../src/engine/index.js';
import { presetSchema, validatePreset, type Preset } from '../../src/presets/index.js';
import { liqloopHere } from '../cli/in-process.js';
import { minimal } from '../helpers/minimal-preset.js';

const problemsOf = (preset: unknown) => {
  const result = validatePreset(preset);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('numeric ranges (issue 16, item 6)', () => {
  it.each([
    [
      'asset.price',
      { ...minimal, asset: { ...minimal.asset, price: 1e200 } },
      /^asset\.price: expected a number from 1e-8 to 1e9 quote per asset unit \(the range in which the model holds\), got 1e\+200$/,
    ],
    [
      'market.depth2pct',
      { ...minimal, market: { ...minimal.market, depth2pct: 1e-200 } },
      /^market\.depth2pct: expected a number from 1e-6 to 1e15 quote/,
    ],
    [
      'path.prices',
      { ...minimal, path: { prices: [5e-324] } },
      /^path\.prices\[0\]: expected a number from 1e-8 to 1e9/,
    ],
    [
      'positions[0].collateral',
      { ...minimal, positions: [{ id: 'a', collateral: 1e300, debt: 1 }] },
      /^positions\[0\]\.collateral: expected a number from 1e-9 to 1e12 asset units/,
    ],
    [
      'liquidation.threshold',
      { ...minimal, liquidation: { mechanism: 'full', threshold: 1e-300 } },
      /^liquidation\.threshold: expected a number from 1e-6 to 1/,
    ],
  ])('refuses %s outside its range, naming the field, the range and the value', (_field, preset, message) => {
    const problems = problemsOf(preset);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('keeps the old message for a value of the wrong sign', () => {
    expect(problemsOf({ ...minimal, market: { ...minimal.market, depth2pct: -1 } })).toEqual([
      'market.depth2pct: expected a finite number > 0, got -1',
    ]);
  });

  it('gives every field of the schema a description (the JSON Schema is generated from them)', () => {
    const schema = z.toJSONSchema(presetSchema, { io: 'input', unrepresentable: 'any' });
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const n = node as Record<string, unknown>;
      for (const [key, child] of Object.entries((n.properties ?? {}) as Record<string, unknown>)) {
        if (!(child as { description?: string }).description) missing.push(`${path}.${key}`);
        walk(child, `${path}.${key}`);
      }
      walk(n.items, `${path}[]`);
      for (const key of ['anyOf', 'oneOf', 'allOf'])
        ((n[key] ?? []) as unknown[]).forEach((child, i) => walk(child, `${path}<${i}>`));
    };
    walk(schema, '');
    expect(missing).toEqual([]);
    expect(JSON.stringify(schema)).toContain('from 1e-8 to 1e9 quote per asset unit');
  });

  it('stops a run that leaves the range, naming the round and the field', () => {
    // Valid, but the thin order book takes the sale to a price of 0 (exp underflows): the guard stops it.
    const preset = validatePreset({
      ...minimal,
      market: { model: 'orderbook', depth2pct: 1e-6 },
      positions: [{ id: 'a', collateral: 1e9, debt: 1e15 }],
    });
    expect(preset.ok).toBe(true);
    if (!preset.ok) return;
    let caught: unknown;
    try {
      runCascade(preset.preset);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ModelRangeError);
    expect((caught as ModelRangeError).round).toBe(1);
    expect((caught as ModelRangeError).message).toMatch(
      /^the model left its numeric range at round 1 \(field price = 0\)/,
    );
  });

  it('reports it from liqloop run as bad input, exit 1, no NaN and no stack trace', async () => {
    const result = await liqloopHere([
      'run',
      'thin-pool',
      '--set',
      'market.model=orderbook',
      '--set',
      'market.depth2pct=1e-6',
      '--json',
    ]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^liqloop: thin-pool: the model left its numeric range at round \d+ \(field \w+/,
    );
    expect(result.stderr).not.toMatch(/NaN|at .*\.js:\d+/);
  });
});

describe('an attacker buying more than the pool holds (item 1)', () => {
  const attacked = { ...minimal, shock: { pct: 0 }, attacker: { round: 1, trade: 1, collateral: 1 } };
  const reserve = constantProductBaseReserve(1e6, 2000);

  it('refuses in validation a buy as large as the pool, naming the field and the pool', () => {
    const problems = problemsOf({ ...attacked, attacker: { ...attacked.attacker, trade: 1e9 } });
    expect(problems).toEqual([
      `attacker.trade: expected a buy smaller than the pool "main" holds at the start (${reserve.toLocaleString('en-US', { maximumFractionDigits: 2 })} ETH), got 1000000000`,
    ]);
  });

  it('fills a buy only up to a 10,000-fold price: 99% of a constant-product reserve', () => {
    const result = validatePreset({
      ...attacked,
      attacker: { ...attacked.attacker, trade: reserve * 0.999 },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const cascade = new Cascade(result.preset as Preset);
    const round = cascade.step().record;
    // Buying 99% of the base leaves 1%: the price is k / base² = p0 · 100² = p0 · 10,000.
    expect(round.startPrice).toBeCloseTo(2000 * MAX_ATTACK_RISE, 3);
  });

  it('runs from every command the preset validate accepts', async () => {
    for (const command of [['run'], ['compare', '--set', 'attacker.collateral=2']]) {
      const result = await liqloopHere([
        ...command.slice(0, 1),
        'oracle-manipulation-spot',
        '--set',
        'attacker.trade=147000',
        ...command.slice(1),
        '--json',
      ]);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).not.toMatch(/NaN|"finalPrice": null/);
    }
  });
});
