import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { validatePreset, writeFileAtomic } from '../../presets/index.js';
import type { Session } from './session.js';

/** The first free file name for a variant in `dir`: <id>.json, then <id>-2.json, … — never an existing file. */
export function freeName(dir: string, id: string): string {
  for (let n = 1; ; n++) {
    const file = join(dir, n === 1 ? `${id}.json` : `${id}-${n}.json`);
    if (!existsSync(file)) return file;
  }
}

/** Writes a variant as a new preset file in `dir`, validated first, atomically, never over a file. */
export function writeVariant(variant: Session, baseName: string, dir: string): string {
  const preset = {
    ...variant.preset,
    name: `${baseName} (variant)`,
    description: `A variant of "${baseName}" made in the what-if panel. ${variant.preset.description}`,
  };
  const valid = validatePreset(JSON.parse(JSON.stringify(preset)));
  if (!valid.ok)
    return `not written: the variant is not a valid preset (${valid.problems[0]!.path}: ${valid.problems[0]!.message})`;
  const file = freeName(dir, variant.id);
  const problem = writeFileAtomic(file, `${JSON.stringify(preset, null, 2)}\n`, false);
  return problem ? problem.replace(/^liqloop: /, '').trim() : `wrote ${file}`;
}
