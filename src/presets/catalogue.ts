import type { LoadResult } from './load.js';
import { PRESET_KINDS, type PresetKind } from './kinds.js';

/** A preset as the picker and `liqloop list` show it. */
export interface CatalogueEntry {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly kind: PresetKind;
  /** The lesson set (twins, a trio) the preset belongs to. */
  readonly group?: string;
  /** A history preset's date, YYYY-MM-DD. */
  readonly date?: string;
  /** Set on the user's own presets (LIQLOOP_PRESETS, ~/.config/liqloop/presets), with their file. */
  readonly source?: 'user';
  readonly file?: string;
}

/** The heading of the user's presets, after the shipped ones, in `liqloop list` and the picker. */
export const USER_TITLE = 'Your presets: LIQLOOP_PRESETS, then ~/.config/liqloop/presets';

/**
 * The presets that load, in the order they are shown: history first, oldest event first, then lessons,
 * by group (a lesson's twins side by side; presets without a group last), then by id.
 */
export function catalogue(
  library: readonly LoadResult[],
  user: readonly LoadResult[] = [],
): CatalogueEntry[] {
  const entries: CatalogueEntry[] = library.flatMap((l) => entryOf(l));
  const groupKey = (e: CatalogueEntry) => (e.group === undefined ? '\uffff' : e.group);
  const shipped = entries.sort(
    (a, b) =>
      PRESET_KINDS.indexOf(a.kind) - PRESET_KINDS.indexOf(b.kind) ||
      (a.kind === 'history' ? (a.date ?? '').localeCompare(b.date ?? '') : 0) ||
      groupKey(a).localeCompare(groupKey(b)) ||
      a.id.localeCompare(b.id),
  );
  // The user's presets after every shipped one, in the order of their folders, then by id.
  return [
    ...shipped,
    ...user.flatMap((l) => entryOf(l).map((e) => ({ ...e, source: 'user' as const, file: l.file }))),
  ];
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
          ...(l.preset.date !== undefined ? { date: l.preset.date } : {}),
        },
      ]
    : [];
}
