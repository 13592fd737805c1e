import { readFileSync } from 'node:fs';

/** liqloop's version, from the package.json that ships beside `dist/` (one source for --version and --json). */
export const LIQLOOP_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/**
 * The version of the JSON output's shape. Fields are only ever added within a version; one would change
 * meaning or go only with a new version (the project promises never to need one).
 */
export const OUTPUT_SCHEMA_VERSION = 1;

/** What every `--json` object carries beside its fields: the shape's version, liqloop's, the preset's id. */
export function outputMeta(presetId: string | null) {
  return { schemaVersion: OUTPUT_SCHEMA_VERSION, liqloopVersion: LIQLOOP_VERSION, presetId };
}
