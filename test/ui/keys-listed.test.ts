// Help and footers against what keys do: on each screen, every key that changes anything is in that
// screen's help, and every key a footer names does something there. Keys are sent through the reducer
// (immer hands back the same state object when a key changed nothing).
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../src/presets/index.js';
import { footerHints, type HintContext } from '../../src/ui/footer-hints.js';
import { helpLines, screenOf } from '../../src/ui/help.js';
import type { KeyEvent, SpecialName } from '../../src/ui/hooks/useKeys.js';
import { glyphOf } from '../../src/ui/list-keys.js';
import { initialState, reducer, type AppState, type PresetEntry } from '../../src/ui/state/reducer.js';
import { openSession } from '../../src/ui/state/session.js';

const SCREEN = { columns: 80, rows: 24 };
const SPECIALS: SpecialName[] = [
  'up',
  'down',
  'left',
  'right',
  'home',
  'end',
  'pageup',
  'pagedown',
  'tab',
  'escape',
  'enter',
  'backspace',
  'ctrl-c',
  'ctrl-s',
];
const CHARS = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
const EVERY_KEY: KeyEvent[] = [
  ...SPECIALS.map((name): KeyEvent => ({ kind: 'special', name })),
  ...CHARS.map((char): KeyEvent => ({ kind: 'char', char })),
];
const BY_GLYPH = new Map<string, SpecialName>(SPECIALS.map((name) => [glyphOf(name), name]));

/** A key as the help or a footer writes it ("PgUp", "space", "k", "0-9"), as key events. */
function keysOfToken(token: string): KeyEvent[] {
  const special = BY_GLYPH.get(token);
  if (special) return [{ kind: 'special', name: special }];
  if (token === 'space') return [{ kind: 'char', char: ' ' }];
  if (token === '0-9') return [...'0123456789'].map((char): KeyEvent => ({ kind: 'char', char }));
  return [...token].length === 1 ? [{ kind: 'char', char: token }] : [];
}
const name = (key: KeyEvent) => (key.kind === 'special' ? key.name : JSON.stringify(key.char));
const same = (a: KeyEvent, b: KeyEvent) =>
  a.kind === 'special' ? b.kind === 'special' && a.name === b.name : b.kind === 'char' && a.char === b.char;

/** A key cell's keys: "↑/k", "Esc, s", "0-9 . - e %", and "/" itself. */
const tokens = (cell: string) => cell.trim().split(/(?<=\S)\/(?=\S)|,? +/);

/** Every key the help of `state`'s screen lists, from its key column. */
function listedKeys(state: AppState): KeyEvent[] {
  return helpLines(screenOf(state), 76)
    .filter((l) => !l.title)
    .flatMap((l) => tokens(l.key))
    .flatMap(keysOfToken);
}

/** The keys a footer hint starts with ("g/G top/bottom": g and G; "/ filter": /); none for "type a value". */
const hintKeys = (text: string) => tokens(text.split(' ')[0]!).flatMap(keysOfToken);

const press = (state: AppState, ...keys: (KeyEvent | string)[]) =>
  keys
    .flatMap((k): KeyEvent[] =>
      typeof k === 'string' ? [...k].map((char): KeyEvent => ({ kind: 'char', char })) : [k],
    )
    .reduce((s, key) => reducer(s, { type: 'key', key, screen: SCREEN }), state);
const special = (name: SpecialName): KeyEvent => ({ kind: 'special', name });

function dashboard(id: string): AppState {
  const loaded = loadPreset(id);
  if (!loaded.ok) throw new Error(`${id} did not load`);
  const state = press(initialState([], openSession(loaded)), 'nnn');
  // The pane's extent, as the dashboard tells it when it draws (the log's length the reducer works out).
  return reducer(state, { type: 'paneExtent', rows: 5, columns: SCREEN.columns });
}
const ENTRIES: PresetEntry[] = ['a', 'b', 'c', 'd', 'e'].map((id) => ({
  id,
  name: `Preset ${id}`,
  description: `About ${id}`,
  kind: 'lesson',
}));

interface Case {
  readonly what: string;
  readonly state: AppState;
  /** A value or a filter is typed: characters go to it, so only the special keys are checked. */
  readonly typing?: boolean;
}

function cases(): Case[] {
  const picker = press(initialState(ENTRIES), 'jj');
  const thin = dashboard('thin-pool');
  // The record's extent, as the record panel tells it when it draws.
  const record = reducer(press(dashboard('aave-crv-2022'), 'h'), { type: 'paneExtent', lines: 40 });
  // The log with the keys, its highlight on round 1's last line but one (every move and Enter act there).
  const focused = press(thin, special('tab'), 'G', special('up'));
  const variant = press(thin, 'e', '0.3', special('enter'), special('enter'));
  return [
    { what: 'the picker', state: picker },
    { what: 'the picker, filtering', state: press(picker, '/a'), typing: true },
    { what: 'the dashboard', state: thin },
    { what: 'the dashboard with a variant', state: variant },
    { what: 'the dashboard, the log with the keys', state: focused },
    { what: 'the record', state: record },
    { what: 'the record with the keys', state: press(record, special('tab'), special('pagedown')) },
    { what: 'the sweep', state: press(thin, 's') },
    { what: 'the what-if panel', state: press(thin, 'e', special('down')), typing: true },
    { what: 'the what-if panel, typing', state: press(thin, 'e', '0.2'), typing: true },
    { what: 'the help', state: press(thin, '?', special('down'), special('down')) },
  ];
}

/** The footer of `state`, as App gives Footer its context. */
function footerOf(state: AppState): string[] {
  const context: HintContext = {
    screen: state.help ? 'help' : screenOf(state),
    variant: state.variant !== undefined,
    history: state.session?.preset.record !== undefined,
    typing: state.panel !== undefined && state.panel.typing !== '',
    confirm: state.panel?.confirm !== undefined,
    filtering: state.filter !== undefined,
    paneFocus: state.paneFocus,
  };
  return footerHints(context).map((h) => h.text);
}

describe('help and footers against what keys do', () => {
  it.each(cases())('$what: every key that does something is in its help', ({ state, typing }) => {
    const listed = listedKeys(state);
    const unlisted = EVERY_KEY.filter((key) => !(typing && key.kind === 'char'))
      .filter((key) => press(state, key) !== state)
      .filter((key) => !listed.some((l) => same(l, key)))
      .map(name);
    expect(unlisted).toEqual([]);
  });

  it.each(cases())('$what: every key its footer names does something', ({ state }) => {
    const idle = footerOf(state)
      .flatMap(hintKeys)
      .filter((key) => press(state, key) === state);
    expect(idle.map(name)).toEqual([]);
  });

  it('finds what it looks for: a key that acts but is not listed, a footer key that does nothing', () => {
    const thin = dashboard('thin-pool');
    // Tab acts on the dashboard; the picker's help does not list it, nor the dashboard's own commands.
    expect(press(thin, special('tab'))).not.toBe(thin);
    const pickerListed = listedKeys(press(initialState(ENTRIES), 'j'));
    expect(pickerListed.some((k) => same(k, special('tab')))).toBe(false);
    expect(pickerListed.some((k) => same(k, special('pageup')))).toBe(true);
    // On the picker, n (the dashboard's step) does nothing.
    const picker = press(initialState(ENTRIES), 'j');
    expect(press(picker, 'n')).toBe(picker);
    expect(hintKeys('g/G top/bottom').map(name)).toEqual(['"g"', '"G"']);
    expect(hintKeys('/ filter').map(name)).toEqual(['"/"']);
    expect(tokens('Esc, ?')).toEqual(['Esc', '?']);
    expect(hintKeys('type a value')).toEqual([]);
  });

  it('the dashboard’s help lists the panes’ keys, and the record’s its own and e', () => {
    const thin = dashboard('thin-pool');
    const keys = listedKeys(thin);
    for (const k of ['tab', 'pageup', 'pagedown', 'enter'] as const)
      expect(
        keys.some((l) => same(l, special(k))),
        k,
      ).toBe(true);
    const record = helpLines('record', 76);
    expect(record[0]!.title).toMatch(/^Record/);
    expect(record.slice(0, 4).map((l) => l.key.trim())).toEqual(['', 'h', 'e', '']);
    expect(footerOf(press(dashboard('aave-crv-2022'), 'h'))).toContain('e what-if');
  });
});
