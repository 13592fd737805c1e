import { describe, expect, it } from 'vitest';
import { applyOverrides, parseOverride, parsePath, type Override } from '../../src/presets/index.js';
import { liqloop } from '../helpers/cli.js';
import { liqloopHere } from './in-process.js';

/** The override `arg` parses to, or the test fails. */
function override(arg: string): Override {
  const parsed = parseOverride(arg);
  if (!parsed.ok) throw new Error(`${arg}: ${parsed.message}`);
  return parsed.value;
}

const base = {
  name: 'overrides base',
  description: '',
  asset: { symbol: 'ETH', quote: 'USD', price: 2000 },
  market: { model: 'constant-product', depth2pct: 1e6 },
  oracle: { model: 'spot' },
  liquidation: { mechanism: 'full', threshold: 0.8 },
  shock: { pct: 0.1 },
  positions: [{ id: 'a', collateral: 10, debt: 15000 }],
};

describe('parseOverride', () => {
  it('splits at the first "=" into a dotted path and a value', () => {
    expect(override('market.depth2pct=1e6')).toEqual({
      path: 'market.depth2pct',
      segments: ['market', 'depth2pct'],
      value: 1e6,
      source: '--set',
    });
    expect(override('name=a=b').value).toBe('a=b');
    expect(override(' generate.healthFactor.min =1.1')).toMatchObject({
      path: 'generate.healthFactor.min',
      segments: ['generate', 'healthFactor', 'min'],
      value: 1.1,
    });
  });

  it('takes numeric segments (or [i]) as array indices', () => {
    expect(override('positions.0.debt=500').segments).toEqual(['positions', 0, 'debt']);
    expect(override('positions[12].debt=500').segments).toEqual(['positions', 12, 'debt']);
    expect(override('positions.3=null').segments).toEqual(['positions', 3]);
  });

  it('parses the value as JSON when it is JSON, otherwise keeps the text', () => {
    const value = (text: string) => override(`x=${text}`).value;
    expect(value('6')).toBe(6);
    expect(value('-1')).toBe(-1);
    expect(value('1e400')).toBe(Infinity); // JSON's reading; the schema then rejects it
    expect(value('true')).toBe(true);
    expect(value('false')).toBe(false);
    expect(value('null')).toBeNull();
    expect(value('{"min":1,"max":2}')).toEqual({ min: 1, max: 2 });
    expect(value('[1,2]')).toEqual([1, 2]);
    expect(value('"twap"')).toBe('twap');
    expect(value('"42"')).toBe('42');
    expect(value('twap')).toBe('twap');
    expect(value('constant-product')).toBe('constant-product');
    expect(value('01')).toBe('01');
    expect(value('NaN')).toBe('NaN');
    expect(value('')).toBe('');
  });

  it('rejects a missing "=", an empty path and an empty segment', () => {
    for (const [arg, message] of [
      ['market.depth2pct', /no "="/],
      ['=3', /no path/],
      ['  =3', /no path/],
      ['market..depth2pct=1', /empty field name/],
      ['.market=1', /empty field name/],
      ['market.=1', /empty field name/],
      ['positions[x].debt=1', /not a field path/],
    ] as const) {
      const parsed = parseOverride(arg);
      expect(parsed.ok, arg).toBe(false);
      if (!parsed.ok) expect(parsed.message, arg).toMatch(message);
    }
    expect(parsePath('').ok).toBe(false);
  });
});

describe('applyOverrides', () => {
  it('sets fields on a copy and validates the result', () => {
    const raw = structuredClone(base);
    const result = applyOverrides(raw, [
      override('market.depth2pct=2e6'),
      override('oracle.model=lagged'),
      override('oracle.delay=2'),
    ]);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.preset.market.depth2pct).toBe(2e6);
      expect(result.preset.oracle).toEqual({ model: 'lagged', delay: 2 });
    }
    expect(raw).toEqual(base);
  });

  it('applies overrides in order: the last one wins', () => {
    const result = applyOverrides(base, [override('shock.pct=0.5'), override('shock.pct=0.2')]);
    expect(result.ok && result.preset.shock.pct).toBe(0.2);
  });

  it('creates missing objects, and an array before an index', () => {
    const noPositions = { ...structuredClone(base), positions: undefined };
    const result = applyOverrides(noPositions, [
      override('positions.0={"id":"b","collateral":1,"debt":100}'),
      override('positions.1.id=c'),
      override('positions.1.collateral=2'),
      override('positions.1.debt=300'),
      override('generate.count=3'),
      override('generate.seed=1'),
      override('generate.collateral={"min":1,"max":2}'),
      override('generate.healthFactor.min=1.1'),
      override('generate.healthFactor.max=1.5'),
    ]);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.preset.positions.map((p) => p.id)).toEqual(['b', 'c']);
      expect(result.preset.generate?.healthFactor).toEqual({ min: 1.1, max: 1.5 });
    }
  });

  it('names the field and the option of a bad value', () => {
    const result = applyOverrides(base, [override('market.depth2pct=-1')]);
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: 'market.depth2pct', message: 'expected a finite number > 0, got -1', from: '--set' },
      ],
    });
  });

  it("gives an unknown field the schema's suggestion, at any depth", () => {
    const top = applyOverrides(base, [override('markt.depth2pct=1')]);
    expect(top.ok).toBe(false);
    if (!top.ok)
      expect(top.problems).toContainEqual({
        path: 'markt',
        message: 'unknown field; did you mean "market"?',
        from: '--set',
      });
    const nested = applyOverrides(base, [override('market.depht2pct=1')]);
    expect(nested.ok).toBe(false);
    if (!nested.ok)
      expect(nested.problems).toEqual([
        { path: 'market.depht2pct', message: 'unknown field; did you mean "depth2pct"?', from: '--set' },
      ]);
  });

  it('switching oracle.model to twap without a window is the usual missing-field error', () => {
    const result = applyOverrides(base, [override('oracle.model=twap')]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]!.path).toBe('oracle.window');
      expect(result.problems[0]!.message).toMatch(/got nothing \(the field is missing\)/);
      expect(result.problems[0]!.from).toBeUndefined();
    }
  });

  it('refuses an index past the end of an array, and a field inside a number', () => {
    const past = applyOverrides(base, [override('positions.2.debt=1')]);
    expect(past.ok).toBe(false);
    if (!past.ok)
      expect(past.problems[0]).toMatchObject({
        path: 'positions[2]',
        message: /past the end: positions has 1 entry/,
      });
    const inside = applyOverrides(base, [override('market.depth2pct.x=1')]);
    expect(inside.ok).toBe(false);
    if (!inside.ok)
      expect(inside.problems[0]!.message).toMatch(/market\.depth2pct is 1000000, not an object/);
  });

  it('never touches Object.prototype', () => {
    const result = applyOverrides(base, [override('__proto__.polluted=1')]);
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('liqloop run --set', () => {
  it('reports a bad override on one line, naming the preset, the field and the option', () => {
    const result = liqloop(['run', 'thin-pool', '--set', 'market.depth2pct=-1']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'liqloop: thin-pool (with --set) is not a valid preset: market.depth2pct: expected a finite number > 0, got -1',
    );
    expect(result.stderr).toBe(
      'liqloop: thin-pool (with --set) is not a valid preset: market.depth2pct: expected a finite number > 0, got -1 (from --set)\n',
    );
    const usage = liqloop(['run', 'thin-pool', '--set', 'market.depth2pct']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(
      /^liqloop: option "--set <path=value>" argument "market.depth2pct" is invalid: expected path=value/,
    );
  });

  it('switching to twap without a window gives the missing-field error; with one it runs', async () => {
    const missing = await liqloopHere(['run', 'thin-pool', '--set', 'oracle.model=twap']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(
      /oracle\.window: expected a whole number of rounds .*got nothing \(the field is missing\)/,
    );
    const ok = await liqloopHere([
      'run',
      'thin-pool',
      '--set',
      'oracle.model=twap',
      '--set',
      'oracle.window=6',
      '--json',
    ]);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).summary.rounds).toBeGreaterThan(1);
  });

  it('an unknown field gets the usual suggestion', async () => {
    const result = await liqloopHere(['run', 'thin-pool', '--set', 'liquidation.closefactor=0.5']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /liquidation\.closefactor: unknown field; did you mean "closeFactor"\? \(from --set\)/,
    );
  });

  it('a malformed --set is a usage error', async () => {
    for (const arg of ['market.depth2pct', '=1', 'a..b=1']) {
      const result = await liqloopHere(['run', 'thin-pool', '--set', arg]);
      expect(result.status, arg).toBe(2);
      expect(result.stderr, arg).toMatch(/--set/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('a thinner pool liquidates more', async () => {
    const summary = async (args: string[]) =>
      JSON.parse((await liqloopHere(['run', 'deep-pool', '--json', ...args])).stdout).summary;
    const deep = await summary([]);
    const thinner = await summary(['--set', 'market.depth2pct=3e6']);
    expect(thinner.positionsLiquidated).toBeGreaterThan(deep.positionsLiquidated);
    expect(thinner.amplification).toBeGreaterThan(deep.amplification);
  });

  it('thin-pool with partial liquidation at 0.5 is thin-pool-partial, exactly', async () => {
    const variant = await liqloopHere([
      'run',
      'thin-pool',
      '--json',
      '--set',
      'liquidation.mechanism=partial',
      '--set',
      'liquidation.closeFactor=0.5',
    ]);
    const preset = await liqloopHere(['run', 'thin-pool-partial', '--json']);
    expect(variant.status).toBe(0);
    expect(JSON.parse(variant.stdout).summary).toEqual(JSON.parse(preset.stdout).summary);
    expect(JSON.parse(variant.stdout).rounds).toEqual(JSON.parse(preset.stdout).rounds);
  });
});
