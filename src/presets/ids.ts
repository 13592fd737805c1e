import { readdirSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { userPresetDirs, type Env } from './user-dirs.js';

// Preset ids without the validator: the CLI's start (suggestions, completion) needs them before any preset
// is loaded, so this module imports nothing that builds the schema.

/** The presets that ship with liqloop. */
export const PRESETS_DIR = fileURLToPath(new URL('../../presets/', import.meta.url));

/** The ids of the presets in `dir`, sorted. */
export function presetIds(dir = PRESETS_DIR): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => extname(f) === '.json')
      .map((f) => basename(f, '.json'))
      .sort();
  } catch {
    return [];
  }
}

/** A reference to a preset that is taken as a file's path, never as a preset's name. */
export const looksLikePath = (ref: string): boolean =>
  ref.includes('/') || ref.includes('\\') || extname(ref) !== '';

/** Every preset id a name may be: the shipped ones, then the user's, each once (completion, suggestions). */
export function knownPresetIds(env: Env = process.env, shippedDir = PRESETS_DIR): string[] {
  return [...new Set([...presetIds(shippedDir), ...userPresetDirs(env).flatMap((d) => presetIds(d))])];
}
