import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/cli/out.js';
import { CONTRACT_ROUND_KEYS, liqloop } from '../helpers/cli.js';
import { liqloopHere } from './in-process.js';

/** The CSV's rows of cells, read by a real CSV parser (csv-parse). */
const parseCsv = (text: string): string[][] => parse(text) as string[][];

/** The CSV's rows as objects keyed by its header. */
const records = (text: string): Record<string, string>[] =>
  parse(text, { columns: true }) as Record<string, string>[];

/** A cell as the JSON value it stands for. */
const cellValue = (cell: string): unknown =>
  cell === ''
    ? null
    : cell === 'true'
      ? true
      : cell === 'false'
        ? false
        : Number.isNaN(Number(cell))
          ? cell
          : Number(cell);

const freshDir = () => mkdtempSync(join(tmpdir(), 'liqloop-out-'));

describe('CSV cells', () => {
  it('quote what needs quoting and write numbers that read back exactly', () => {
    expect(csvCell(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell([1, 2])).toBe('"[1,2]"');
    expect(parseCsv(toCsv(['a', 'b'], [['x,"y"', 1.5]]))).toEqual([
      ['a', 'b'],
      ['x,"y"', '1.5'],
    ]);
  });
});

describe('--out', () => {
  it('run: .json gets the --json object, .csv the rounds table, and nothing goes to stdout', async () => {
    const dir = freshDir();
    const json = liqloop(['run', 'thin-pool', '--out', join(dir, 'run.json')]);
    expect(json.status).toBe(0);
    expect(json.stdout).toBe('');
    expect(json.stderr).toBe(`liqloop: wrote ${join(dir, 'run.json')}\n`);
    expect(readFileSync(join(dir, 'run.json'), 'utf8')).toBe(
      (await liqloopHere(['run', 'thin-pool', '--json'])).stdout,
    );

    const csv = await liqloopHere(['run', 'thin-pool', '--out', join(dir, 'run.csv')]);
    expect(csv.status).toBe(0);
    const rounds = records(readFileSync(join(dir, 'run.csv'), 'utf8'));
    const expected = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')).rounds;
    expect(rounds).toHaveLength(expected.length);
    const contract = CONTRACT_ROUND_KEYS;
    expect(Object.keys(rounds[0]!).slice(0, contract.length)).toEqual(contract);
    rounds.forEach((row, i) => {
      for (const key of contract) expect(Number(row[key]), `${i}.${key}`).toBe(expected[i][key]);
    });
  });

  it('compare: one CSV row per summary figure with baseline, variant and difference', async () => {
    const dir = freshDir();
    const args = ['compare', 'thin-pool', '--set', 'market.depth2pct=3e7'];
    expect((await liqloopHere([...args, '--out', join(dir, 'c.json')])).status).toBe(0);
    expect((await liqloopHere([...args, '--out', join(dir, 'c.csv')])).status).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8'));
    expect(json).toEqual(JSON.parse((await liqloopHere([...args, '--json'])).stdout));
    const rows = records(readFileSync(join(dir, 'c.csv'), 'utf8'));
    const summaryKeys = Object.keys(json.baseline.summary).filter((k) => k !== 'attack');
    expect(rows.map((r) => r.figure).filter((f) => !f!.startsWith('attack.'))).toEqual(summaryKeys);
    // thin-pool has no perpetuals: their figures are empty cells, not 0.
    const perpFree = (figure: string) =>
      !/^(perp|insuranceFund|fund|adl|deleveraged|uncoveredLoss|backstop)/.test(figure);
    for (const row of rows.filter((r) => perpFree(r.figure!) && !r.figure!.startsWith('attack.'))) {
      if (/^(auctions|zeroBid|valueWonForZero)/.test(row.figure!)) continue;
      expect(cellValue(row.baseline!), row.figure).toBe(json.baseline.summary[row.figure!]);
      expect(cellValue(row.variant!), row.figure).toBe(json.variant.summary[row.figure!]);
      if (row.figure! in json.difference)
        expect(cellValue(row.difference!), row.figure).toBe(json.difference[row.figure!]);
    }
  });

  it('sweep: one CSV row per value with the summary fields', async () => {
    const dir = freshDir();
    const args = [
      'sweep',
      'deep-pool',
      '--param',
      'market.depth2pct',
      '--from',
      '2e6',
      '--to',
      '3e7',
      '--steps',
      '3',
    ];
    expect(liqloop([...args, '--out', join(dir, 's.json')]).status).toBe(0);
    expect(liqloop([...args, '--out', join(dir, 's.csv')]).status).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 's.json'), 'utf8'));
    const rows = records(readFileSync(join(dir, 's.csv'), 'utf8'));
    expect(Object.keys(rows[0]!)[0]).toBe('market.depth2pct');
    expect(rows.map((r) => Number(r['market.depth2pct']))).toEqual(json.values);
    rows.forEach((row, i) => {
      for (const [key, value] of Object.entries(json.runs[i].summary))
        if (key !== 'attack' && row[key] !== '') expect(cellValue(row[key]!), `${i}.${key}`).toEqual(value);
    });
  });

  it('refuses to overwrite without --force and leaves the file untouched; --force replaces it', async () => {
    const dir = freshDir();
    const file = join(dir, 'result.json');
    writeFileSync(file, 'precious');
    for (const args of [
      ['run', 'thin-pool'],
      ['compare', 'thin-pool', '--set', 'shock.pct=0.2'],
      ['sweep', 'deep-pool', '--param', 'shock.pct', '--from', '0.1', '--to', '0.2', '--steps', '2'],
    ]) {
      const refused =
        args[0] === 'sweep' ? liqloop([...args, '--out', file]) : await liqloopHere([...args, '--out', file]);
      expect(refused.status, args[0]).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toBe(`liqloop: ${file} already exists; use --force to overwrite it\n`);
      expect(readFileSync(file, 'utf8')).toBe('precious');
    }
    const forced = await liqloopHere(['run', 'thin-pool', '--out', file, '--force']);
    expect(forced.status).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).preset).toBe('Thin pool: a 10% shock runs away');
    // The write went through a temporary file that is gone.
    expect(readdirSync(dir)).toEqual(['result.json']);
  });

  it('leaves no temporary file behind', async () => {
    const dir = freshDir();
    expect((await liqloopHere(['run', 'thin-pool', '--out', join(dir, 'a.csv')])).status).toBe(0);
    expect((await liqloopHere(['run', 'thin-pool', '--out', join(dir, 'a.csv')])).status).toBe(1);
    expect(readdirSync(dir)).toEqual(['a.csv']);
  });

  it('another extension is a usage error; a missing directory exits 1 with a clear message', async () => {
    const dir = freshDir();
    const txt = await liqloopHere(['run', 'thin-pool', '--out', join(dir, 'r.txt')]);
    expect(txt.status).toBe(2);
    expect(txt.stderr).toMatch(/expected a file name ending in \.json or \.csv/);
    const missing = join(dir, 'no', 'such', 'r.json');
    const nodir = await liqloopHere(['run', 'thin-pool', '--out', missing]);
    expect(nodir.status).toBe(1);
    expect(nodir.stderr).toBe(
      `liqloop: cannot write ${missing}: the directory ${join(dir, 'no', 'such')} does not exist\n`,
    );
    mkdirSync(join(dir, 'd.json'));
    const isDir = await liqloopHere(['run', 'thin-pool', '--out', join(dir, 'd.json'), '--force']);
    expect(isDir.status).toBe(1);
    expect(isDir.stderr).toBe(`liqloop: cannot write ${join(dir, 'd.json')}: it is a directory\n`);
    for (const r of [txt, nodir, isDir]) expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual(['d.json']);
  });
});
