import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CatalogueEntry } from './catalogue.js';
import { PRESETS_DIR, presetIds } from './ids.js';
import type { LoadFailure } from './load.js';
import type { ShadowedPreset } from './shadowed.js';
import { userPresetDirs, type Env } from './user-dirs.js';

// `liqloop list` and the picker without the validator. Loading the shipped presets means building the
// zod schema and checking every file: most of what `list` cost. The build does it once (scripts/bundle.mjs
// writes dist/preset-index.json: the catalogue and a digest of every file under presets/); a run whose
// presets/ has that digest uses the catalogue. Any change under presets/, a user preset, or a run from the
// TypeScript sources (whose code may be newer than the build) loads and checks every file as before.

/** Written by the build beside the bundle; read only from built code. */
export const INDEX_FILE = fileURLToPath(new URL('../../dist/preset-index.json', import.meta.url));

/** What the build writes. */
export interface ShippedIndex {
  readonly digest: string;
  readonly entries: readonly CatalogueEntry[];
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

/** The build's catalogue of the shipped presets when presets/ is as the build saw it; otherwise undefined. */
export function readShippedIndex(
  dir = PRESETS_DIR,
  file = INDEX_FILE,
  fromSources = import.meta.url.endsWith('.ts'),
): readonly CatalogueEntry[] | undefined {
  if (fromSources) return undefined;
  try {
    const index = JSON.parse(readFileSync(file, 'utf8')) as ShippedIndex;
    return index.digest === libraryDigest(dir) ? index.entries : undefined;
  } catch {
    return undefined;
  }
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
