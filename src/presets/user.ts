import { join, resolve } from 'node:path';
import { PRESETS_DIR, loadPresetFile, presetIds, type LoadResult } from './load.js';
import { userPresetDirs, type Env } from './user-dirs.js';

/**
 * The user's own presets: the folders of `LIQLOOP_PRESETS` (separated by ":"), then
 * `$XDG_CONFIG_HOME/liqloop/presets` (`~/.config/liqloop/presets` by default). They come after the shipped
 * presets everywhere, and never take a shipped preset's id: such a file is reported, not run by name.
 */
/** A user preset file that is not run by its name, because an earlier preset has that id. */
export interface ShadowedPreset {
  readonly id: string;
  readonly file: string;
  /** The file that has the id: a shipped preset's, or an earlier user folder's. */
  readonly by: string;
  readonly shipped: boolean;
}

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

/** How a shadowed file is reported (list, the picker's message). */
export function describeShadowed(s: ShadowedPreset): string {
  return (
    `${s.file} has the id "${s.id}" of ${s.shipped ? 'a shipped preset' : `an earlier user preset (${s.by})`}, ` +
    `so liqloop ${s.id} opens that one; rename the file to use it by name`
  );
}

/** Every preset id a name may be: the shipped ones, then the user's, each once (completion, suggestions). */
export function knownPresetIds(env: Env = process.env, shippedDir = PRESETS_DIR): string[] {
  return [...new Set([...presetIds(shippedDir), ...userPresetDirs(env).flatMap((d) => presetIds(d))])];
}
