import type { KeyEvent } from '../hooks/useKeys.js';
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

/** A key's move through the list: ±1, a page, or to either end. */
type Move = 'up' | 'down' | 'pageup' | 'pagedown' | 'home' | 'end';

function moveOf(key: KeyEvent, typing: boolean): Move | undefined {
  if (key.kind === 'special') {
    const { name } = key;
    return name === 'up' ||
      name === 'down' ||
      name === 'pageup' ||
      name === 'pagedown' ||
      name === 'home' ||
      name === 'end'
      ? name
      : undefined;
  }
  // Letters move only while no filter is being typed: then they are part of it.
  if (typing) return undefined;
  return ({ k: 'up', j: 'down', g: 'home', G: 'end' } as const)[key.char as 'k' | 'j' | 'g' | 'G'];
}

/**
 * A key in the picker: moving (↑/↓, j/k, PgUp/PgDn, Home/End, g/G), `/` and the filter typed after it
 * (Backspace, Esc clears it), Enter to open. Returns false for a key the picker leaves to the app (q, ?).
 */
export function pickerKey(state: PickerDraft, key: KeyEvent): boolean {
  const typing = state.filter !== undefined;
  const matches = matchingEntries(state.entries, state.filter);
  const move = moveOf(key, typing);
  if (move) {
    if (matches.length > 0) moveTo(state, matches, move);
    return true;
  }
  if (key.kind === 'special' && key.name === 'enter') {
    if (matches.includes(state.highlighted)) state.pendingOpen = state.entries[state.highlighted]!.id;
    return true;
  }
  if (!typing) {
    if (key.kind === 'char' && key.char === '/') {
      state.filter = '';
      return true;
    }
    return false;
  }
  if (key.kind === 'special' && key.name === 'escape') {
    state.filter = undefined;
    follow(state);
    return true;
  }
  if (key.kind === 'special' && key.name === 'backspace') {
    state.filter = state.filter!.length > 0 ? Array.from(state.filter!).slice(0, -1).join('') : undefined;
    follow(state);
    return true;
  }
  if (key.kind === 'char') {
    state.filter = `${state.filter!}${key.char}`;
    follow(state);
    return true;
  }
  // Ctrl-C still quits while typing.
  return key.name === 'ctrl-c' ? false : true;
}

/** Moves the highlight through the entries the filter keeps (↑/↓ wrap around; pages and ends stop). */
function moveTo(state: PickerDraft, matches: readonly number[], move: Move): void {
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
