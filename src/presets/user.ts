import { join, resolve } from 'node:path';
import { PRESETS_DIR, loadPresetFile, presetIds, type LoadResult } from './load.js';
import type { ShadowedPreset } from './shadowed.js';
import { userPresetDirs, type Env } from './user-dirs.js';

export { knownPresetIds } from './ids.js';
export { describeShadowed, type ShadowedPreset } from './shadowed.js';

/**
 * The user's own presets: the folders of `LIQLOOP_PRESETS` (separated by ":"), then
 * `$XDG_CONFIG_HOME/liqloop/presets` (`~/.config/liqloop/presets` by default). They come after the shipped
 * presets everywhere, and never take a shipped preset's id: such a file is reported, not run by name.
 */

export interface UserLibrary {
  /** The user presets that load or fail, each id once, in folder order, then by id. */
  readonly presets: readonly LoadResult[];
  readonly shadowed: readonly ShadowedPreset[];
}

/** The user's presets from every folder; an id already taken (shipped, or by an earlier folder) is reported. */
export function loadUserLibrary(env: Env = process.env, shippedDir = PRESETS_DIR): UserLibrary {
  const taken = new Map<string, { file: string; shipped: boolean }>(
    presetIds(shippedDir).map((id) => [id, { file: join(shippedDir, `${id}.json`), shipped: true }]),
  );
  const presets: LoadResult[] = [];
  const shadowed: ShadowedPreset[] = [];
  for (const dir of userPresetDirs(env)) {
    if (resolve(dir) === resolve(shippedDir)) continue;
    for (const id of presetIds(dir)) {
      const file = join(dir, `${id}.json`);
      const owner = taken.get(id);
      if (owner) shadowed.push({ id, file, by: owner.file, shipped: owner.shipped });
      else {
        taken.set(id, { file, shipped: false });
        presets.push(loadPresetFile(file));
      }
    }
  }
  return { presets, shadowed };
}
