import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldPaths, presetIds } from '../../src/presets/index.js';
import { CLI, liqloop } from '../helpers/cli.js';
import { liqloopHere } from './in-process.js';

/** What `liqloop __complete` answers for the words after `liqloop` (the last one under the cursor). */
async function complete(...words: string[]): Promise<string[]> {
  const result = await liqloopHere(['__complete', ...words]);
  expect(result.status).toBe(0);
  return result.stdout.split('\n').filter(Boolean);
}

describe('liqloop __complete (what every shell script asks)', () => {
  it('offers the commands and the presets at the first word, and files', async () => {
    const first = await complete('');
    expect(first).toEqual(expect.arrayContaining(['run', 'compare', 'sweep', 'list', 'validate', 'schema']));
    expect(first).toEqual(expect.arrayContaining(['completion', 'help', 'thin-pool', ':files']));
    expect(await complete('sw')).toEqual(['sweep', ':files']);
  });

  it('offers preset ids where a preset is read', async () => {
    expect(await complete('run', 'thin')).toEqual(['thin-pool', 'thin-pool-partial', ':files']);
    const all = await complete('validate', '');
    expect(all.filter((c) => c !== ':files')).toEqual(presetIds());
    expect(await complete('run', 'thin-pool', 'x')).toEqual([]);
  });

  it('offers each command its own options', async () => {
    expect(await complete('sweep', 'thin-pool', '--')).toEqual(
      expect.arrayContaining(['--param', '--from', '--to', '--steps', '--set', '--json', '--out', '--help']),
    );
    expect(await complete('list', '-')).toEqual(['--json', '--help', '-h']);
    expect(await complete('-')).toEqual(['--version', '-V', '--help', '-h']);
  });

  it('offers field paths after --set (with "=") and --param, from the preset schema', async () => {
    const set = await complete('run', 'thin-pool', '--set', 'market.d');
    expect(set).toEqual(['market.depth2pct=']);
    expect(await complete('compare', 'thin-pool', '--set', 'market.depth2pct=')).toEqual([]);
    const param = await complete('sweep', 'thin-pool', '--param', '');
    expect(param).toEqual(fieldPaths());
    expect(param).toEqual(expect.arrayContaining(['shock.pct', 'oracle.window', 'positions.0.debt']));
    expect(param).toEqual(expect.arrayContaining(['generate.healthFactor.min', 'perps.insuranceFund']));
  });

  it('offers files after --out, nothing after an option that takes a number', async () => {
    expect(await complete('run', 'thin-pool', '--out', '')).toEqual([':files']);
    expect(await complete('run', 'thin-pool', '--rounds', '')).toEqual([]);
    // An option's value is not the preset: after --rounds 3, the preset is still to come.
    expect(await complete('run', '--rounds', '3', 'deep')).toEqual(['deep-pool', ':files']);
  });

  it('offers the commands after help and the shells after completion', async () => {
    expect(await complete('help', 'c')).toEqual(['compare', 'completion']);
    expect(await complete('completion', '')).toEqual(['bash', 'zsh', 'fish']);
  });
});

/** A folder holding a `liqloop` that runs the built command, for the scripts to call. */
function shimPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'liqloop-bin-'));
  const shim = join(dir, 'liqloop');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(shim, 0o755);
  return `${dir}${delimiter}${process.env.PATH ?? ''}`;
}

const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;

function shell(command: string, args: string[]): string {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, PATH: shimPath() },
    cwd: mkdtempSync(join(tmpdir(), 'liqloop-cwd-')),
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
}

describe('liqloop completion bash', () => {
  const script = liqloop(['completion', 'bash']).stdout;

  it('defines a completion function for liqloop that asks liqloop __complete', () => {
    expect(script).toMatch(/^# liqloop completion for bash/);
    expect(script).toContain('liqloop __complete');
    expect(script).toMatch(/\ncomplete -F _liqloop liqloop\n$/);
  });

  it.skipIf(!has('bash'))('completes in bash: commands, presets, --set paths without a space', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'liqloop-bash-')), 'liqloop.bash');
    writeFileSync(file, script);
    const run = (line: string) =>
      shell('bash', [
        '-c',
        `source '${file}'; COMP_LINE='${line}'; COMP_POINT=\${#COMP_LINE}; _liqloop; printf '%s\\n' "\${COMPREPLY[@]}"`,
      ]);
    expect(run('liqloop comp')).toBe('compare\ncompletion\ncompound-dai-2020\n');
    expect(run('liqloop run thin-pool-')).toBe('thin-pool-partial\n');
    expect(run('liqloop run thin-pool --set shock.')).toBe('shock.pct=\n');
    expect(run('liqloop sweep deep-pool --param market.dep')).toBe('market.depth2pct\n');
  });
});

describe('liqloop completion zsh', () => {
  const script = liqloop(['completion', 'zsh']).stdout;

  it('is a #compdef function that asks liqloop __complete and registers itself', () => {
    expect(script).toMatch(/^#compdef liqloop\n/);
    expect(script).toContain('liqloop __complete "${(@)words[2,CURRENT]}"');
    expect(script).toContain("compadd -S '' --");
    expect(script).toMatch(/compdef _liqloop liqloop; fi\n$/);
  });

  // zsh's completion system needs a terminal; its builtins are replaced by ones that print what they get.
  it.skipIf(!has('zsh'))('completes in zsh: candidates, --set paths without a suffix, files', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'liqloop-zsh-')), '_liqloop');
    writeFileSync(file, script);
    const stubs =
      'compdef() { :; }; _files() { print "(files)"; }; ' +
      'compadd() { local s=""; while [[ $1 != -- ]]; do [[ $1 == -S ]] && { s="(no space)"; shift; }; shift; done; shift; print -l -- "${@/%/$s}"; }';
    const run = (...words: string[]) =>
      shell('zsh', [
        '-f',
        '-c',
        `${stubs}; source '${file}'; words=(${words.map((w) => `'${w}'`).join(' ')}); CURRENT=${words.length}; _liqloop`,
      ]);
    expect(run('liqloop', 'run', 'thin-pool-')).toBe('thin-pool-partial\n(files)\n');
    expect(run('liqloop', 'run', 'x', '--set', 'shock.')).toBe('shock.pct=(no space)\n');
    expect(run('liqloop', 'completion', '')).toBe('bash\nzsh\nfish\n');
  });
});

describe('liqloop completion fish', () => {
  const script = liqloop(['completion', 'fish']).stdout;

  it('adds a completion for liqloop that asks liqloop __complete', () => {
    expect(script).toMatch(/^# liqloop completion for fish/);
    expect(script).toContain('liqloop __complete $words[2..-1] "$cur"');
    expect(script).toMatch(/\ncomplete -c liqloop -f -a '\(__liqloop_complete\)'\n$/);
  });

  it.skipIf(!has('fish'))('completes in fish (complete -C runs the real completion)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'liqloop-fish-')), 'liqloop.fish');
    writeFileSync(file, script);
    const run = (line: string) =>
      shell('fish', ['--no-config', '-c', `source '${file}'; complete -C'${line}'`]);
    expect(run('liqloop comp')).toBe('compare\ncompletion\ncompound-dai-2020\n');
    expect(run('liqloop run thin-pool --set shock.')).toBe('shock.pct=\n');
    expect(run('liqloop completion ')).toBe('bash\nfish\nzsh\n');
  });
});
