/**
 * The help overlay's text for each screen: the keys of the screen the user is on first, then the
 * others that screen leads to. Lines are wrapped here, the description under its own column, so that
 * the overlay fits any width and scrolls by whole lines.
 */
import wrapAnsi from 'wrap-ansi';
import { BINDINGS } from './keys.js';
import { FILTER_KEYS, HELP_KEYS, PANE_KEYS, PICKER_KEYS, keyLabel, type ListBinding } from './list-keys.js';

/** The screen the user is on, for its footer and its help. */
export type Screen = 'picker' | 'dashboard' | 'what-if' | 'sweep' | 'record';

/** What decides the screen: the app's mode, the panel, a sweep, the record. */
export interface ScreenOf {
  readonly mode: 'picker' | 'dashboard';
  readonly panel?: unknown;
  readonly sweep?: unknown;
  readonly record: boolean;
}

export function screenOf(state: ScreenOf): Screen {
  if (state.mode === 'picker') return 'picker';
  if (state.panel) return 'what-if';
  if (state.sweep) return 'sweep';
  return state.record ? 'record' : 'dashboard';
}

interface Section {
  readonly title: string;
  readonly keys: readonly (readonly [string, string])[];
}

/** A table's rows in the help: each binding's keys as the routing reads them, and what it does. */
const rowsOf = (table: readonly ListBinding<string>[]) =>
  table.map((b) => [keyLabel(b), b.description] as const);

const PICKER: Section = {
  title: 'Picker',
  keys: [
    ...rowsOf(PICKER_KEYS),
    ['?', 'this help (while filtering too)'],
    ['q/Ctrl-C', 'quit (while filtering q is typed: Ctrl-C quits)'],
  ],
};

const FILTER: Section = {
  title: 'Filter (after /)',
  keys: [
    ['letters', 'go to the filter, q, j, k, g and G too'],
    ...rowsOf(FILTER_KEYS),
    ['↑/↓, Enter', 'still move through the presets kept, and open one'],
  ],
};

const DASHBOARD: Section = {
  title: 'Dashboard',
  keys: BINDINGS.map((b) => [b.label, b.description] as const),
};

const PANES: Section = {
  title: 'Log and record (Tab)',
  keys: rowsOf(PANE_KEYS),
};

const WHAT_IF: Section = {
  title: 'What-if panel (e)',
  keys: [
    [
      '↑/↓',
      'choose a lever (a value typed is set first; refused, it stays with the reason); its help gives the field’s unit and range',
    ],
    ['←/→', 'step its value (a lever that is off turns on, and steps back to off)'],
    [
      '0-9 . - e %',
      'type a value: 0.25, 25% (a share only), 1e6, off, or a choice’s name; every key typed goes to the value, q too',
    ],
    ['Enter', 'set the typed value; with nothing typed, run the variant'],
    ['Backspace', 'delete a character; a refused value (shown selected) all at once, as typing over it does'],
    [
      'Esc',
      'clear the typed value; then close the panel, asking first (y/n) before it discards changes not yet run',
    ],
    ['Ctrl-S', 'sweep the selected lever'],
    ['?', 'this help'],
    ['Ctrl-C', 'quit'],
  ],
};

const SWEEP: Section = {
  title: 'Sweep (s)',
  keys: [
    ['Esc, s', 'close the sweep; the other dashboard keys still step the run'],
    ['e', 'the what-if panel: Ctrl-S there sweeps its selected lever'],
  ],
};

const RECORD: Section = {
  title: 'Record (h, history presets)',
  keys: [
    ['h', 'close the record: the liquidation log again'],
    ['e', 'the what-if panel; Tab, PgUp/PgDn scroll the record (below)'],
  ],
};

const HELP: Section = {
  title: 'This help',
  keys: [...rowsOf(HELP_KEYS), ['Esc, ?', 'close the help'], ['q/Ctrl-C', 'quit']],
};

const SECTIONS: Record<Screen, readonly Section[]> = {
  picker: [PICKER, FILTER, HELP],
  dashboard: [DASHBOARD, PANES, WHAT_IF, SWEEP, RECORD, HELP],
  'what-if': [WHAT_IF, DASHBOARD, PANES, SWEEP, HELP],
  sweep: [SWEEP, DASHBOARD, PANES, WHAT_IF, HELP],
  record: [RECORD, PANES, DASHBOARD, WHAT_IF, HELP],
};

/** One line of the help: a section's title, or a key and (part of) its description. */
export interface HelpLine {
  readonly title?: string;
  readonly key: string;
  readonly text: string;
}

/** The widest key column. */
const KEY_WIDTH = 13;

/** The help of `screen` in lines at most `width` wide: keys in one column, descriptions wrapped beside them. */
export function helpLines(screen: Screen, width: number): HelpLine[] {
  const lines: HelpLine[] = [];
  for (const section of SECTIONS[screen]) {
    if (lines.length > 0) lines.push({ key: '', text: ' ' });
    lines.push({ title: section.title, key: '', text: '' });
    const keyWidth = Math.min(KEY_WIDTH, Math.max(...section.keys.map(([k]) => k.length)) + 2);
    for (const [key, description] of section.keys) {
      const wrapped = wrapAnsi(description, Math.max(10, width - keyWidth), { hard: true, trim: true });
      wrapped.split('\n').forEach((text, i) => {
        lines.push({ key: (i === 0 ? key : '').padEnd(keyWidth), text });
      });
    }
  }
  return lines;
}

/** The overlay's width on a terminal `columns` wide: the text inside its border and padding. */
export const helpWidth = (columns: number) => Math.min(columns, 100) - 4;
/** The help lines shown at once on a terminal `rows` high (the rest scroll). */
export const helpRowsFor = (rows: number) => Math.max(3, rows - 8);

export function helpLineCount(state: ScreenOf, columns: number): number {
  return helpLines(screenOf(state), helpWidth(columns)).length;
}
