import { escapeText } from '../presets/describe.js';
import {
  STDIN_FILE,
  applyOverrides,
  idOf,
  loadPreset,
  loadRawPreset,
  type Override,
  type OverrideProblem,
  type Preset,
} from '../presets/index.js';
import { formatLoadFailure, problemLines } from './problems.js';

/**
 * How the overrides read in a message: `--set a=1 --set b="x"`. A value is escaped as it is quoted: an
 * override the next one replaces is listed too, unchecked, and may hold any character.
 */
export function describeOverrides(overrides: readonly Override[]): string {
  return overrides.map((o) => `${o.source} ${o.path}=${escapeText(JSON.stringify(o.value))}`).join(' ');
}

/**
 * Every problem of a preset made invalid (or left invalid) by overrides, one line when there is one:
 * `liqloop: thin-pool (with --set) is not a valid preset: market.depth2pct: expected …, got -1 (from --set)`.
 */
export function formatOverrideFailure(
  ref: string,
  label: string,
  problems: readonly OverrideProblem[],
): string {
  const line = (p: OverrideProblem) =>
    `${p.path ? `${p.path}: ` : ''}${p.message}${p.from ? ` (from ${p.from})` : ''}`;
  const head = `liqloop: ${ref} (with ${label}) is not a valid preset`;
  if (problems.length === 1) return `${head}: ${line(problems[0]!)}\n`;
  return `${head} (${problems.length.toLocaleString('en-US')} problems):\n${problemLines(problems.map(line))}`;
}

/** `id` is the preset's id (its file name without .json), null for a preset read from stdin. */
export type VariantResult = { ok: true; preset: Preset; id: string | null } | { ok: false; message: string };

const presetIdOf = (file: string): string | null => (file === STDIN_FILE ? null : idOf(file));

/**
 * Loads a preset and applies overrides to its raw JSON before validation. Without overrides it is
 * exactly `loadPreset`, with the same messages.
 */
export function loadVariant(ref: string, overrides: readonly Override[], label = '--set'): VariantResult {
  if (overrides.length === 0) {
    const loaded = loadPreset(ref);
    return loaded.ok
      ? { ok: true, preset: loaded.preset, id: presetIdOf(loaded.file) }
      : { ok: false, message: formatLoadFailure(loaded) };
  }
  const raw = loadRawPreset(ref);
  if (!raw.ok) return { ok: false, message: formatLoadFailure(raw) };
  const applied = applyOverrides(raw.raw, overrides);
  return applied.ok
    ? { ...applied, id: presetIdOf(raw.file) }
    : { ok: false, message: formatOverrideFailure(ref, label, applied.problems) };
}

/** Loads a preset's raw JSON once, for many variants (a sweep). */
export function loadBase(
  ref: string,
): { ok: true; raw: unknown; id: string | null } | { ok: false; message: string } {
  const raw = loadRawPreset(ref);
  return raw.ok
    ? { ok: true, raw: raw.raw, id: presetIdOf(raw.file) }
    : { ok: false, message: formatLoadFailure(raw) };
}
