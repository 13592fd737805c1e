import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCascade, summarize } from '../../src/engine/index.js';
import { checkRecord, describeCheck, loadPreset, validatePreset } from '../../src/presets/index.js';
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
      { figure: 'bad debt', recorded: 1, metric: 'badDebt', tolerance: 0.5, role: 'predicted' },
      {
        figure: 'final price',
        recorded: 500,
        metric: 'finalPrice',
        tolerance: 0.1,
        role: 'fitted',
        fittedBy: 'market.depth2pct',
      },
      {
        figure: 'zero-bid auctions',
        recorded: '36%',
        unmatched: 'English auctions are not modelled',
        role: 'input',
      },
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
    expect(text.stdout).toMatch(
      /final price +fitted \(market\.depth2pct\) +recorded 500\.00 USD, model [\d,.]+ USD +✗ outside ±10\.0%/,
    );
    expect(text.stdout).toMatch(
      /zero-bid auctions +input +recorded 36%; not reproduced: English auctions are not modelled/,
    );
    const json = JSON.parse(liqloop(['run', file, '--json']).stdout);
    expect(json.record).toHaveLength(3);
    expect(json.record[1]).toMatchObject({
      figure: 'final price',
      metric: 'finalPrice',
      within: false,
      role: 'fitted',
      fittedBy: 'market.depth2pct',
      reproduced: false,
    });
    expect(json.record[1].modelled).toBe(json.summary.finalPrice);
    expect(json.record[2]).toMatchObject({ within: null, modelled: null, role: 'input', reproduced: false });
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
    // Each figure given a role unless it has one (or is not an object), so that the problem tested is the only one.
    const withRole = (f: unknown) =>
      f !== null && typeof f === 'object' && !('role' in f) ? { role: 'predicted', ...f } : f;
    const problems = (record: unknown, extra: object = {}) => {
      const roled = Array.isArray(record) ? record.map(withRole) : record;
      const result = validatePreset({ ...historic(), record: roled, ...extra });
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

  it('a history preset gives each figure a role, names the parameter a fitted one is tuned to, and predicts one or says why not', () => {
    const problems = (record: unknown[], extra: object = {}) => {
      const result = validatePreset({ ...historic(), record, ...extra });
      return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
    };
    const [predicted, fitted, input] = historic().record;
    expect(problems([predicted, fitted, input])).toEqual([]);
    const { role: _role, ...roleless } = predicted!;
    void _role;
    expect(problems([roleless, fitted])).toEqual([
      'record[0].role: expected a role on each figure of a history preset\'s record ("input", "fitted", "predicted"), got nothing (the field is missing)',
    ]);
    expect(problems([{ ...predicted, role: 'guessed' }])).toEqual([
      'record[0].role: expected one of "input", "fitted", "predicted", got "guessed"',
    ]);
    expect(problems([predicted, { ...fitted, fittedBy: undefined }])).toEqual([
      'record[1].role: expected "fittedBy" beside role "fitted": the parameter path tuned to the figure',
    ]);
    expect(problems([{ ...predicted, fittedBy: 'market.depth2pct' }])).toEqual([
      'record[0].fittedBy: expected "fittedBy" only on a figure with role "fitted", got role "predicted"',
    ]);
    expect(problems([predicted, { ...fitted, fittedBy: 'market.depth' }])).toEqual([
      'record[1].fittedBy: expected the path of a number in this preset (e.g. "market.depth2pct"), got "market.depth", which leads to nothing (the field is missing)',
    ]);
    expect(problems([predicted, { ...fitted, fittedBy: 'market' }])).toEqual([
      expect.stringContaining('which leads to an object'),
    ]);
    // A documented miss is for a predicted figure held against a metric.
    expect(
      problems([{ ...predicted, miss: 'the model is too fast here, for a stated reason' }, fitted]),
    ).toEqual([]);
    expect(problems([predicted, { ...fitted, miss: 'a reason' }])).toEqual([
      'record[1].miss: expected "miss" only on a figure with role "predicted" and a metric, got role "fitted"',
    ]);
    // Nothing predicted: the preset must say why.
    expect(problems([fitted, input])).toEqual([
      'noPrediction: expected a figure with role "predicted" and a metric, or "noPrediction" saying plainly why the model predicts none of the event',
    ]);
    expect(problems([fitted, input], { noPrediction: 'the loss is arithmetic on inputs' })).toEqual([]);
    expect(validatePreset({ ...thinPool(), noPrediction: 'x' }).ok).toBe(false);
    // A lesson's figures need no role (a lesson has no record in the library, but the format allows one).
    expect(validatePreset({ ...thinPool(), record: [roleless] }).ok).toBe(true);
  });

  it('only a predicted figure within its tolerance is reproduced; an input or a fitted one is matched by construction', () => {
    const loaded = loadPreset('thin-pool');
    if (!loaded.ok) throw new Error('thin-pool does not load');
    const summary = summarize(runCascade(loaded.preset));
    const figure = {
      figure: 'final price',
      recorded: summary.finalPrice,
      metric: 'finalPrice',
      tolerance: 0.01,
    };
    const roles = [
      { ...figure, role: 'predicted' as const },
      { ...figure, role: 'input' as const },
      { ...figure, role: 'fitted' as const, fittedBy: 'market.depth2pct' },
      figure,
    ];
    const checks = checkRecord(summary, roles);
    expect(checks.map((c) => c.within)).toEqual([true, true, true, true]);
    expect(checks.map((c) => c.reproduced)).toEqual([true, false, false, false]);
    const texts = checks.map((c) => describeCheck(c));
    expect(texts.map((t) => t.role)).toEqual(['predicted', 'input', 'fitted (market.depth2pct)', '']);
    expect(texts[0]!.text).toMatch(/✓ reproduced within ±1\.0%/);
    expect(texts[1]!.text).toMatch(/= matched by construction within ±1\.0%/);
    expect(texts[2]!.text).toMatch(/= matched by construction within ±1\.0%/);
    // A figure without a role reads as before roles.
    expect(texts[3]!.text).toMatch(/✓ within ±1\.0%/);
    const off = checkRecord(summary, [{ ...roles[0]!, recorded: summary.finalPrice * 2 }]);
    expect(off[0]!.reproduced).toBe(false);
    expect(describeCheck(off[0]!).text).toMatch(/✗ outside/);
    // A documented miss says why beside the ✗; within its tolerance it reads as any prediction.
    const miss = { ...roles[0]!, miss: 'one venue stands for many' };
    const [missed, hit] = checkRecord(summary, [{ ...miss, recorded: summary.finalPrice * 2 }, miss]);
    expect(describeCheck(missed!).text).toMatch(
      /✗ outside ±1\.0% \(−50\.0%\): a miss, one venue stands for many$/,
    );
    expect(describeCheck(hit!).text).not.toMatch(/a miss/);
  });
});
