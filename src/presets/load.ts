import { basename, extname, join, resolve } from 'node:path';
import { PRESETS_DIR, looksLikePath, presetIds } from './ids.js';
import { parseJson, validatePreset } from './parse.js';
import { inlinePathFile } from './price-path.js';
import { STDIN_FILE, readText } from './read.js';

export { PRESETS_DIR, STDIN_FILE, presetIds, readText };
import { closest, type Problem } from './problems.js';
import { quote } from './describe.js';
import { userPresetDirs } from './user-dirs.js';
import type { Preset } from './schema/index.js';

export interface LoadedPreset {
  /** The file name without `.json`. */
  readonly id: string;
  readonly file: string;
  readonly preset: Preset;
}

/** Why a preset could not be loaded: the file (as the user named it) and every problem in it. */
export interface LoadFailure {
  readonly file: string;
  readonly problems: readonly Problem[];
  /** The reference is neither a preset's name nor a file: the one problem says so, naming it. */
  readonly unknownName?: true;
}

export type LoadResult = ({ ok: true } & LoadedPreset) | ({ ok: false } & LoadFailure);

/** A preset's id: its file name without `.json`; `stdin` for one read from standard input. */
export const idOf = (file: string): string => (file === STDIN_FILE ? 'stdin' : basename(file, extname(file)));

/** Loads and validates a preset file (`STDIN_FILE` reads standard input). */
export function loadPresetFile(file: string): LoadResult {
  const read = readText(file);
  if (!read.ok) return { ok: false, file, problems: [{ path: '', message: read.reason }] };
  const json = parseJson(read.text);
  if (!json.ok) return { ok: false, file, problems: json.problems };
  const inlined = inlinePathFile(json.value, file);
  if (!inlined.ok) return { ok: false, file, problems: inlined.problems };
  const parsed = validatePreset(inlined.raw);
  if (!parsed.ok) return { ok: false, file, problems: parsed.problems };
  return { ok: true, id: idOf(file), file, preset: parsed.preset };
}

/**
 * Loads a preset by the name of a file in `presets/` or a user folder (without `.json`), by a path, or from standard input
 * (`-`). An unknown name gets the closest known one.
 */
export function loadPreset(ref: string, dir = PRESETS_DIR, userDirs = userPresetDirs()): LoadResult {
  if (ref === '-') return loadPresetFile(STDIN_FILE);
  if (looksLikePath(ref)) return loadPresetFile(ref);
  const file = join(dir, `${ref}.json`);
  const known = presetIds(dir);
  if (known.includes(ref)) return loadPresetFile(file);
  // Then the user's folders, in order (LIQLOOP_PRESETS, then ~/.config/liqloop/presets).
  for (const userDir of userDirs)
    if (presetIds(userDir).includes(ref)) return loadPresetFile(join(userDir, `${ref}.json`));
  // A bare name that is also a file in the working directory is taken as that file.
  if (readText(resolve(ref)).ok) return loadPresetFile(ref);
  const suggestion = closest(ref, [...known, ...userDirs.flatMap((d) => presetIds(d))]);
  return {
    ok: false,
    file: ref,
    unknownName: true,
    problems: [
      {
        path: '',
        message:
          `no preset named ${quote(ref, 80)} and no such file` +
          (suggestion ? `; did you mean ${quote(suggestion)}?` : ''),
      },
    ],
  };
}

/** Every shipped preset, in id order. A broken file is reported, not skipped. */
export function loadLibrary(dir = PRESETS_DIR): LoadResult[] {
  return presetIds(dir).map((id) => loadPresetFile(join(dir, `${id}.json`)));
}
