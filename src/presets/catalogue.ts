import { homedir } from 'node:os';
import { sep } from 'node:path';
import { terminalText } from './describe.js';
import type { LoadResult } from './load.js';
import { PRESET_KINDS, type PresetKind } from './kinds.js';
import { userPresetDirs } from './user-dirs.js';

/** A preset as the picker and `liqloop list` show it. */
export interface CatalogueEntry {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly kind: PresetKind;
  /** The lesson set (twins, a trio) the preset belongs to. */
  readonly group?: string;
  /** The preset of the same set this one varies: the set lists it first. */
  readonly variantOf?: string;
  /** A history preset's date, YYYY-MM-DD. */
  readonly date?: string;
  /** Set on the user's own presets (LIQLOOP_PRESETS, ~/.config/liqloop/presets), with their file. */
  readonly source?: 'user';
  readonly file?: string;
}

/**
 * The heading of the user's presets, after the shipped ones, in `liqloop list` and the picker: the
 * folders actually read, in order (LIQLOOP_PRESETS's, then the XDG one: XDG_CONFIG_HOME's when it is set),
 * the home folder written ~, and no control character (a folder's name comes from the environment).
 */
export function userTitle(dirs: readonly string[] = userPresetDirs()): string {
  const home = homedir();
  const shown = dirs.map((d) => (d === home || d.startsWith(home + sep) ? `~${d.slice(home.length)}` : d));
  return terminalText(`Your presets: ${shown.join(', then ')}`);
}

/**
 * The presets that load, in the order they are shown: history first, oldest event first, then lessons,
 * by group (a lesson's twins side by side; presets without a group last); within a group each base before
 * its variants (`variantOf`), siblings by id.
 */
export function catalogue(
  library: readonly LoadResult[],
  user: readonly LoadResult[] = [],
): CatalogueEntry[] {
  const entries: CatalogueEntry[] = library.flatMap((l) => entryOf(l));
  const groupKey = (e: CatalogueEntry) => (e.group === undefined ? '\uffff' : e.group);
  const sorted = entries.sort(
    (a, b) =>
      PRESET_KINDS.indexOf(a.kind) - PRESET_KINDS.indexOf(b.kind) ||
      (a.kind === 'history' ? (a.date ?? '').localeCompare(b.date ?? '') : 0) ||
      groupKey(a).localeCompare(groupKey(b)) ||
      a.id.localeCompare(b.id),
  );
  const shipped: CatalogueEntry[] = [];
  for (let i = 0; i < sorted.length;) {
    let end = i + 1;
    const first = sorted[i]!;
    while (
      end < sorted.length &&
      first.group !== undefined &&
      sorted[end]!.group === first.group &&
      sorted[end]!.kind === first.kind
    )
      end++;
    shipped.push(...basesFirst(sorted.slice(i, end)));
    i = end;
  }
  // The user's presets after every shipped one, in the order of their folders, then by id.
  return [
    ...shipped,
    ...user.flatMap((l) => entryOf(l).map((e) => ({ ...e, source: 'user' as const, file: l.file }))),
  ];
}

/**
 * One set's presets (sorted by id), each base followed by its variants, depth first. A preset whose
 * `variantOf` names no other preset of the set is a base; presets caught in a cycle follow, by id.
 */
export function basesFirst(set: readonly CatalogueEntry[]): CatalogueEntry[] {
  const ids = new Set(set.map((e) => e.id));
  const isBase = (e: CatalogueEntry) =>
    e.variantOf === undefined || e.variantOf === e.id || !ids.has(e.variantOf);
  const variants = new Map<string, CatalogueEntry[]>();
  for (const e of set) {
    if (!isBase(e)) variants.set(e.variantOf!, [...(variants.get(e.variantOf!) ?? []), e]);
  }
  const out: CatalogueEntry[] = [];
  const placed = new Set<string>();
  // An explicit stack: a set is small, but a preset file is untrusted and may chain variants deeply.
  const place = (root: CatalogueEntry) => {
    const stack = [root];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (placed.has(next.id)) continue;
      placed.add(next.id);
      out.push(next);
      stack.push(...(variants.get(next.id) ?? []).filter((v) => !placed.has(v.id)).reverse());
    }
  };
  for (const e of set) if (isBase(e)) place(e);
  for (const e of set) place(e);
  return out;
}

function entryOf(l: LoadResult): CatalogueEntry[] {
  return l.ok
    ? [
        {
          id: l.id,
          name: l.preset.name,
          description: l.preset.description,
          kind: l.preset.kind,
          ...(l.preset.group !== undefined ? { group: l.preset.group } : {}),
          ...(l.preset.variantOf !== undefined ? { variantOf: l.preset.variantOf } : {}),
          ...(l.preset.date !== undefined ? { date: l.preset.date } : {}),
        },
      ]
    : [];
}
