import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { presetJsonSchema, validatePreset } from '../../src/presets/index.js';
import { elapsedFigure, elapsedText, parseRoundLength, unitsText } from '../../src/round-length.js';
import { liqloopHere } from '../cli/in-process.js';
import { minimal } from '../helpers/minimal-preset.js';

const problemsOf = (roundLength: unknown) => {
  const result = validatePreset({ ...minimal, roundLength });
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
};

const ACCEPTED: [string, number, string][] = [
  ['1 hour', 1, 'hour'],
  ['1 hours', 1, 'hour'],
  ['10 minutes', 10, 'minute'],
  ['6 hours', 6, 'hour'],
  ['0.5 days', 0.5, 'day'],
  ['12 seconds', 12, 'second'],
  ['1 block', 1, 'block'],
  ['999999.999 seconds', 999999.999, 'second'],
];
const REFUSED = [
  '0 hours',
  '0.000 hours',
  '1h',
  '1  hour',
  ' 1 hour',
  '1 hour ',
  '01 hour',
  '1e3 hours',
  '1.2345 hours',
  '1,000 hours',
  '-1 hour',
  '+1 hour',
  '.5 hours',
  '1000000 days',
  '2 Blocks',
  '1 week',
  'hour',
  '',
];

describe('roundLength: "<number> <unit>"', () => {
  it.each(ACCEPTED)('reads %j as %d %s, and validate accepts it', (text, amount, unit) => {
    expect(parseRoundLength(text)).toEqual({ amount, unit });
    expect(problemsOf(text)).toEqual([]);
  });

  it.each(REFUSED)('refuses %j, naming the grammar and what was found', (text) => {
    expect(parseRoundLength(text)).toBeNull();
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^roundLength: expected a round length: a number above 0 and below 1,000,000 with at most 3 decimals, one space, and a unit: second, minute, hour, day or block \(singular or plural\), e\.g\. "1 hour" or "10 minutes"; got ".*"$/,
    );
    expect(problems[0]).toContain(JSON.stringify(text));
  });

  it('refuses a control character by its code point, and a value that is not a string', () => {
    expect(problemsOf('1\u001b[31m hour')).toEqual([
      'roundLength: expected printable text (no control characters U+0000 to U+001F or U+007F to U+009F, no bidirectional controls), got a string with U+001B at character 2',
    ]);
    expect(problemsOf('1 hour\u202e')).toHaveLength(1);
    expect(problemsOf(1)).toEqual(['roundLength: expected a string: a round length such as "1 hour", got 1']);
  });

  it('is optional, and the JSON Schema (an editor) agrees with validate on every case', () => {
    expect(validatePreset(minimal).ok).toBe(true);
    const validate = new Ajv({ strict: false }).compile(presetJsonSchema());
    for (const [text] of ACCEPTED) expect(validate({ ...minimal, roundLength: text }), text).toBe(true);
    for (const text of REFUSED) expect(validate({ ...minimal, roundLength: text }), text).toBe(false);
  });

  it('names the time elapsed after some rounds in the unit, singular for exactly one', () => {
    const hour = parseRoundLength('1 hour')!;
    expect(elapsedText(hour, 12)).toBe('12 hours');
    expect(elapsedText(hour, 1)).toBe('1 hour');
    expect(elapsedText(hour, 0)).toBe('0 hours');
    expect(elapsedText(parseRoundLength('10 minutes')!, 144)).toBe('1,440 minutes');
    expect(elapsedText(parseRoundLength('0.5 minutes')!, 3)).toBe('1.5 minutes');
    expect(elapsedText(parseRoundLength('0.1 seconds')!, 3)).toBe('0.3 seconds');
    expect(elapsedFigure(parseRoundLength('6 hours')!, 5)).toBe('30');
    expect(unitsText(1, 'block')).toBe('1 block');
  });
});

describe('roundLength in liqloop run', () => {
  it('prints the time beside the rounds, and --json gives roundLength as the preset writes it', async () => {
    const text = await liqloopHere(['run', 'thin-pool', '--set', 'roundLength="10 minutes"']);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^ {2}rounds {7}9 \(90 minutes at 10 minutes a round\), converged$/m);
    const json = await liqloopHere(['run', 'thin-pool', '--set', 'roundLength="10 minutes"', '--json']);
    const out = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(Object.keys(out).slice(0, 3)).toEqual(['preset', 'roundLength', 'rounds']);
    expect(out.roundLength).toBe('10 minutes');
  });

  it('says nothing of it when the preset gives none, and a history preset gives its own', async () => {
    const plain = await liqloopHere(['run', 'thin-pool', '--json']);
    expect(JSON.parse(plain.stdout)).not.toHaveProperty('roundLength');
    const history = await liqloopHere(['run', 'luna-oracle-floor-2022', '--json']);
    expect((JSON.parse(history.stdout) as { roundLength: string }).roundLength).toBe('6 hours');
  });
});
