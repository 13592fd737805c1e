/**
 * The keys of the app's lists as data, beside the dashboard's commands in keys.ts: the picker, its filter,
 * the dashboard's log and record panes, and the help overlay. The routing reads these tables and the help
 * lists them, so that a key cannot work without being listed, nor be listed without working.
 */
import type { KeyEvent, SpecialName } from './hooks/useKeys.js';

/** A move through a list: a line either way, a page either way, or to either end. */
export type ListMove = 'up' | 'down' | 'pageup' | 'pagedown' | 'home' | 'end';

export interface ListBinding<Action extends string> {
  readonly action: Action;
  readonly special?: readonly SpecialName[];
  /** Characters bound too; they are typed instead while a filter or a value is being typed. */
  readonly chars?: readonly string[];
  readonly description: string;
  /** A pane's binding that acts only once Tab has given the pane the keys. */
  readonly focused?: boolean;
}

export type PickerAction = ListMove | 'filter' | 'open';

export const PICKER_KEYS: readonly ListBinding<PickerAction>[] = [
  { action: 'up', special: ['up'], chars: ['k'], description: 'the preset above (from the first: the last)' },
  {
    action: 'down',
    special: ['down'],
    chars: ['j'],
    description: 'the preset below (from the last: the first)',
  },
  { action: 'pageup', special: ['pageup'], description: 'a page up' },
  { action: 'pagedown', special: ['pagedown'], description: 'a page down' },
  { action: 'home', special: ['home'], chars: ['g'], description: 'the first preset' },
  { action: 'end', special: ['end'], chars: ['G'], description: 'the last preset' },
  {
    action: 'filter',
    chars: ['/'],
    description: 'filter by id, name or description as you type: every word must appear',
  },
  { action: 'open', special: ['enter'], description: 'open the highlighted preset' },
];

export type FilterAction = 'erase' | 'clear';

/** While the filter is typed: characters go to it (q, j and the other letters too), these edit it. */
export const FILTER_KEYS: readonly ListBinding<FilterAction>[] = [
  {
    action: 'erase',
    special: ['backspace'],
    description: 'delete a character; on an empty filter, close it',
  },
  { action: 'clear', special: ['escape'], description: 'clear the filter: every preset again' },
];

export type PaneAction = ListMove | 'focus' | 'unfocus' | 'goto';

/** The log (or the record in its place): PgUp/PgDn scroll it always, the rest once Tab gave it the keys. */
export const PANE_KEYS: readonly ListBinding<PaneAction>[] = [
  {
    action: 'focus',
    special: ['tab'],
    description: 'the log (or the record) takes the keys, its title marked ▶; Tab again gives them back',
  },
  { action: 'pageup', special: ['pageup'], description: 'scroll the log (or the record) a page up' },
  { action: 'pagedown', special: ['pagedown'], description: 'scroll it a page down' },
  {
    action: 'up',
    special: ['up'],
    chars: ['k'],
    focused: true,
    description: 'with the keys: a line up (k is not keep then)',
  },
  {
    action: 'down',
    special: ['down'],
    chars: ['j'],
    focused: true,
    description: 'with the keys: a line down',
  },
  {
    action: 'home',
    chars: ['g'],
    focused: true,
    description: 'with the keys: its top (Home still goes to round 0)',
  },
  {
    action: 'end',
    chars: ['G'],
    focused: true,
    description: 'with the keys: its bottom (End still runs to the end)',
  },
  {
    action: 'goto',
    special: ['enter'],
    focused: true,
    description: 'with the keys, on a log line: go to that line’s round',
  },
  { action: 'unfocus', special: ['escape'], focused: true, description: 'give the keys back' },
];

export type HelpAction = ListMove;

/** The help overlay scrolls; its other keys (Esc and ? close it, q quits) are the app's commands. */
export const HELP_KEYS: readonly ListBinding<HelpAction>[] = [
  { action: 'up', special: ['up'], chars: ['k'], description: 'scroll a line up' },
  { action: 'down', special: ['down'], chars: ['j'], description: 'scroll a line down' },
  { action: 'pageup', special: ['pageup'], description: 'a page up' },
  { action: 'pagedown', special: ['pagedown'], chars: [' '], description: 'a page down' },
];

/** The action `key` means in `table`; characters only when `chars` (nothing is being typed), focused ones only when `focused`. */
export function listAction<Action extends string>(
  table: readonly ListBinding<Action>[],
  key: KeyEvent,
  { chars = true, focused = true }: { chars?: boolean; focused?: boolean } = {},
): Action | undefined {
  const found = table.find(
    (b) =>
      (focused || !b.focused) &&
      (key.kind === 'special' ? b.special?.includes(key.name) : chars && b.chars?.includes(key.char)),
  );
  return found?.action;
}

const GLYPHS: Record<SpecialName, string> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  home: 'Home',
  end: 'End',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  tab: 'Tab',
  escape: 'Esc',
  enter: 'Enter',
  backspace: 'Backspace',
  'ctrl-c': 'Ctrl-C',
  'ctrl-s': 'Ctrl-S',
};

/** How a special key is written in the help and the footers. */
export const glyphOf = (name: SpecialName) => GLYPHS[name];

/** A binding's keys as the help writes them: "↑/k", "PgDn/space". */
export function keyLabel(binding: Pick<ListBinding<string>, 'special' | 'chars'>): string {
  return [
    ...(binding.special ?? []).map(glyphOf),
    ...(binding.chars ?? []).map((c) => (c === ' ' ? 'space' : c)),
  ].join('/');
}
