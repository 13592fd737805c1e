import { KIND_TITLES, userTitle } from '../../presets/index.js';

/** What the picker needs of a preset to list it under its heading. */
export interface PickerEntry {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly kind?: 'history' | 'lesson';
  readonly group?: string;
  readonly source?: 'user';
}

/** One row of the picker's list: a kind's heading (as in `liqloop list`), a set's heading, or a preset. */
export type PickerRow =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'group'; readonly text: string }
  | { readonly kind: 'entry'; readonly index: number; readonly grouped: boolean };

/**
 * The entries a filter keeps, as indices into `entries`: every word of the query (case-insensitive)
 * appears in the id, the name or the description. No query (or only spaces) keeps every entry.
 */
export function matchingEntries(entries: readonly PickerEntry[], query: string | undefined): number[] {
  const words = (query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const kept: number[] = [];
  entries.forEach((e, i) => {
    const text = `${e.id}\n${e.name}\n${e.description}`.toLowerCase();
    if (words.every((w) => text.includes(w))) kept.push(i);
  });
  return kept;
}

const sectionOf = (e: PickerEntry) => (e.source === 'user' ? 'user' : (e.kind ?? 'lesson'));

/** The list as drawn: each section's heading, each lesson set's heading, then its presets. */
export function pickerRows(entries: readonly PickerEntry[], matches: readonly number[]): PickerRow[] {
  const rows: PickerRow[] = [];
  let section: string | undefined;
  let group: string | undefined;
  for (const index of matches) {
    const e = entries[index]!;
    const s = sectionOf(e);
    if (s !== section) {
      rows.push({ kind: 'title', text: s === 'user' ? userTitle() : KIND_TITLES[s] });
      section = s;
      group = undefined;
    }
    const g = s === 'user' ? undefined : e.group;
    if (g !== undefined && g !== group) rows.push({ kind: 'group', text: g });
    group = g;
    rows.push({ kind: 'entry', index, grouped: g !== undefined });
  }
  return rows;
}

/**
 * The first row shown so that row `row` is in a window of `size` rows, moving the window from `offset`
 * as little as it can; the headings right above a row come into view with it.
 */
export function followRow(rows: readonly PickerRow[], offset: number, row: number, size: number): number {
  const n = Math.max(1, size);
  let top = row;
  while (top > 0 && rows[top - 1]!.kind !== 'entry' && row - top + 1 < n) top--;
  let at = offset;
  if (top < at) at = top;
  if (row >= at + n) at = row - n + 1;
  return Math.max(0, Math.min(at, rows.length - n));
}

/** The row of entry `index`, or -1 when the filter hides it. */
export const rowOf = (rows: readonly PickerRow[], index: number) =>
  rows.findIndex((r) => r.kind === 'entry' && r.index === index);
