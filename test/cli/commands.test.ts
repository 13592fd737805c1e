import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTRACT_ROUND_KEYS, ROOT, liqloop, tempFile } from '../helpers/cli.js';

const CONTRACT_SUMMARY_KEYS = [
  'initialPrice',
  'finalPrice',
  'minPrice',
  'shockPct',
  'drawdownPct',
  'amplification',
  'positions',
  'positionsLiquidated',
  'collateralSold',
  'debtRepaid',
  'badDebt',
  'rounds',
  'converged',
];
const example = join(ROOT, 'test/fixtures/contract-examples/example-1-constant-product-full-spot.json');

describe('liqloop run', () => {
  it('prints one JSON object with every contract field', () => {
    const result = liqloop(['run', 'thin-pool', '--json']);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json).slice(0, 3)).toEqual(['preset', 'rounds', 'summary']);
    expect(json.preset).toBe('Thin pool: a 10% shock runs away');
    for (const round of json.rounds)
      expect(Object.keys(round)).toEqual(expect.arrayContaining(CONTRACT_ROUND_KEYS));
    expect(Object.keys(json.summary)).toEqual(expect.arrayContaining(CONTRACT_SUMMARY_KEYS));
    const s = json.summary;
    expect(json.rounds.map((r: { round: number }) => r.round)).toEqual(
      json.rounds.map((_: unknown, i: number) => i + 1),
    );
    expect(s.rounds).toBe(json.rounds.length);
    expect(s.finalPrice).toBe(json.rounds.at(-1).price);
    expect(s.drawdownPct).toBeCloseTo(1 - s.finalPrice / s.initialPrice, 12);
    expect(s.amplification).toBeCloseTo(s.drawdownPct / s.shockPct, 12);
    const sum = (key: string) => json.rounds.reduce((a: number, r: Record<string, number>) => a + r[key]!, 0);
    expect(s.collateralSold).toBeCloseTo(sum('collateralSold'), 6);
    expect(s.debtRepaid).toBeCloseTo(sum('debtRepaid'), 4);
    expect(s.minPrice).toBeLessThanOrEqual(Math.min(...json.rounds.map((r: { price: number }) => r.price)));
  });

  it('prints a round-by-round table and a readable summary', () => {
    const result = liqloop(['run', example]);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toContain('example-1-constant-product-full-spot');
    expect(lines.find((l) => l.trim().startsWith('round'))).toMatch(/oracle.*venue.*liquidations.*bad debt/);
    // Six rounds, each a row starting with its number.
    for (let r = 1; r <= 6; r++) expect(lines.some((l) => new RegExp(`^\\s+${r}\\s{2}`).test(l))).toBe(true);
    expect(result.stdout).toContain('31 of 31 positions');
    expect(result.stdout).toContain('6, converged');
    expect(result.stdout).toMatch(/2,000\.00 → 1,187\.79 USD/);
  });

  it('--rounds caps the run and reports it as not converged', () => {
    const result = liqloop(['run', example, '--json', '--rounds', '2']);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.rounds).toHaveLength(2);
    expect(json.summary.rounds).toBe(2);
    expect(json.summary.converged).toBe(false);
  });

  it('runs the same preset to the same output', () => {
    expect(liqloop(['run', 'thin-pool-partial', '--json']).stdout).toBe(
      liqloop(['run', 'thin-pool-partial', '--json']).stdout,
    );
  });

  it('never loads Ink or React', () => {
    const noUi = ['--import', join(ROOT, 'test/helpers/no-ui-loader.mjs')];
    for (const args of [
      ['run', 'thin-pool', '--json'],
      ['run', 'deep-pool'],
      ['list'],
      ['validate', example],
      ['--help'],
      ['run', 'thin-pool', '--set', 'market.depth2pct=1e7', '--json'],
      ['compare', 'thin-pool', '--set', 'market.depth2pct=1e7'],
      ['compare', 'thin-pool', '--set', 'market.depth2pct=1e7', '--json'],
      ['sweep', 'deep-pool', '--param', 'market.depth2pct', '--from', '1e6', '--to', '3e7', '--steps', '3'],
      [
        'sweep',
        'deep-pool',
        '--param',
        'shock.pct',
        '--from',
        '0.1',
        '--to',
        '0.2',
        '--steps',
        '2',
        '--json',
      ],
    ]) {
      const result = liqloop(args, { nodeArgs: noUi });
      expect(result.stderr, args.join(' ')).toBe('');
      expect(result.status, args.join(' ')).toBe(0);
    }
    // The guard itself works: importing Ink under it fails.
    const guarded = liqloop([], { nodeArgs: [...noUi, '--input-type=module', '-e', "await import('ink')"] });
    expect(guarded.status).not.toBe(0);
  });
});

describe('liqloop list', () => {
  const ids = readdirSync(join(ROOT, 'presets'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();

  it('--json lists every preset as {id, name, description}', () => {
    const result = liqloop(['list', '--json']);
    expect(result.status).toBe(0);
    const list = JSON.parse(result.stdout);
    // Every preset once; the order is the catalogue's (history first, each lesson set together).
    expect(list.map((p: { id: string }) => p.id).sort()).toEqual(ids);
    for (const p of list) {
      // The contract's three fields first; `kind` is a compatible extension.
      expect(Object.keys(p).slice(0, 3)).toEqual(['id', 'name', 'description']);
      expect(['history', 'lesson']).toContain(p.kind);
      expect(p.name.length).toBeGreaterThan(0);
      expect(p.description.length).toBeGreaterThan(40);
    }
  });

  it('prints each preset with its name and description', () => {
    const result = liqloop(['list']);
    expect(result.status).toBe(0);
    for (const id of ids) expect(result.stdout).toContain(id);
  });
});

describe('liqloop validate', () => {
  it('accepts a valid preset', () => {
    const result = liqloop(['validate', example]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/valid preset "example-1-constant-product-full-spot" \(31 positions\)/);
  });

  it('prints every problem of a bad preset', () => {
    const file = tempFile('two-problems.json', {
      name: 'x',
      description: 'x',
      asset: { symbol: 'ETH', quote: 'USD', price: 2000 },
      market: { model: 'constant-product', depth2pct: -5 },
      oracle: { model: 'spot' },
      liquidation: { mechanism: 'ful', threshold: 0.8 },
      shock: { pct: 0.1 },
      positions: [{ id: 'a', collateral: 1, debt: 1000 }],
    });
    const result = liqloop(['validate', file]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${file} is not a valid preset (2 problems)`);
    expect(result.stderr).toContain('market.depth2pct: expected a finite number > 0, got -5');
    expect(result.stderr).toMatch(/liquidation\.mechanism: .*"full", "partial".*did you mean "full"\?/);
  });
});

describe('usage errors exit 2 with a hint', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'an unknown option',
      ['run', 'thin-pool', '--jsn'],
      /^liqloop: unknown option "--jsn"; did you mean "--json"\?\n/,
    ],
    ['a missing argument', ['run'], /^liqloop: missing required argument "preset"\n/],
    [
      '--rounds 0',
      ['run', 'thin-pool', '--rounds', '0'],
      /expected a whole number from 1 to 100000, got "0"/,
    ],
    ['--rounds abc', ['run', 'thin-pool', '--rounds', 'abc'], /expected a whole number/],
    ['a mistyped command', ['rnu', 'thin-pool'], /did you mean "run"\?/],
    ['an unknown command word', ['lst'], /did you mean "list"\?/],
  ];
  for (const [what, args, message] of cases) {
    it(what, () => {
      const result = liqloop(args);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }
});

describe('a reader that stops early', () => {
  it('`liqloop list | head -c 10` ends quietly: no EPIPE, no stack trace', async () => {
    const { spawnSync } = await import('node:child_process');
    const result = spawnSync(
      'bash',
      ['-c', `set -o pipefail; "${process.execPath}" dist/cli/main.js list | head -c 10`],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(result.stdout).toHaveLength(10);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
