import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCase, shippedPresets } from '../../scripts/fuzz/cases.mjs';
import { fuzz } from '../../scripts/fuzz/main.mjs';
import { classify } from '../../scripts/fuzz/pool.mjs';
import { ROOT } from '../helpers/cli.js';

describe('the fuzzer (issue 16, npm run fuzz)', () => {
  it('sorts answers into their outcomes', () => {
    const run = { args: ['run', 'FILE'] };
    const json = { args: ['run', 'FILE', '--json'] };
    const ok = { status: 0, stdout: 'round 1\n', stderr: '' };
    expect(classify(run, ok).outcome).toBe('accepted');
    expect(classify(run, { status: 1, stdout: '', stderr: 'liqloop: bad\n' }).outcome).toBe('clean-error');
    expect(classify(run, { status: 1, stdout: '', stderr: '' }).outcome).toBe('bad-output');
    expect(classify(run, { ...ok, status: 70, thrown: 'Error: x\n    at f (a.js:1:2)' }).outcome).toBe(
      'stack-trace',
    );
    expect(
      classify(run, { status: 1, stdout: '', stderr: 'liqloop: Error: x\n    at f (file.js:3:4)\n' }).outcome,
    ).toBe('stack-trace');
    expect(classify(run, { ...ok, status: 134 }).outcome).toBe('crash');
    expect(classify(run, { ...ok, stdout: 'name \u001b]2;x\u0007\n' }).outcome).toBe('bad-output');
    expect(classify(run, { ...ok, stdout: 'final price NaN\n' }).outcome).toBe('bad-output');
    const round = { round: 1, oraclePrice: 1, price: 1, liquidations: 0, collateralSold: 0, debtRepaid: 0 };
    expect(
      classify(json, { ...ok, stdout: JSON.stringify({ rounds: [{ ...round, badDebt: 0 }] }) }).outcome,
    ).toBe('accepted');
    expect(
      classify(json, { ...ok, stdout: JSON.stringify({ rounds: [{ ...round, badDebt: null }] }) }),
    ).toEqual({ outcome: 'bad-output', why: 'rounds[0].badDebt is null' });
  });

  it('is seeded: the same seed gives the same cases, another seed others', () => {
    const presets = shippedPresets(join(ROOT, 'presets'));
    const a = Array.from({ length: 20 }, (_, i) => makeCase(presets, 7, i));
    const b = Array.from({ length: 20 }, (_, i) => makeCase(presets, 7, i));
    const c = Array.from({ length: 20 }, (_, i) => makeCase(presets, 8, i));
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
    // Every command, and shipped presets both by name and as mutated files.
    const many = Array.from({ length: 300 }, (_, i) => makeCase(presets, 7, i));
    for (const command of ['validate', 'run', 'sweep', 'compare'])
      expect(many.some((t) => t.args[0] === command)).toBe(true);
    expect(new Set(many.map((t) => t.preset)).size).toBeGreaterThan(presets.length / 2);
  });

  it('300 cases through the built CLI: no stack trace, hang, crash or bad output', async () => {
    const result = await fuzz({ seed: 16, cases: 300, jobs: 2, timeoutMs: 60_000, memoryMb: 1024 });
    expect(result.tried).toBe(300);
    expect(
      result.failures.map(
        ({ task, result: r }) => `${r.outcome}: ${task.args.join(' ')}: ${r.why?.slice(0, 300)}`,
      ),
    ).toEqual([]);
    // Both kinds of answer occur: the cases reach the engine, not only the validator.
    expect(result.counts['clean-error']).toBeGreaterThan(100);
    expect(result.counts.accepted).toBeGreaterThan(20);
  }, 240_000);
});
