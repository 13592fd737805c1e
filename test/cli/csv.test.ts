import { parse } from 'csv-parse/sync';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIQLOOP_VERSION } from '../../src/cli/version.js';
import { liqloop } from '../helpers/cli.js';
import { liqloopHere } from './in-process.js';

/** Writes `args --out x.csv` and `--json`, and reads the CSV back with csv-parse. */
async function both(args: string[], inProcess = true) {
  const file = join(mkdtempSync(join(tmpdir(), 'liqloop-csv-')), 'out.csv');
  const run = inProcess ? liqloopHere : (a: string[]) => Promise.resolve(liqloop(a));
  const written = await run([...args, '--out', file]);
  expect(written.status, written.stderr).toBe(0);
  const json = JSON.parse((await run([...args, '--json'])).stdout);
  const text = readFileSync(file, 'utf8');
  return { json, text, rows: parse(text, { columns: true }) as Record<string, string>[] };
}

const noJsonCells = (text: string) => {
  for (const row of parse(text) as string[][])
    for (const cell of row) expect(cell, 'a JSON cell').not.toMatch(/^[[{]/);
};

describe('--json carries its versions and the preset id', () => {
  it('run, compare and sweep: schemaVersion 1, the package version, the id', async () => {
    const meta = { schemaVersion: 1, liqloopVersion: LIQLOOP_VERSION, presetId: 'deep-pool' };
    const run = JSON.parse((await liqloopHere(['run', 'deep-pool', '--json'])).stdout);
    expect(run).toMatchObject({ ...meta, preset: 'Deep pool: the same shock is absorbed' });
    const compare = JSON.parse(
      (await liqloopHere(['compare', 'deep-pool', '--set', 'shock.pct=0.2', '--json'])).stdout,
    );
    expect(compare).toMatchObject(meta);
    expect(compare.variant).toMatchObject(meta);
    const args = [
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
    ];
    expect(JSON.parse(liqloop([...args, '--json']).stdout)).toMatchObject(meta);
    // A path's id is its file name.
    const byPath = JSON.parse((await liqloopHere(['run', 'presets/deep-pool.json', '--json'])).stdout);
    expect(byPath.presetId).toBe('deep-pool');
  });
});

describe('CSV, read back with a CSV parser', () => {
  it('run: one column per venue, named venuePrice.<name>, holding the JSON venue prices', async () => {
    const { json, text, rows } = await both(['run', 'external-oracle-venue']);
    noJsonCells(text);
    const venues = Object.keys(rows[0]!).filter((c) => c.startsWith('venuePrice.'));
    expect(venues).toEqual(['venuePrice.dex', 'venuePrice.cex', 'venuePrice.cex2']);
    rows.forEach((row, i) => {
      expect(venues.map((v) => Number(row[v]))).toEqual(json.rounds[i].venuePrices);
      expect(Number(row.price)).toBe(json.rounds[i].price);
    });
    expect(Object.keys(rows[0]!)).not.toContain('venuePrices');
  });

  it('run: fields of a mechanism the preset lacks are empty, not 0; with it, numbers', async () => {
    const lending = await both(['run', 'thin-pool']);
    for (const row of lending.rows) {
      for (const field of [
        'perpLiquidations',
        'insuranceFund',
        'auctions',
        'wonForZero',
        'skippedForCapital',
      ])
        expect(row[field], field).toBe('');
      expect(row.liquidations).not.toBe('');
    }
    expect(lending.json.rounds[0].perpLiquidations).toBe(0); // the JSON keeps its 0
    const perps = await both(['run', 'perps-fund-empty']);
    perps.rows.forEach((row, i) => {
      expect(Number(row.insuranceFund)).toBe(perps.json.rounds[i].insuranceFund);
      expect(row.auctions).toBe('');
    });
  });

  it('sweep: the first column is named by the parameter; the attack is flattened', async () => {
    const args = [
      'sweep',
      'oracle-manipulation-spot',
      '--param',
      'shock.pct',
      '--from',
      '0',
      '--to',
      '0.1',
      '--steps',
      '2',
    ];
    const { json, text, rows } = await both(args, false);
    noJsonCells(text);
    const header = Object.keys(rows[0]!);
    expect(header[0]).toBe('shock.pct');
    expect(header).toEqual(
      expect.arrayContaining(['attack.cost', 'attack.borrowed', 'attack.profit', 'attack.badDebt']),
    );
    rows.forEach((row, i) => {
      expect(Number(row['shock.pct'])).toBe(json.values[i]);
      for (const field of ['cost', 'borrowed', 'profit', 'badDebt'])
        expect(Number(row[`attack.${field}`])).toBe(json.runs[i].summary.attack[field]);
    });
    // The first value has no shock, so no amplification: an empty cell, as null in the JSON.
    expect(json.runs[0].summary.amplification).toBeNull();
    expect(rows[0]!.amplification).toBe('');
  });

  it('compare: the attack flattened into one row per figure, empty without an attacker', async () => {
    const attacked = await both(['compare', 'oracle-manipulation-spot', '--set', 'attacker.trade=40000']);
    noJsonCells(attacked.text);
    const cost = attacked.rows.find((r) => r.figure === 'attack.cost')!;
    expect(Number(cost.baseline)).toBe(attacked.json.baseline.summary.attack.cost);
    expect(Number(cost.variant)).toBe(attacked.json.variant.summary.attack.cost);
    const plain = await both(['compare', 'thin-pool', '--set', 'shock.pct=0.2']);
    const plainCost = plain.rows.find((r) => r.figure === 'attack.cost')!;
    expect([plainCost.baseline, plainCost.variant, plainCost.difference]).toEqual(['', '', '']);
    expect(plain.rows.find((r) => r.figure === 'attack')).toBeUndefined();
  });
});
