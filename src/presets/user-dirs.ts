import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The environment the user's preset folders are read from (process.env, or a test's). */
export type Env = Readonly<Record<string, string | undefined>>;

/** The XDG folder of the user's presets, where the dashboard writes variants unless LIQLOOP_PRESETS names one. */
export function configPresetsDir(env: Env = process.env): string {
  const config = env.XDG_CONFIG_HOME?.trim() ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return join(config, 'liqloop', 'presets');
}

/** Every folder searched for user presets, in order, each once. */
export function userPresetDirs(env: Env = process.env): string[] {
  const listed = (env.LIQLOOP_PRESETS ?? '').split(':').filter((d) => d.trim() !== '');
  return [...new Set([...listed, configPresetsDir(env)].map((d) => resolve(d)))];
}

/** Where a new user preset goes: the first folder of LIQLOOP_PRESETS, else the XDG one. */
export const userWriteDir = (env: Env = process.env): string => userPresetDirs(env)[0]!;
