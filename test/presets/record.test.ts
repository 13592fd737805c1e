import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCascade, summarize } from '../../src/engine/index.js';
import { checkRecord, loadPreset, validatePreset } from '../../src/presets/index.js';
import { ROOT, liqloop, tempFile } from '../helpers/cli.js';

const thinPool = () => JSON.parse(readFileSync(join(ROOT, 'presets/thin-pool.json'), 'utf8'));

/** thin-pool as a history preset with a figure it misses (the final price) and one it says it does not model. */
function historic() {
  return {
    ...thinPool(),
    kind: 'history',
    date: '2020-03-12',
    sources: ['a test'],
    record: [
      { figure: 'bad debt', recorded: 1, metric: 'badDebt', tolerance: 0.5 },
      { figure: 'final price', recorded: 500, metric: 'finalPrice', tolerance: 0.1 },
      { figure: 'zero-bid auctions', recorded: '36%', unmatched: 'English auctions are not modelled' },
    ],
  };
}

describe('a history preset checked against its record', () => {
  it('each figure is within its tolerance, outside it, or said to be unmatched', () => {
    const loaded = loadPreset('thin-pool');
    if (!loaded.ok) throw new Error('thin-pool does not load');
    const summary = summarize(runCascade(loaded.preset));
    const checks = checkRecord(summary, [
      { figure: 'final price', recorded: summary.finalPrice * 1.05, metric: 'finalPrice', tolerance: 0.06 },
      { figure: 'final price', recorded: summary.finalPrice * 1.05, metric: 'finalPrice', tolerance: 0.04 },
      { figure: 'attack', recorded: 1, metric: 'attack.borrowed', tolerance: 1 },
      { figure: 'words', recorded: 'many', unmatched: 'not modelled' },
    ]);
    expect(checks.map((c) => c.within)).toEqual([true, false, false, null]);
    expect(checks[0]!.deviation).toBeCloseTo(1 / 1.05 - 1, 12);
    expect(checks[2]!.modelled).toBeNull();
  });

  it('`liqloop run` prints the record beside the model, and --json carries it', () => {
    const file = tempFile('historic.json', historic());
    const text = liqloop(['run', file]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Against the record');
    expect(text.stdout).toMatch(/final price +recorded 500\.00, model [\d,.]+ +✗ outside ±10\.0%/);
    expect(text.stdout).toMatch(
      /zero-bid auctions +recorded 36%; not reproduced: English auctions are not modelled/,
    );
    const json = JSON.parse(liqloop(['run', file, '--json']).stdout);
    expect(json.record).toHaveLength(3);
    expect(json.record[1]).toMatchObject({ figure: 'final price', metric: 'finalPrice', within: false });
    expect(json.record[1].modelled).toBe(json.summary.finalPrice);
    expect(json.record[2]).toMatchObject({ within: null, modelled: null });
    // A lesson has no record: the output is unchanged.
    expect(JSON.parse(liqloop(['run', 'presets/thin-pool.json', '--json']).stdout)).not.toHaveProperty(
      'record',
    );
  });

  it('a lesson may not carry a date', () => {
    const result = validatePreset({ ...thinPool(), date: '2020-03-12' });
    expect(result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'date: expected no date on a lesson: a date is for a history preset',
    ]);
  });

  it('a malformed record is named field by field', () => {
    const problems = (record: unknown, extra: object = {}) => {
      const result = validatePreset({ ...historic(), record, ...extra });
      return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
    };
    expect(problems([{ figure: 'x', recorded: 1, metric: 'badDebts', tolerance: 0.1 }])).toEqual([
      expect.stringMatching(
        /^record\[0\]\.metric: expected a summary metric .*got "badDebts"; did you mean "badDebt"\?$/,
      ),
    ]);
    expect(problems([{ figure: 'x', recorded: 1, metric: 'badDebt' }])).toEqual([
      expect.stringContaining('record[0].tolerance: expected a relative tolerance'),
    ]);
    expect(problems([{ figure: 'x', recorded: 'lots', metric: 'badDebt', tolerance: 0.1 }])).toEqual([
      expect.stringContaining('record[0].recorded: expected a number beside "metric", got "lots"'),
    ]);
    expect(problems([{ figure: 'x', recorded: 1 }])).toEqual([
      expect.stringContaining('expected either "metric" with "tolerance"'),
    ]);
    expect(problems(undefined)).toEqual([expect.stringContaining('record: expected the recorded figures')]);
    expect(problems(historic().record, { sources: [] })).toEqual([
      expect.stringContaining('sources: expected the sources'),
    ]);
    expect(problems(historic().record, { date: undefined })).toEqual([
      expect.stringContaining('date: expected the date the history began, as YYYY-MM-DD'),
    ]);
    expect(problems([{ figure: 'x', recorded: 0, metric: 'badDebt', tolerance: 0.1 }])).toEqual([
      expect.stringContaining('record[0].recorded: expected a number other than 0 beside "metric"'),
    ]);
    expect(problems([{ figure: 'x', recorded: 1, metric: 'attack.profit', tolerance: 0.1 }])).toEqual([
      'record[0].metric: expected a metric this preset can give: "attack.profit" needs an "attacker"',
    ]);
    expect(problems(historic().record, { date: '2020-02-30' })).toEqual([
      'date: expected a real day as YYYY-MM-DD, got "2020-02-30"',
    ]);
    expect(problems(historic().record, { date: '12 March 2020' })).toEqual([
      expect.stringContaining('date: expected a date as YYYY-MM-DD, got "12 March 2020"'),
    ]);
  });
});
