import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { sweepValues, tippingPoint } from '../../src/whatif/sweep.js';
import { CLI, ROOT, liqloop, tempFile } from '../helpers/cli.js';
import { liqloopHere } from './in-process.js';

/**
 * A book whose tipping point is known in closed form: N identical loans on a constant-product pool, read
 * by a spot oracle. Each has HF < 1 ⇔ price < debt / (collateral · LT). The shock moves the pool to
 * p0 · (1 − pct), so below pct* = 1 − debt / (collateral · LT · p0) nothing is liquidated (amplification
 * 1) and above it every loan is, in round 1, and the sale of their collateral takes the price further.
 */
const p0 = 2000;
const LT = 0.8;
const N = 50;
const collateral = 10;
const debt = 14000;
const threshold = 1 - debt / (collateral * LT) / p0; // 0.125
const ladder = {
  name: 'Identical loans',
  description: 'N identical loans: a shock past their liquidation price takes them all.',
  asset: { symbol: 'ETH', quote: 'USD', price: p0 },
  market: { model: 'constant-product', depth2pct: 3e5 },
  oracle: { model: 'spot' },
  liquidation: { mechanism: 'full', threshold: LT },
  shock: { pct: 0.01 },
  positions: Array.from({ length: N }, (_, i) => ({ id: `p${i}`, collateral, debt })),
};
const presetFile = tempFile('identical-loans.json', ladder);

/** Runs the built CLI with extra environment variables. */
function liqloopWith(env: Record<string, string>, args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('sweep values and tipping point', () => {
  it('values are A + i·(B − A)/(N − 1)', () => {
    expect(sweepValues(1e6, 3e7, 12)).toHaveLength(12);
    expect(sweepValues(0, 1, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(sweepValues(10, 4, 3)).toEqual([10, 7, 4]);
  });

  it('the tipping point is the largest change in amplification between consecutive values', () => {
    expect(tippingPoint([1, 2, 3, 4], [5, 4.5, 1.5, 1.2])).toEqual({
      from: 2,
      to: 3,
      amplificationBefore: 4.5,
      amplificationAfter: 1.5,
      jump: -3,
    });
    expect(tippingPoint([1, 2, 3], [1, 1, 2])).toMatchObject({ from: 2, to: 3, jump: 1 });
    // Runs without an amplification (no shock) are left out; fewer than two left means none.
    expect(tippingPoint([0, 1, 2], [null, 1, 3])).toMatchObject({ from: 1, to: 2 });
    expect(tippingPoint([0, 1], [null, 2])).toBeNull();
  });
});

describe('liqloop sweep', () => {
  const args = [
    'sweep',
    presetFile,
    '--param',
    'shock.pct',
    '--from',
    '0.01',
    '--to',
    '0.31',
    '--steps',
    '11',
  ];
  const result = liqloop([...args, '--json']);
  const json = JSON.parse(result.stdout);

  it('prints {preset, param, values, runs, tippingPoint}', () => {
    expect(result.status).toBe(0);
    expect(Object.keys(json)).toEqual([
      'preset',
      'param',
      'values',
      'runs',
      'tippingPoint',
      'schemaVersion',
      'liqloopVersion',
      'presetId',
    ]);
    expect(json.preset).toBe('Identical loans');
    expect(json.param).toBe('shock.pct');
    expect(json.values).toEqual(sweepValues(0.01, 0.31, 11));
    expect(json.runs.map((r: { value: number }) => r.value)).toEqual(json.values);
  });

  it('finds the tipping point between the two values that bracket the closed-form threshold', () => {
    const values: number[] = json.values;
    const i = values.findIndex((v, k) => v < threshold && values[k + 1]! > threshold);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(json.tippingPoint).toMatchObject({ from: values[i], to: values[i + 1] });
    expect(json.tippingPoint.amplificationBefore).toBeCloseTo(1, 9);
    expect(json.tippingPoint.amplificationAfter).toBeGreaterThan(1.2);
    expect(json.tippingPoint.jump).toBe(
      json.tippingPoint.amplificationAfter - json.tippingPoint.amplificationBefore,
    );
    // Below the threshold nothing is liquidated; above it everything is.
    for (const run of json.runs)
      expect(run.summary.positionsLiquidated, String(run.value)).toBe(run.value < threshold ? 0 : N);
  });

  it('each run is the run of the preset with that value set', async () => {
    const run = json.runs[5];
    const single = await liqloopHere(['run', presetFile, '--json', '--set', `shock.pct=${run.value}`]);
    expect(JSON.parse(single.stdout).summary).toEqual(run.summary);
  });

  it('prints a table, a chart and the tipping point', () => {
    const text = liqloop(args);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(
      /shock\.pct\s+final price \(USD\)\s+drawdown\s+amplification\s+at trough\s+liquidated\s+bad debt \(USD\)\s+total loss \(USD\)\s+rounds\s+converged/,
    );
    expect(text.stdout).toContain('Amplification (×) against shock.pct');
    expect(text.stdout).toMatch(/[┼┤][─╮╯╰╭│]/);
    expect(text.stdout).toMatch(
      /Tipping point: between shock\.pct = 10% and 13%, amplification jumps from 1\.00× to/,
    );
    // A share is written as the what-if panel writes it, a percent, in the table and under the charts too.
    expect(text.stdout).toContain('shock.pct from 1% to 31% in 11 steps');
    expect(text.stdout).toMatch(/^\s+4%\s+[\d,.]+\s/m);
    expect(text.stdout).toMatch(/^\s+1%\s+31%$/m);
    expect(text.stdout).not.toMatch(/0\.01|0\.31/);
  });

  it('gives the same output on every run, whatever the number of workers', () => {
    const again = liqloop([...args, '--json']);
    expect(again.stdout).toBe(result.stdout);
    const one = liqloopWith({ LIQLOOP_SWEEP_WORKERS: '1' }, [...args, '--json']);
    const many = liqloopWith({ LIQLOOP_SWEEP_WORKERS: '4' }, [...args, '--json']);
    expect(one.stdout).toBe(result.stdout);
    expect(many.stdout).toBe(result.stdout);
  });

  it('a generated book, kept by a worker between runs, gives each run its own result', async () => {
    // One worker runs every value, so that the book it drew for the first is reused by the others
    // (shock.pct) or drawn again (generate.seed, which the draws read).
    const generated = tempFile('generated.json', {
      ...ladder,
      positions: undefined,
      shock: { pct: 0.15 },
      market: { model: 'constant-product', depth2pct: 4e6 },
      generate: {
        count: 2000,
        seed: 5,
        collateral: { min: 1, max: 50 },
        healthFactor: { min: 1.02, max: 1.8 },
      },
    });
    for (const [param, from, to] of [
      ['shock.pct', '0.05', '0.25'],
      ['generate.seed', '1', '3'],
    ] as const) {
      const swept = liqloopWith({ LIQLOOP_SWEEP_WORKERS: '1' }, [
        'sweep',
        generated,
        '--param',
        param,
        '--from',
        from,
        '--to',
        to,
        '--steps',
        '3',
        '--json',
      ]);
      expect(swept.status, swept.stderr).toBe(0);
      const runs = JSON.parse(swept.stdout).runs as { value: number; summary: unknown }[];
      const summaries = new Set(runs.map((r) => JSON.stringify(r.summary)));
      expect(summaries.size, param).toBe(3);
      for (const run of runs) {
        const single = await liqloopHere(['run', generated, '--json', '--set', `${param}=${run.value}`]);
        expect(JSON.parse(single.stdout).summary, `${param}=${run.value}`).toEqual(run.summary);
      }
    }
  });

  it('tippingPoint is null when no run has an amplification', () => {
    const none = liqloop([
      'sweep',
      presetFile,
      '--set',
      'shock.pct=0',
      '--param',
      'market.depth2pct',
      '--from',
      '1e5',
      '--to',
      '1e6',
      '--steps',
      '3',
      '--json',
    ]);
    expect(none.status).toBe(0);
    expect(JSON.parse(none.stdout).tippingPoint).toBeNull();
  });

  it('a value that makes the preset invalid exits 1, naming the value and the problem', async () => {
    const bad = await liqloopHere([
      'sweep',
      presetFile,
      '--param',
      'shock.pct',
      '--from',
      '0.5',
      '--to',
      '1.5',
      '--steps',
      '3',
    ]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain(
      '(with --param shock.pct=1) is not a valid preset: shock.pct: expected a number in [0, 1), got 1 (from --param)',
    );
    expect(bad.stderr).toMatch(/1 more of the 3 values/);
  });

  it('usage errors exit 2', async () => {
    const base = ['sweep', presetFile, '--param', 'shock.pct', '--from', '0.1', '--to', '0.2'];
    for (const [extra, message] of [
      [['--steps', '1'], /from 2 to 1000/],
      [['--steps', '1001'], /from 2 to 1000/],
      [['--steps', '2.5'], /from 2 to 1000/],
      [[], /^liqloop: required option "--steps <n>" not specified\n/],
    ] as const) {
      const r = await liqloopHere([...base, ...extra]);
      expect(r.status, extra.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    const notNumber = await liqloopHere([
      'sweep',
      presetFile,
      '--param',
      'shock.pct',
      '--from',
      'x',
      '--to',
      '1',
      '--steps',
      '2',
    ]);
    expect(notNumber.status).toBe(2);
    expect(notNumber.stderr).toMatch(/expected a finite number, got "x"/);
    const badPath = await liqloopHere([
      'sweep',
      presetFile,
      '--param',
      'shock..pct',
      '--from',
      '0',
      '--to',
      '1',
      '--steps',
      '2',
    ]);
    expect(badPath.status).toBe(2);
  });
});
