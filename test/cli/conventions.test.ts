import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, liqloop } from '../helpers/cli.js';
import { liqloopHere } from './in-process.js';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const thinPool = readFileSync(join(ROOT, 'presets/thin-pool.json'), 'utf8');

describe('version and help', () => {
  it('-V and --version print the package version', async () => {
    for (const flag of ['-V', '--version']) {
      expect(await liqloopHere([flag])).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: '' });
    }
  });

  it('liqloop help [command] prints the help of liqloop or of the command', async () => {
    const root = await liqloopHere(['help']);
    expect(root.status).toBe(0);
    expect(root.stdout).toMatch(/^Usage: liqloop /);
    expect(root.stdout).toMatch(/help \[command\]/);
    expect(root.stdout).toBe((await liqloopHere(['--help'])).stdout);
    const run = await liqloopHere(['help', 'run']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: liqloop run \[options\] <preset>/);
    expect(run.stdout).toBe((await liqloopHere(['run', '--help'])).stdout);
  });

  it('help for a command that does not exist is a usage error with a suggestion', async () => {
    const result = await liqloopHere(['help', 'rn']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'liqloop: no command named "rn"; did you mean "run"?\n(liqloop --help lists the commands and options)\n',
    );
  });
});

describe('one message style', () => {
  // Commander's own errors and liqloop's: one prefix, double quotes, no final full stop, the hint apart.
  const cases: [string[], string][] = [
    [['run'], 'liqloop: missing required argument "preset"'],
    [['list', '--jsn'], 'liqloop: unknown option "--jsn"; did you mean "--json"?'],
    [['--frob'], 'liqloop: unknown option "--frob"'],
    [
      ['run', 'thin-pool', '--rounds', 'abc'],
      'liqloop: option "--rounds <n>" argument "abc" is invalid: expected a whole number from 1 to 100000, got "abc"',
    ],
    [['run', 'thin-pool', '--out'], 'liqloop: option "--out <file>" argument missing'],
    [['sweep', 'thin-pool', '--from', '0'], 'liqloop: required option "--param <path>" not specified'],
    [['completion', 'tcsh'], 'liqloop: no completion for "tcsh"; expected one of bash, zsh, fish'],
  ];
  for (const [args, first] of cases) {
    it(args.join(' '), async () => {
      const result = await liqloopHere(args);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n')[0]).toBe(first);
    });
  }

  it('every line of a usage error is the message or a hint in parentheses', async () => {
    const result = await liqloopHere(['run', 'thin-pool', '--rounds', "it's"]);
    expect(result.stderr).toBe(
      'liqloop: option "--rounds <n>" argument "it\'s" is invalid: expected a whole number from 1 to 100000, got "it\'s"\n' +
        '(liqloop --help lists the commands and options)\n',
    );
  });
});

describe('- reads the preset from stdin', () => {
  it('run - runs the preset piped in, exactly as the file', () => {
    const piped = liqloop(['run', '-', '--json'], { input: thinPool });
    expect(piped.status).toBe(0);
    // Exactly the file's output, but a preset from stdin has no id.
    expect(piped.stdout).toBe(
      liqloop(['run', 'thin-pool', '--json']).stdout.replace('"presetId": "thin-pool"', '"presetId": null'),
    );
  });

  it('validate -, compare - and sweep - read it too (compare and sweep read it once)', () => {
    expect(liqloop(['validate', '-'], { input: thinPool }).stdout).toBe(
      '<stdin>: valid preset "Thin pool: a 10% shock runs away" (10,000 positions)\n',
    );
    const compare = liqloop(['compare', '-', '--set', 'shock.pct=0.2', '--json'], { input: thinPool });
    expect(compare.status).toBe(0);
    expect(JSON.parse(compare.stdout).variant.summary.shockPct).toBe(0.2);
    const sweep = liqloop(
      ['sweep', '-', '--param', 'shock.pct', '--from', '0.1', '--to', '0.2', '--steps', '2', '--json'],
      {
        input: thinPool,
      },
    );
    expect(sweep.status).toBe(0);
    expect(JSON.parse(sweep.stdout).values).toEqual([0.1, 0.2]);
  });

  it('a bad preset on stdin is named <stdin> in the message', () => {
    const result = liqloop(['validate', '-'], { input: '{' });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'liqloop: <stdin>: invalid JSON at line 1, column 2: expected } to close the object\n',
    );
  });

  it('the dashboard refuses - with a reason: it needs stdin for the keys', async () => {
    const result = await liqloopHere(['-']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^liqloop: the dashboard reads keys from stdin/);
  });
});

describe('validate takes names like run', () => {
  it('validates a shipped preset by its name', async () => {
    expect(await liqloopHere(['validate', 'thin-pool'])).toEqual({
      status: 0,
      stdout: 'thin-pool: valid preset "Thin pool: a 10% shock runs away" (10,000 positions)\n',
      stderr: '',
    });
  });

  it('an unknown name gets the closest one, as run does', async () => {
    const result = await liqloopHere(['validate', 'thin-pol']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe((await liqloopHere(['run', 'thin-pol'])).stderr);
  });
});

describe('list wraps to the terminal', () => {
  it('a terminal 80 wide gets lines of at most 80 columns, broken at spaces', async () => {
    const wrapped = await liqloopHere(['list'], { columns: 80 });
    const piped = await liqloopHere(['list']);
    expect(wrapped.status).toBe(0);
    const lines = wrapped.stdout.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(Math.max(...piped.stdout.split('\n').map((l) => l.length))).toBeGreaterThan(200);
    // The same words in the same order: only the line breaks and indentation differ.
    const words = (text: string) => text.split(/\s+/).filter(Boolean);
    expect(words(wrapped.stdout)).toEqual(words(piped.stdout));
    // No word is broken: every line's last word is a whole word of the unwrapped text.
    const known = new Set(words(piped.stdout));
    for (const line of lines) for (const w of words(line)) expect(known.has(w), w).toBe(true);
  });

  it('a narrow terminal puts the descriptions under the id', async () => {
    const narrow = await liqloopHere(['list'], { columns: 50 });
    const lines = narrow.stdout.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(50);
    expect(lines).toContain('thin-pool');
  });
});
