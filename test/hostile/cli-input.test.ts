import { describe, expect, it } from 'vitest';
import { MAX_PATH_DEPTH, MAX_PATH_LENGTH, parsePath } from '../../src/presets/path.js';
import { MAX_PROBLEMS_SHOWN } from '../../src/cli/problems.js';
import { liqloop, tempFile } from '../helpers/cli.js';
import { liqloopHere } from '../cli/in-process.js';

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at |internal error/);

describe('a long --set path is bounded (issue 16, item 10)', () => {
  it('refuses a path past its length or depth, naming the bound, before any work', async () => {
    // 10,000 segments took 39 s and 2.9 GB: refused at once now.
    const long = Array.from({ length: 10_000 }, () => 'a').join('.');
    const result = await liqloopHere(['run', 'thin-pool', '--set', `${long}=1`]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      `the path is 19,999 characters long; expected at most ${MAX_PATH_LENGTH}; e.g. --set market.depth2pct=1e6`,
    );
    // The value is quoted back cut short, not 20,000 characters of it.
    expect(result.stderr.length).toBeLessThan(400);
    noStack(result.stderr);

    const deep = Array.from({ length: MAX_PATH_DEPTH + 1 }, () => '[0]').join('');
    const tooDeep = await liqloopHere(['run', 'thin-pool', '--set', `positions${deep}=1`]);
    expect(tooDeep.status).toBe(2);
    expect(tooDeep.stderr).toContain(`the path has ${MAX_PATH_DEPTH + 2} segments; expected at most 64`);

    const param = await liqloopHere([
      'sweep',
      'thin-pool',
      '--param',
      long,
      '--from',
      '1',
      '--to',
      '2',
      '--steps',
      '2',
    ]);
    expect(param.status).toBe(2);
    expect(param.stderr).toContain(
      'expected a field path like market.depth2pct: the path is 19,999 characters',
    );
  });

  it('keeps every path up to the bounds', () => {
    const atLength = `${'a'.repeat(MAX_PATH_LENGTH - 2)}.b`;
    expect(parsePath(atLength)).toEqual({ ok: true, value: ['a'.repeat(MAX_PATH_LENGTH - 2), 'b'] });
    expect(parsePath(`${atLength}c`).ok).toBe(false);
    const atDepth = Array.from({ length: MAX_PATH_DEPTH }, () => 'x').join('.');
    expect(parsePath(atDepth).ok).toBe(true);
    expect(parsePath(`${atDepth}.x`).ok).toBe(false);
  });

  it('escapes control characters of a path it quotes back', async () => {
    const result = await liqloopHere(['run', 'thin-pool', '--set', 'a..\u001b]2;owned\u0007=1']);
    expect(result.status).toBe(2);
    expect([...result.stderr].filter((c) => c !== '\n' && /\p{Cc}/u.test(c))).toEqual([]);
    expect(result.stderr).toContain('\\u001b');
  });
});

describe('problems are capped (issue 16, item 12)', () => {
  it(`20,000 duplicate ids (as a million would) print ${MAX_PROBLEMS_SHOWN} problems and a count of the rest`, async () => {
    const base = {
      name: 'many',
      description: '',
      asset: { symbol: 'ETH', quote: 'USD', price: 2000 },
      market: { model: 'constant-product', depth2pct: 1e6 },
      oracle: { model: 'spot' },
      liquidation: { mechanism: 'full', threshold: 0.8 },
      shock: { pct: 0.1 },
      positions: Array.from({ length: 20_000 }, () => ({ id: 'same', collateral: 1, debt: 1000 })),
    };
    const file = tempFile('many.json', JSON.stringify(base));
    const result = await liqloopHere(['validate', file]);
    expect(result.status).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`liqloop: ${file} is not a valid preset (19,999 problems):`);
    expect(lines).toHaveLength(1 + MAX_PROBLEMS_SHOWN + 1);
    expect(lines[1]).toMatch(/positions\[1\]\.id: .*"same"/);
    expect(lines.at(-1)).toBe('  … and 19,949 more problems');
  });

  it('with --set too', async () => {
    const sets = Array.from({ length: 60 }, (_, i) => ['--set', `positions.${i}.debt=-1`]).flat();
    const result = await liqloopHere(['run', 'liquidators-scarce', ...sets]);
    expect(result.status).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^liqloop: liquidators-scarce \(with --set\) is not a valid preset \(\d+ problems\):$/,
    );
    expect(lines).toHaveLength(1 + MAX_PROBLEMS_SHOWN + 1);
    expect(lines.at(-1)).toMatch(/^ {2}… and \d+ more problems?$/);
  });
});

describe('extra arguments are a usage error (issue 16, item 12)', () => {
  it.each([
    [['run', 'thin-pool', 'extra'], 'run', 1, 2],
    [['validate', 'thin-pool', 'extra'], 'validate', 1, 2],
    [['compare', 'thin-pool', 'extra', '--set', 'shock.pct=0.2'], 'compare', 1, 2],
    [
      ['sweep', 'thin-pool', 'x', '--param', 'shock.pct', '--from', '0.1', '--to', '0.2', '--steps', '2'],
      'sweep',
      1,
      2,
    ],
    [['list', 'extra'], 'list', 0, 1],
    [['schema', 'extra'], 'schema', 0, 1],
    [['completion', 'bash', 'extra'], 'completion', 1, 2],
  ])('%j exits 2 with a usage message', async (args, command, expected, got) => {
    const result = await liqloopHere(args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `liqloop: too many arguments for "${command}"; expected ${expected} argument${expected === 1 ? '' : 's'} but got ${got}\n` +
        '(liqloop --help lists the commands and options)\n',
    );
  });

  it('the root still names its own', async () => {
    const result = await liqloopHere(['thin-pool', 'extra']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^liqloop: too many arguments: expected at most one preset, got 2\n/);
  });
});

describe('sweep values must be finite (issue 16, item 12)', () => {
  it('--from 1e308 --to -1e308 is refused, not swept with NaN', () => {
    const result = liqloop([
      'sweep',
      'thin-pool',
      '--param',
      'shock.pct',
      '--from',
      '1e308',
      '--to',
      '-1e308',
      '--steps',
      '3',
    ]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'liqloop: --from 1e+308 --to -1e+308: expected values whose difference is a finite number\n',
    );
  });
});
