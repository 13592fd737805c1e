import { expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(ROOT, 'dist/cli/main.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `liqloop` with `args` (build first: `npm test` does). */
export function liqloop(
  args: string[],
  options: { nodeArgs?: string[]; cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {},
): CliResult {
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    ...(options.input !== undefined ? { input: options.input } : { stdio: ['ignore', 'pipe', 'pipe'] }),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes `content` (an object is written as JSON) to a fresh temporary file and returns its path. */
export function tempFile(name: string, content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'liqloop-test-'));
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

/**
 * Writes `preset` to a temporary file, runs `liqloop validate` on it and checks the whole answer: exit 1,
 * nothing on stdout, and exactly one problem, at `path`, saying `message`, with no stack trace.
 */
export function expectOneProblem(preset: unknown, path: string, message: string): void {
  const file = tempFile('bad-preset.json', preset);
  const result = liqloop(['validate', file]);
  expect(result.status).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toBe(
    `liqloop: ${file} is not a valid preset (1 problem):\n  ${file}: ${path}: ${message}\n`,
  );
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

/** The round fields the round contract fixes, in its order (the foundation issue). */
export const CONTRACT_ROUND_KEYS = [
  'round',
  'oraclePrice',
  'price',
  'liquidations',
  'collateralSold',
  'debtRepaid',
  'badDebt',
];
