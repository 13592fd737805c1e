import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CatalogueEntry } from './catalogue.js';
import type { PresetCounts } from './counts.js';
import { PRESETS_DIR, looksLikePath, presetIds } from './ids.js';
import type { LoadFailure } from './load.js';
import type { ShadowedPreset } from './shadowed.js';
import { userPresetDirs, type Env } from './user-dirs.js';

// `liqloop list` and the picker without the validator. Loading the shipped presets means building the
// zod schema and checking every file: most of what `list` cost. The build does it once (scripts/bundle.mjs
// writes dist/preset-index.json: the catalogue and a digest of every file under presets/); a run whose
// presets/ has that digest uses the catalogue. Any change under presets/, a user preset, or a run from the
// TypeScript sources (whose code may be newer than the build) loads and checks every file as before.
// `liqloop validate <shipped name>` likewise: the build found every shipped preset valid (it writes no
// index otherwise), so while presets/ has the build's digest, the same bytes get the same verdict and the
// index's counts say what the validator would print.

/** Written by the build beside the bundle; read only from built code. */
export const INDEX_FILE = fileURLToPath(new URL('../../dist/preset-index.json', import.meta.url));

/** What the build writes. */
export interface ShippedIndex {
  readonly digest: string;
  readonly entries: readonly CatalogueEntry[];
  /** What `liqloop validate` reports of each shipped preset, by id (absent from older builds' index). */
  readonly counts?: Readonly<Record<string, PresetCounts>>;
}

/**
 * SHA-256 over every name under `dir` (recursively, sorted) and every regular file's bytes: any file added,
 * removed, renamed or edited changes it. Links are followed, as loading follows them.
 */
export function libraryDigest(dir = PRESETS_DIR): string {
  const hash = createHash('sha256');
  const walk = (folder: string, prefix: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const stat = statSync(path);
      hash.update(`${prefix}${name}\0${stat.isDirectory() ? 'dir' : stat.isFile() ? stat.size : 'other'}\0`);
      if (stat.isDirectory()) walk(path, `${prefix}${name}/`);
      else if (stat.isFile()) hash.update(readFileSync(path));
    }
  };
  walk(dir, '');
  return hash.digest('hex');
}

const FROM_SOURCES = import.meta.url.endsWith('.ts');

/** The build's index when presets/ is as the build saw it; otherwise undefined. */
function readIndex(dir: string, file: string, fromSources: boolean): ShippedIndex | undefined {
  if (fromSources) return undefined;
  try {
    const index = JSON.parse(readFileSync(file, 'utf8')) as ShippedIndex;
    return index.digest === libraryDigest(dir) ? index : undefined;
  } catch {
    return undefined;
  }
}

/** The build's catalogue of the shipped presets when presets/ is as the build saw it; otherwise undefined. */
export function readShippedIndex(
  dir = PRESETS_DIR,
  file = INDEX_FILE,
  fromSources = FROM_SOURCES,
): readonly CatalogueEntry[] | undefined {
  return readIndex(dir, file, fromSources)?.entries;
}

/**
 * What validating `ref` gives, from the build's index, when `ref` names a shipped preset (as
 * `loadPreset` resolves it: a bare name of a file in `dir`, which comes before the user's folders) and
 * presets/ is as the build saw it; otherwise undefined, and the preset is to be loaded and checked.
 */
export function shippedCounts(
  ref: string,
  dir = PRESETS_DIR,
  file = INDEX_FILE,
  fromSources = FROM_SOURCES,
): PresetCounts | undefined {
  if (fromSources || ref === '-' || looksLikePath(ref) || !presetIds(dir).includes(ref)) return undefined;
  const counts = readIndex(dir, file, fromSources)?.counts;
  return counts && Object.hasOwn(counts, ref) ? counts[ref] : undefined;
}

/** The picker's and `liqloop list`'s presets, with the files that failed to load and the shadowed ones. */
export interface Catalogue {
  readonly entries: readonly CatalogueEntry[];
  readonly failures: readonly LoadFailure[];
  readonly shadowed: readonly ShadowedPreset[];
}

/** The catalogue: from the build's index when it holds and there are no user presets; else every file loaded. */
export async function loadCatalogue(env: Env = process.env): Promise<Catalogue> {
  const shipped = readShippedIndex();
  if (shipped && userPresetDirs(env).every((d) => presetIds(d).length === 0))
    return { entries: shipped, failures: [], shadowed: [] };
  const [{ loadLibrary }, { loadUserLibrary }, { catalogue }] = await Promise.all([
    import('./load.js'),
    import('./user.js'),
    import('./catalogue.js'),
  ]);
  const library = loadLibrary();
  const user = loadUserLibrary(env);
  const failures = [...library, ...user.presets].flatMap((l) => (l.ok ? [] : [l]));
  return { entries: catalogue(library, user.presets), failures, shadowed: user.shadowed };
}
