import { describe, expect, it } from 'vitest';
import { KIND_TITLES, userTitle } from '../../src/presets/index.js';
import {
  followRow,
  matchingEntries,
  pickerRows,
  rowOf,
  type PickerEntry,
} from '../../src/ui/helpers/picker-rows.js';
import type { KeyEvent } from '../../src/ui/hooks/useKeys.js';
import { pickerKey, type PickerDraft } from '../../src/ui/state/picker.js';

const entry = (id: string, more: Partial<PickerEntry> = {}): PickerEntry => ({
  id,
  name: `Name of ${id}`,
  description: `About ${id}.`,
  kind: 'lesson',
  ...more,
});
const ENTRIES: PickerEntry[] = [
  entry('crash-2020', { kind: 'history', description: 'ETH slides under the vaults' }),
  entry('spot', { group: 'Oracle: spot vs TWAP' }),
  entry('twap', { group: 'Oracle: spot vs TWAP', description: 'A time-weighted average.' }),
  entry('loner'),
  entry('mine', { source: 'user' }),
];

const char = (c: string): KeyEvent => ({ kind: 'char', char: c });
const special = (name: Extract<KeyEvent, { kind: 'special' }>['name']): KeyEvent => ({
  kind: 'special',
  name,
});
function keys(state: PickerDraft, ...events: KeyEvent[]): PickerDraft {
  for (const e of events) pickerKey(state, e);
  return state;
}
const fresh = (rows = 3): PickerDraft => ({
  entries: ENTRIES,
  highlighted: 0,
  pickerOffset: 0,
  pickerRows: rows,
});

describe('picker rows', () => {
  it('a heading per kind (as in liqloop list), one per set, the user presets last under theirs', () => {
    const rows = pickerRows(ENTRIES, matchingEntries(ENTRIES, undefined));
    expect(rows).toEqual([
      { kind: 'title', text: KIND_TITLES.history },
      { kind: 'entry', index: 0, grouped: false },
      { kind: 'title', text: KIND_TITLES.lesson },
      { kind: 'group', text: 'Oracle: spot vs TWAP' },
      { kind: 'entry', index: 1, grouped: true },
      { kind: 'entry', index: 2, grouped: true },
      { kind: 'entry', index: 3, grouped: false },
      { kind: 'title', text: userTitle() },
      { kind: 'entry', index: 4, grouped: false },
    ]);
  });

  it('the filter: every word, case-insensitive, in the id, the name or the description', () => {
    // The set's name is not searched: spot's TWAP is only in its heading.
    expect(matchingEntries(ENTRIES, 'TWAP')).toEqual([2]);
    expect(matchingEntries(ENTRIES, 'NAME OF')).toEqual([0, 1, 2, 3, 4]);
    expect(matchingEntries(ENTRIES, 'time-weighted')).toEqual([2]);
    expect(matchingEntries(ENTRIES, 'eth vaults')).toEqual([0]);
    expect(matchingEntries(ENTRIES, 'eth nothing')).toEqual([]);
    expect(matchingEntries(ENTRIES, '  ')).toEqual([0, 1, 2, 3, 4]);
    // Only the sets that keep a preset keep their heading.
    expect(pickerRows(ENTRIES, [2]).map((r) => r.kind)).toEqual(['title', 'group', 'entry']);
  });

  it('followRow scrolls as little as it can, and brings a set heading into view with its first preset', () => {
    const rows = pickerRows(ENTRIES, matchingEntries(ENTRIES, undefined));
    expect(followRow(rows, 0, rowOf(rows, 0), 3)).toBe(0);
    // Down to `loner` (row 6) in a 3-row window: rows 4–6.
    expect(followRow(rows, 0, rowOf(rows, 3), 3)).toBe(4);
    // Back up to `spot` (row 4): its set's heading and the kind's heading above it come too.
    expect(followRow(rows, 4, rowOf(rows, 1), 3)).toBe(2);
    // Never past the end.
    expect(followRow(rows, 50, rowOf(rows, 4), 3)).toBe(rows.length - 3);
  });
});

describe('picker keys', () => {
  it('↓/j and ↑/k one preset (wrapping), PgDn/PgUp a page less one, Home/End and g/G the ends', () => {
    expect(keys(fresh(), special('down'), char('j')).highlighted).toBe(2);
    expect(keys(fresh(), char('k')).highlighted).toBe(4);
    expect(keys(fresh(3), special('pagedown')).highlighted).toBe(2);
    expect(keys(fresh(3), special('pagedown'), special('pagedown'), special('pagedown')).highlighted).toBe(4);
    expect(keys(fresh(3), special('end'), special('pageup')).highlighted).toBe(2);
    expect(keys(fresh(), char('G')).highlighted).toBe(4);
    expect(keys(fresh(), char('G'), char('g')).highlighted).toBe(0);
    const end = keys(fresh(3), special('end'));
    expect(end.pickerOffset).toBe(6);
    expect(keys(end, special('home')).pickerOffset).toBe(0);
  });

  it('/ then letters filter live (q and j are letters then); Backspace edits, Esc clears; Enter opens', () => {
    const state = keys(fresh(), char('/'), char('t'), char('w'));
    expect(state.filter).toBe('tw');
    // The highlighted preset was filtered out: the first match is highlighted.
    expect(state.highlighted).toBe(2);
    expect(pickerKey(state, char('q'))).toBe(true);
    expect(state.filter).toBe('twq');
    keys(state, special('backspace'), char('j'));
    expect(state.filter).toBe('twj');
    keys(state, special('backspace'), special('escape'));
    expect(state.filter).toBeUndefined();
    expect(state.highlighted).toBe(2);
    keys(state, char('/'), char('s'), char('p'), char('o'), special('enter'));
    expect(state.pendingOpen).toBe('spot');
    // Enter with nothing matching opens nothing; Backspace on an empty filter closes it.
    const none = keys(fresh(), char('/'), char('z'), special('enter'));
    expect(none.pendingOpen).toBeUndefined();
    keys(none, special('backspace'), special('backspace'));
    expect(none.filter).toBeUndefined();
    // Without a filter, q and ? are the app's (quit, help); Ctrl-C is the app's while typing too.
    expect(pickerKey(fresh(), char('q'))).toBe(false);
    expect(pickerKey(fresh(), char('?'))).toBe(false);
    expect(pickerKey(keys(fresh(), char('/')), special('ctrl-c'))).toBe(false);
    // ? opens the help while filtering too (the footer says so), and is not typed.
    const filtering = keys(fresh(), char('/'), char('t'));
    expect(pickerKey(filtering, char('?'))).toBe(false);
    expect(filtering.filter).toBe('t');
  });
});
