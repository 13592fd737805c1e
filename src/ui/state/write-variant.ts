import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../../engine/index.js';
import { validatePreset, writeFileAtomic } from '../../presets/index.js';
import { changedParams, valueAt, valueText, type Param } from '../params.js';
import type { PresetEntry } from './reducer.js';
import type { Session } from './session.js';
import { withoutWhatIfHints } from '../helpers/variant-text.js';

/** The first free file name for a variant in `dir`: <id>.json, then <id>-2.json, … — never an existing file. */
export function freeName(dir: string, id: string): string {
  for (let n = 1; ; n++) {
    const file = join(dir, n === 1 ? `${id}.json` : `${id}-${n}.json`);
    if (!existsSync(file)) return file;
  }
}

/** What describeChanges says of two presets with the same levers. */
export const NO_LEVER_CHANGED = 'no lever changed';

/** What the what-if panel changed, lever by lever: "shock size 10% → 20%, market depth (±2%) 3M → 6M". */
export function describeChanges(before: Scenario, after: Scenario): string {
  const shown = (param: Param, preset: Scenario) =>
    param.read ? param.read(preset) : valueText(param, preset, valueAt(preset, param.path));
  const changes = changedParams(before, after).map(
    (param) => `${param.label} ${shown(param, before)} → ${shown(param, after)}`,
  );
  return changes.length ? changes.join(', ') : NO_LEVER_CHANGED;
}

export interface Written {
  readonly text: string;
  /** The new preset as the picker lists it, so that it shows at once. */
  readonly entry?: PresetEntry;
}

/**
 * Writes a variant as a new user preset in `dir` (created if missing; the first user preset folder by
 * default), validated first, atomically, never over a file. Its name and description say what changed.
 */
export function writeVariant(original: Session, variant: Session, dir: string): Written {
  const changes = describeChanges(original.preset, variant.preset);
  const { $schema: _schema, ...fields } = variant.preset as Scenario & { $schema?: string };
  const preset = {
    ...fields,
    name: `${original.id} with ${changes}`,
    description: `${original.id} with ${changes}, made in the what-if panel. ${withoutWhatIfHints(original.preset.description)}`,
  };
  const valid = validatePreset(JSON.parse(JSON.stringify(preset)));
  if (!valid.ok)
    return {
      text: `not written: the variant is not a valid preset (${valid.problems[0]!.path}: ${valid.problems[0]!.message})`,
    };
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    return {
      text: `not written: cannot create ${dir} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    };
  }
  const file = freeName(dir, variant.id);
  const problem = writeFileAtomic(file, `${JSON.stringify(preset, null, 2)}\n`, false);
  if (problem) return { text: problem.replace(/^liqloop: /, '').trim() };
  const id = file.slice(dir.length + 1, -'.json'.length);
  return {
    text: `wrote ${file}`,
    entry: {
      id,
      name: preset.name,
      description: preset.description,
      kind: valid.preset.kind,
      source: 'user',
    },
  };
}
