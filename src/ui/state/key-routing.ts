/** Where a key goes: the help overlay, the picker, the what-if panel, or a command. */
import { castDraft } from 'immer';
import { commandForKey } from '../keys.js';
import type { KeyEvent } from '../hooks/useKeys.js';
import { helpLineCount, helpRowsFor } from '../help.js';
import { HELP_KEYS, listAction } from '../list-keys.js';
import { undraft, type Draft, type ScreenSize } from './app-state.js';
import { commandOf } from './commands.js';
import { paneKey } from './pane.js';
import { pickerKey } from './picker.js';
import type { Session } from './session.js';
import { say } from './status.js';
import { panelKey, variantOf, type PanelKey, type PanelState } from './whatif.js';

/**
 * While the screen is hidden (the terminal is too small), a key only quits or toggles the help, which is
 * drawn in what room there is; while it shows, its own keys scroll it and Esc closes it. Nothing else acts
 * on a screen the user cannot see.
 */
export function hiddenKey(state: Draft, key: KeyEvent, screen?: ScreenSize): void {
  if (state.help && helpKey(state, key, screen)) return;
  const command = commandForKey(key);
  if (command === 'quit' || command === 'help' || (command === 'escape' && state.help))
    commandOf(state, command);
}

/** What a key means depends on where the user is: the help, the picker, the panel, or the dashboard. */
export function key(state: Draft, key: KeyEvent, screen?: ScreenSize): void {
  if (state.help && helpKey(state, key, screen)) return;
  if (state.mode === 'picker' && !state.help && pickerKey(state, key)) return;
  if (state.panel && !state.help) {
    panelRoute(state, key);
    return;
  }
  if (
    state.mode === 'dashboard' &&
    state.session &&
    !state.help &&
    paneKey(state, key, undraft<Session>(state.session), screen?.columns)
  )
    return;
  const command = commandForKey(key);
  if (command) commandOf(state, command);
}

/** The help overlay scrolls by its table (HELP_KEYS: ↑/↓ j/k a line, PgUp/PgDn and space a page); other keys are commands. */
function helpKey(state: Draft, key: KeyEvent, screen?: ScreenSize): boolean {
  const move = listAction(HELP_KEYS, key);
  if (!move) return false;
  const rows = helpRowsFor(screen?.rows ?? 24);
  const most = Math.max(0, helpLineCount(state, screen?.columns ?? 80) - rows);
  const page = Math.max(1, rows - 1);
  const by = { up: -1, down: 1, pageup: -page, pagedown: page, home: -Infinity, end: Infinity }[move];
  state.helpScroll = Math.min(most, Math.max(0, state.helpScroll + by));
  return true;
}

/**
 * The what-if panel is modal: every character typed goes to the value (`q` too), `?` opens the help,
 * Ctrl-S sweeps the selected lever, Ctrl-C quits; arrows, Enter, Backspace and Esc edit.
 */
function panelRoute(state: Draft, key: KeyEvent): void {
  if (key.kind === 'char') {
    if (key.char === '?' && state.panel!.confirm === undefined) commandOf(state, 'help');
    else reducerPanelKey(state, { kind: 'char', char: key.char });
    return;
  }
  switch (key.name) {
    case 'ctrl-c':
      commandOf(state, 'quit');
      return;
    case 'ctrl-s':
      if (state.panel!.confirm === undefined) commandOf(state, 'sweep');
      return;
    case 'up':
    case 'down':
    case 'left':
    case 'right':
    case 'enter':
    case 'backspace':
    case 'escape':
      reducerPanelKey(state, { kind: key.name });
      return;
    default:
      return;
  }
}

export function reducerPanelKey(state: Draft, key: PanelKey): void {
  if (!state.panel || !state.session) return;
  const result = panelKey(undraft<PanelState>(state.panel), key);
  if (result.close) {
    state.panel = undefined;
    return;
  }
  state.panel = castDraft(result.panel);
  if (result.apply) {
    const from = undraft<Session>(state.variant ?? state.session).preset;
    if (JSON.stringify(result.panel.draft) === JSON.stringify(from)) {
      // An identical variant would only repeat the baseline: say so, and leave the panel open.
      say(state, 'no lever changed: nothing to run (←/→ or type a value, then Enter)');
      return;
    }
    state.variant = castDraft(variantOf(undraft<Session>(state.session), result.panel.draft));
    state.panel = undefined;
    say(state, undefined);
  }
}
