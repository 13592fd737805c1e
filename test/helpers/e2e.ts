// What the dashboard's pseudo-terminal tests share: the sizes they read the screen at, how they start the
// app, load a preset to check figures against, and quit.
import { expect } from 'vitest';
import type { Scenario } from '../../src/engine/index.js';
import { loadPreset } from '../../src/presets/index.js';
import { CLI, ROOT } from './cli.js';
import { spawnInPty, type PtyOptions, type PtyScreen } from './pty.js';

/** The first frame needs Node, Ink and React loaded: allow for a machine shared with other test runs. */
export const START_MS = 30_000;

/** The two sizes every screen is read at. */
export const SIZES = [
  { cols: 80, rows: 24 },
  { cols: 120, rows: 36 },
] as const;

/** The built app in a pseudo-terminal, from the project's root. */
export const app = (args: string[], options: PtyOptions) =>
  spawnInPty(process.execPath, [CLI, ...args], { cwd: ROOT, ...options });

/** A shipped preset, to check the screen against the engine's figures. */
export function load(id: string): Scenario {
  const loaded = loadPreset(id);
  if (!loaded.ok) throw new Error(`preset ${id} did not load`);
  return loaded.preset;
}

/** Quits with q and expects a clean exit. */
export const quit = async (s: PtyScreen) => {
  s.write('q');
  expect((await s.waitForExit()).exitCode).toBe(0);
};
