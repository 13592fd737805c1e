import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/**
 * The package as a user gets it: `npm pack` from a copy of the sources without `dist/` (a clean clone, so
 * `prepack` must build), the tarball installed with `npm install -g --prefix`, and `liqloop` run from
 * another folder. The dependencies come from npm's cache where it has them (`npm ci` filled it), from
 * the registry otherwise.
 */

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

// npm passes its configuration to scripts as npm_* variables; a child npm must not inherit `npm test`'s.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'INIT_CWD'),
);
Object.assign(env, {
  NO_COLOR: '1',
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
});

function sh(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`,
    );
  return result.stdout;
}

let work: string;
let tarball: string;
let packed: string[];
let bin: string;
let elsewhere: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'liqloop-pack-'));
  const clone = join(work, 'clone');
  const skipped = /^(node_modules|dist|coverage|\.git)(\/|$)/;
  cpSync(ROOT, clone, { recursive: true, filter: (source) => !skipped.test(relative(ROOT, source)) });
  symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
  const [info] = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', work], clone)) as [
    { filename: string; files: { path: string }[] },
  ];
  tarball = join(work, info.filename);
  packed = info.files.map((f) => f.path);
  const prefix = join(work, 'prefix');
  sh('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', tarball], work);
  bin = join(prefix, 'bin', 'liqloop');
  elsewhere = mkdtempSync(join(tmpdir(), 'liqloop-elsewhere-'));
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  if (elsewhere) rmSync(elsewhere, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('ships the built command, the presets, the schema and the licence, without caches or sources', () => {
    expect(packed).toEqual(
      expect.arrayContaining([
        'dist/cli/main.js',
        'presets/thin-pool.json',
        'presets/README.md',
        'schema/preset.schema.json',
        'LICENSE',
        'README.md',
        'package.json',
      ]),
    );
    expect(packed.filter((f) => /tsbuildinfo|^src\/|^test\/|\.tsx?$/.test(f))).toEqual([]);
  });

  it('installs globally without dev dependencies and runs from another folder', () => {
    const installed = join(bin, '..', '..', 'lib', 'node_modules', 'liqloop');
    expect(existsSync(join(installed, 'node_modules', 'vitest'))).toBe(false);
    expect(sh(bin, ['--version'], elsewhere)).toBe(`${VERSION}\n`);
    const list = JSON.parse(sh(bin, ['list', '--json'], elsewhere)) as { id: string }[];
    expect(list.map((p) => p.id)).toContain('thin-pool');
    const run = JSON.parse(sh(bin, ['run', 'thin-pool', '--json'], elsewhere)) as {
      summary: { converged: boolean; positions: number };
    };
    expect(run.summary).toMatchObject({ converged: true, positions: 10_000 });
  });

  it('runs with npx from the tarball', () => {
    expect(
      sh('npx', ['--yes', '--prefer-offline', '--package', tarball, '--', 'liqloop', '-V'], elsewhere),
    ).toBe(`${VERSION}\n`);
  });
});
