import { beforeAll, describe, expect, it } from 'vitest';
import { liqloop, type CliResult } from '../helpers/cli.js';
import { liqloopHere } from './in-process.js';

const DIFFERENCE_KEYS = [
  'finalPrice',
  'drawdownPct',
  'amplification',
  'positionsLiquidated',
  'collateralSold',
  'debtRepaid',
  'badDebt',
  'rounds',
  // Added with the trough and the whole loss: after the original fields, so that their order holds.
  'troughPrice',
  'troughDrawdownPct',
  'troughAmplification',
  'shortfall',
  'totalLoss',
  'liquidatorProfit',
  // Added with venue fills, the ADL policies and the backstop.
  'fundDrawn',
  'adlCovered',
  'uncoveredLoss',
  'perpSlippage',
  'adlOvershoot',
  'backstopTaken',
];

const variantArgs = ['--set', 'market.depth2pct=3e7', '--set', 'liquidation.bonus=0.1'];

describe('liqloop compare', () => {
  let result: CliResult;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let json: any;
  beforeAll(async () => {
    result = await liqloopHere(['compare', 'thin-pool', ...variantArgs, '--json']);
    json = JSON.parse(result.stdout);
  });

  it('prints {preset, overrides, baseline, variant, difference}', async () => {
    expect(result.status).toBe(0);
    expect(Object.keys(json)).toEqual([
      'preset',
      'overrides',
      'baseline',
      'variant',
      'difference',
      'schemaVersion',
      'liqloopVersion',
      'presetId',
    ]);
    expect(json.presetId).toBe('thin-pool');
    expect(json.preset).toBe('Thin pool: a 10% shock runs away');
    expect(json.overrides).toEqual([
      { path: 'market.depth2pct', value: 3e7 },
      { path: 'liquidation.bonus', value: 0.1 },
    ]);
    expect(Object.keys(json.difference)).toEqual(DIFFERENCE_KEYS);
  });

  it('baseline and variant are exactly what `run --json` prints', async () => {
    expect(json.baseline).toEqual(JSON.parse((await liqloopHere(['run', 'thin-pool', '--json'])).stdout));
    expect(json.variant).toEqual(
      JSON.parse((await liqloopHere(['run', 'thin-pool', '--json', ...variantArgs])).stdout),
    );
  });

  it('difference is variant − baseline', async () => {
    for (const key of DIFFERENCE_KEYS)
      expect(json.difference[key], key).toBe(json.variant.summary[key] - json.baseline.summary[key]);
    expect(json.difference.amplification).toBeLessThan(0); // a deeper pool absorbs the shock
  });

  it('difference is null where a figure is null (no shock)', async () => {
    const noShock = JSON.parse(
      (await liqloopHere(['compare', 'thin-pool', '--set', 'shock.pct=0', '--json', '--rounds', '3'])).stdout,
    );
    expect(noShock.variant.summary.amplification).toBeNull();
    expect(noShock.difference.amplification).toBeNull();
    expect(noShock.difference.rounds).toBe(noShock.variant.summary.rounds - noShock.baseline.summary.rounds);
  });

  it('prints a side-by-side table with the difference', async () => {
    const text = await liqloopHere(['compare', 'thin-pool', ...variantArgs]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/baseline\s+variant\s+difference/);
    for (const row of [
      'final price (USD)',
      'drawdown',
      'amplification',
      'positions liquidated',
      'collateral sold (ETH)',
      'debt repaid (USD)',
      'bad debt (USD)',
      'rounds',
      'converged',
    ])
      expect(text.stdout).toMatch(new RegExp(`^${row.replace(/[()]/g, '\\$&')}\\s`, 'm'));
    expect(text.stdout).toMatch(/^amplification\s+8\.05×\s+\d\.\d\d×\s+−\d\.\d\d×$/m);
    expect(text.stdout).toContain('--set market.depth2pct=30000000 --set liquidation.bonus=0.1');
  });

  it('an override the next one replaces is quoted escaped, whatever it holds (fuzz seed 24)', async () => {
    const text = await liqloopHere([
      'compare',
      'thin-pool',
      '--set',
      'asset.symbol=E\u202eTH\u001b[2J',
      '--set',
      'asset.symbol=BTC',
    ]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(
      'variant   --set asset.symbol="E\\u202eTH\\u001b[2J" --set asset.symbol="BTC"',
    );
    expect(text.stdout).not.toContain('\u202e');
    expect(text.stdout).not.toContain('\u001b');
  });

  it('without --set is a usage error', () => {
    const none = liqloop(['compare', 'thin-pool']);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/compare needs at least one --set/);
  });

  it('a variant that is not a valid preset exits 1 naming the field', async () => {
    const bad = await liqloopHere(['compare', 'thin-pool', '--set', 'shock.pct=1.5']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(
      'liqloop: thin-pool (with --set) is not a valid preset: shock.pct: expected a number in [0, 1), got 1.5 (from --set)\n',
    );
  });
});
