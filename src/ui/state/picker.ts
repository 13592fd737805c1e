import type { KeyEvent } from '../hooks/useKeys.js';
import { FILTER_KEYS, PICKER_KEYS, listAction, type ListMove } from '../list-keys.js';
import { followRow, matchingEntries, pickerRows, rowOf, type PickerEntry } from '../helpers/picker-rows.js';

/** The picker's part of the app state, as the reducer's draft holds it. */
export interface PickerDraft {
  entries: readonly PickerEntry[];
  /** The highlighted entry, an index into `entries`. */
  highlighted: number;
  /** The filter being typed after `/` (undefined: no filter, every preset listed). */
  filter?: string;
  /** The first list row shown. */
  pickerOffset: number;
  /** How many list rows the picker last drew (PgUp/PgDn move by this many, less one). */
  pickerRows: number;
  pendingOpen?: string;
}

/**
 * A key in the picker (its table, PICKER_KEYS and FILTER_KEYS, is also its help): moving, `/` and the
 * filter typed after it, Enter to open. Returns false for a key the picker leaves to the app: q and ?
 * (while the filter is typed, ? still opens the help, and Ctrl-C quits: q is typed).
 */
export function pickerKey(state: PickerDraft, key: KeyEvent): boolean {
  const typing = state.filter !== undefined;
  if (key.kind === 'char' && key.char === '?') return false;
  const matches = matchingEntries(state.entries, state.filter);
  // Letters move only while no filter is being typed: then they are part of it.
  const action = listAction(PICKER_KEYS, key, { chars: !typing });
  if (action === 'open') {
    if (matches.includes(state.highlighted)) state.pendingOpen = state.entries[state.highlighted]!.id;
    return true;
  }
  if (action === 'filter') {
    state.filter = '';
    return true;
  }
  if (action) {
    if (matches.length > 0) moveTo(state, matches, action);
    return true;
  }
  if (!typing) return false;
  const edit = listAction(FILTER_KEYS, key);
  if (edit === 'clear') state.filter = undefined;
  else if (edit === 'erase')
    state.filter = state.filter!.length > 0 ? Array.from(state.filter!).slice(0, -1).join('') : undefined;
  else if (key.kind === 'char') state.filter = `${state.filter!}${key.char}`;
  // Ctrl-C still quits while typing; other special keys do nothing.
  else return key.name !== 'ctrl-c';
  follow(state);
  return true;
}

/** Moves the highlight through the entries the filter keeps (↑/↓ wrap around; pages and ends stop). */
function moveTo(state: PickerDraft, matches: readonly number[], move: ListMove): void {
  const count = matches.length;
  const at = Math.max(0, matches.indexOf(state.highlighted));
  const page = Math.max(1, state.pickerRows - 1);
  const next =
    move === 'up'
      ? (at - 1 + count) % count
      : move === 'down'
        ? (at + 1) % count
        : move === 'pageup'
          ? Math.max(0, at - page)
          : move === 'pagedown'
            ? Math.min(count - 1, at + page)
            : move === 'home'
              ? 0
              : count - 1;
  state.highlighted = matches[next]!;
  follow(state);
}

/**
 * After the filter or the highlight changed: the highlight on an entry the filter keeps (the first one if
 * it hid the highlighted), and the list scrolled to show it.
 */
export function follow(state: PickerDraft): void {
  const matches = matchingEntries(state.entries, state.filter);
  if (matches.length > 0 && !matches.includes(state.highlighted)) state.highlighted = matches[0]!;
  const rows = pickerRows(state.entries, matches);
  const row = rowOf(rows, state.highlighted);
  state.pickerOffset = row < 0 ? 0 : followRow(rows, state.pickerOffset, row, state.pickerRows);
}
