// The what-if panel as a modal form, the Esc flow, status messages that expire, and the footer and
// help of each screen fitting 80 columns.
import { describe, expect, it } from 'vitest';
import { loadPreset, type Preset } from '../../src/presets/index.js';
import { fitHints, footerHints, type HintContext } from '../../src/ui/footer-hints.js';
import { helpLines, helpWidth, screenOf, type Screen } from '../../src/ui/help.js';
import type { SpecialName } from '../../src/ui/hooks/useKeys.js';
import { paramHelp } from '../../src/ui/param-help.js';
import { setValues, visibleParams } from '../../src/ui/params.js';
import {
  MESSAGE_KEYS,
  initialState,
  reducer,
  type Action,
  type AppState,
} from '../../src/ui/state/reducer.js';
import { openSession } from '../../src/ui/state/session.js';

function session(id: string) {
  const loaded = loadPreset(id);
  if (!loaded.ok) throw new Error(`${id} did not load`);
  return openSession(loaded);
}
const SPECIAL: Record<string, SpecialName> = {
  '↑': 'up',
  '↓': 'down',
  '→': 'right',
  '←': 'left',
  Enter: 'enter',
  Esc: 'escape',
  Backspace: 'backspace',
  'Ctrl-C': 'ctrl-c',
  'Ctrl-S': 'ctrl-s',
};
const SCREEN = { columns: 80, rows: 24 };
/** Keys by name (↓, Enter, …) or typed characters ('1e6' is three keys). */
const keys = (state: AppState, ...names: string[]): AppState =>
  names
    .flatMap((n): Action[] =>
      SPECIAL[n]
        ? [{ type: 'key', key: { kind: 'special', name: SPECIAL[n] }, screen: SCREEN }]
        : [...n].map((char) => ({ type: 'key', key: { kind: 'char', char }, screen: SCREEN })),
    )
    .reduce((s, a) => reducer(s, a), state);
const dashboard = () => initialState([], session('thin-pool'));

describe('the what-if panel is modal', () => {
  it('q typed into an empty value is typed, not a quit; Ctrl-C quits', () => {
    const state = keys(dashboard(), 'e', 'q');
    expect(state.quitting).toBe(false);
    expect(state.panel!.typing).toBe('q');
    expect(keys(dashboard(), 'e', 'Ctrl-C').quitting).toBe(true);
  });

  it('letters that are commands on the dashboard (n, a, s, k, x, w, h, e) go to the value', () => {
    const state = keys(dashboard(), 'e', 'naskxwhe');
    expect(state.panel!.typing).toBe('naskxwhe');
    expect(state).toMatchObject({ round: 0, autoplay: false, sweep: undefined, record: false });
  });

  it('a choice is typed by its name, s and all', () => {
    const at = visibleParams(dashboard().session!.preset).findIndex((p) => p.path === 'oracle.model');
    const state = keys(dashboard(), 'e', ...Array<string>(at).fill('↓'), 'twap', 'Enter');
    expect(state.panel!.draft.oracle.model).toBe('twap');
  });

  it('? opens the help over the panel, and closes it; the panel and its typing stay', () => {
    const help = keys(dashboard(), 'e', '1', '?');
    expect(help.help).toBe(true);
    const back = keys(help, '?');
    expect(back.help).toBe(false);
    expect(back.panel!.typing).toBe('1');
  });

  it('refused text stays selected: the next character replaces it, Backspace clears it', () => {
    const refused = keys(dashboard(), 'e', '-1abc', 'Enter');
    expect(refused.panel).toMatchObject({ typing: '-1abc', refused: true });
    expect(refused.panel!.error).toMatch(/^shock\.pct: expected a number, got "-1abc"/);
    expect(keys(refused, '2').panel).toMatchObject({ typing: '2', error: undefined });
    expect(keys(refused, 'Backspace').panel!.typing).toBe('');
    // A value out of range is refused the same way, the draft unchanged.
    const range = keys(dashboard(), 'e', '-1', 'Enter');
    expect(range.panel).toMatchObject({ typing: '-1', refused: true });
    expect(range.panel!.draft.shock.pct).toBe(0.1);
    expect(keys(range, '0.2', 'Enter').panel!.draft.shock.pct).toBe(0.2);
  });

  it('a money field refuses %; Enter with no change says so', () => {
    const depth = keys(dashboard(), 'e', '↓', '50%', 'Enter');
    expect(depth.panel!.error).toMatch(/expected an amount, not a percent/);
    expect(depth.panel!.draft.market.depth2pct).toBe(3e6);
    const same = keys(dashboard(), 'e', 'Enter');
    expect(same.variant).toBeUndefined();
    expect(same.message).toMatch(/^no lever changed/);
  });

  it('Ctrl-S sweeps the selected lever (s would be typed)', () => {
    const state = keys(dashboard(), 'e', '↓', 'Ctrl-S');
    expect(state.panel).toBeUndefined();
    expect(state.sweep!.path).toBe('market.depth2pct');
  });
});

describe('Esc in the panel', () => {
  it('first clears the typed value, then closes a panel with nothing changed', () => {
    const typed = keys(dashboard(), 'e', '0.3');
    const cleared = keys(typed, 'Esc');
    expect(cleared.panel).toMatchObject({ typing: '', error: undefined });
    expect(keys(cleared, 'Esc').panel).toBeUndefined();
  });

  it('asks before it discards unapplied edits: n or Esc keeps editing, y discards', () => {
    // Two levers changed: the shock (typed) and the depth (stepped).
    const edited = keys(dashboard(), 'e', '0.3', 'Enter', '↓', '→');
    const asked = keys(edited, 'Esc');
    expect(asked.panel!.confirm).toBe(2);
    // While asking, other keys do nothing (q is not a quit, not typed either).
    const ignored = keys(asked, 'q', '5');
    expect(ignored.panel).toMatchObject({ confirm: 2, typing: '' });
    expect(ignored.quitting).toBe(false);
    const kept = keys(asked, 'n');
    expect(kept.panel!.confirm).toBeUndefined();
    expect(kept.panel!.draft.shock.pct).toBe(0.3);
    expect(keys(asked, 'Esc').panel!.confirm).toBeUndefined();
    const discarded = keys(asked, 'y');
    expect(discarded.panel).toBeUndefined();
    expect(discarded.variant).toBeUndefined();
    // The next e starts from the baseline again.
    expect(keys(discarded, 'e').panel!.draft.shock.pct).toBe(0.1);
  });

  it('counts the edits from the preset the panel opened on (the variant, when one runs)', () => {
    const variant = keys(dashboard(), 'e', '0.3', 'Enter', 'Enter');
    expect(variant.variant).toBeDefined();
    const reopened = keys(variant, 'e');
    expect(reopened.panel!.draft.shock.pct).toBe(0.3);
    expect(keys(reopened, 'Esc').panel).toBeUndefined();
  });
});

describe('status messages', () => {
  it(`expire at the ${MESSAGE_KEYS}rd key after them`, () => {
    const said = keys(dashboard(), 'w');
    expect(said.message).toMatch(/^no variant to write/);
    expect(keys(said, 'n', 'n').message).toBe(said.message);
    expect(keys(said, 'n', 'n', 'n').message).toBeUndefined();
  });

  it('expire when their timer ends, only the message the timer was for', () => {
    const said = keys(dashboard(), 'w');
    expect(reducer(said, { type: 'expire', serial: said.messageSerial }).message).toBeUndefined();
    const again = keys(said, 'w');
    expect(reducer(again, { type: 'expire', serial: said.messageSerial }).message).toBeDefined();
  });

  it('do not carry over to another screen', () => {
    const said = keys(dashboard(), 'w');
    const picker = keys(said, 'Esc');
    expect(picker.mode).toBe('picker');
    expect(picker.message).toBeUndefined();
    // A message said on the way (a preset that failed to open) stays on the screen it was said on.
    const failed = reducer(initialState([]), { type: 'openFailed', message: 'x: broken' });
    expect(failed.message).toBe('x: broken');
  });
});

describe('footers', () => {
  const screens: HintContext[] = [
    { screen: 'picker' },
    { screen: 'picker', filtering: true },
    { screen: 'dashboard' },
    { screen: 'dashboard', paneFocus: true },
    { screen: 'record', history: true },
    { screen: 'record', paneFocus: true },
    { screen: 'dashboard', variant: true, history: true },
    { screen: 'what-if' },
    { screen: 'what-if', typing: true },
    { screen: 'what-if', confirm: true },
    { screen: 'sweep', variant: true },
    { screen: 'record', variant: true, history: true },
    { screen: 'help' },
  ];
  it.each(screens)('$screen fits 80 columns with help and quit kept (%o)', (ctx) => {
    const line = fitHints(footerHints(ctx), 80);
    expect([...line].length).toBeLessThanOrEqual(80);
    expect(line).toMatch(/(q|Ctrl-C) quit$/);
    if (ctx.screen !== 'help' && !ctx.confirm) expect(line).toContain('? help');
  });

  it('names the keys of the mode: the filter quits with Ctrl-C, the record has e, a pane its moves', () => {
    const at80 = (ctx: HintContext) => fitHints(footerHints(ctx), 80);
    expect(at80({ screen: 'picker' })).toBe(
      '↑/↓ choose  / filter  Enter open  PgUp/PgDn page  Home/End ends  ? help  q quit',
    );
    expect(at80({ screen: 'picker', filtering: true })).toMatch(/^type to filter .*Esc clear .*Ctrl-C quit$/);
    expect(at80({ screen: 'record', history: true })).toContain('e what-if');
    expect(at80({ screen: 'record', history: true, variant: true })).toContain('e what-if');
    expect(at80({ screen: 'dashboard', paneFocus: true })).toBe(
      '↑/↓ j/k line  PgUp/PgDn page  Enter go to round  Tab/Esc done  ? help  q quit',
    );
    // The record has no line to go to.
    expect(at80({ screen: 'record', paneFocus: true })).not.toContain('Enter');
  });

  it('drops the least important hints first, the widest terminal keeps them all', () => {
    const hints = footerHints({ screen: 'dashboard', variant: true });
    const wide = fitHints(hints, 200);
    expect(wide.split('  ')).toEqual(hints.map((h) => h.text));
    const narrow = fitHints(hints, 80);
    expect(narrow).not.toContain('r reset');
    expect(narrow).toContain('k keep');
    expect(narrow).toContain('space/→ next');
  });
});

describe('help', () => {
  const SCREENS: Screen[] = ['picker', 'dashboard', 'what-if', 'sweep', 'record'];
  it.each(SCREENS)('%s: lines fit 80 columns, wrapped descriptions under their column', (screen) => {
    const width = helpWidth(80);
    const lines = helpLines(screen, width);
    for (const line of lines) {
      expect([...(line.title ?? line.key + line.text)].length).toBeLessThanOrEqual(width);
      // A wrapped line starts at the description column, not at column 0.
      if (!line.title && line.key.trim() === '' && line.text.trim() !== '')
        expect(line.key.length).toBeGreaterThan(0);
    }
    expect(lines.some((l) => l.key.trim() === '' && l.text.trim() !== '')).toBe(true);
  });

  it('the picker lists its own keys; the panel lists Ctrl-C and the typing keys first', () => {
    const picker = helpLines('picker', 76);
    expect(picker[0]!.title).toBe('Picker');
    expect(picker.map((l) => l.key.trim())).toEqual(
      expect.arrayContaining([
        '↑/k',
        '↓/j',
        'PgUp',
        'PgDn',
        'Home/g',
        'End/G',
        '/',
        'Enter',
        '?',
        'q/Ctrl-C',
      ]),
    );
    // The filter's own keys, in a section of their own.
    const filter = picker.findIndex((l) => l.title === 'Filter (after /)');
    expect(picker.slice(filter, filter + 5).map((l) => l.key.trim())).toEqual(
      expect.arrayContaining(['letters', 'Backspace', 'Esc']),
    );
    expect(picker.some((l) => l.text.includes('autoplay'))).toBe(false);
    const panel = helpLines('what-if', 76);
    expect(panel[0]!.title).toMatch(/^What-if/);
    const keysOf = panel.slice(0, 15).map((l) => l.key.trim());
    expect(keysOf).toEqual(expect.arrayContaining(['Ctrl-C', 'Ctrl-S', 'Esc', 'Backspace']));
  });

  it('knows its screen, and scrolls within its lines', () => {
    const state = dashboard();
    expect(screenOf(state)).toBe('dashboard');
    expect(screenOf(keys(state, 'e'))).toBe('what-if');
    expect(screenOf(keys(state, 's'))).toBe('sweep');
    expect(screenOf(initialState([]))).toBe('picker');
    const help = keys(state, '?');
    expect(keys(help, '↓', '↓').helpScroll).toBe(2);
    expect(keys(help, '↑').helpScroll).toBe(0);
    const bottom = keys(help, ...Array<string>(200).fill('↓'));
    expect(bottom.helpScroll).toBe(helpLines('dashboard', helpWidth(80)).length - (24 - 8));
    expect(keys(bottom, '?', '?').helpScroll).toBe(0);
  });
});

describe('the help line of each lever', () => {
  const PRESETS = [
    'thin-pool',
    'black-thursday-2020',
    'perps-fund-empty',
    'luna-oracle-floor-2022',
    'oracle-trio-twap',
  ];
  it.each(PRESETS)('%s: every lever has one, from the schema, within the width', (id) => {
    const preset = session(id).preset;
    for (const param of visibleParams(preset)) {
      for (const width of [76, 96]) {
        const help = paramHelp(preset, param, width);
        expect(help.length, param.path).toBeGreaterThan(10);
        expect(help.length, param.path).toBeLessThanOrEqual(width);
      }
    }
  });

  it('gives the unit and range in the preset’s own currency, the range kept when cut', () => {
    const preset = session('thin-pool').preset;
    const depth = visibleParams(preset).find((p) => p.path === 'market.depth2pct')!;
    expect(paramHelp(preset, depth, 200)).toMatch(/from 1e-6 to 1e15 USD/);
    expect(paramHelp(preset, depth, 76)).toMatch(/^from 1e-6 to 1e15 USD · /);
    const shock = visibleParams(preset)[0]!;
    expect(paramHelp(preset, shock, 200)).toBe(
      'the fall of the venue price in round 1, a share of p0 in [0, 1) · type 25% or 0.25',
    );
  });

  it('follows the oracle model on screen: a TWAP window is described as one', () => {
    const change = setValues(session('thin-pool').preset, [['oracle', { model: 'twap', window: 5 }]]);
    if (!change.ok) throw new Error(change.reason);
    const preset: Preset = change.preset;
    const window = visibleParams(preset).find((p) => p.path === 'oracle.window')!;
    expect(paramHelp(preset, window, 200)).toMatch(/^the rounds averaged, a whole number from 1 to 100000/);
    const model = visibleParams(preset).find((p) => p.path === 'oracle.model')!;
    expect(paramHelp(preset, model, 200)).toMatch(/mean venue price/);
  });
});
