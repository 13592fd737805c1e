import { castDraft, produce } from 'immer';
import { undraft, type Action, type AppState, type Draft } from './app-state.js';
import { advance, commandOf } from './commands.js';
import { hiddenKey, key, reducerPanelKey } from './key-routing.js';
import { clampPane, paneLinesOf } from './pane.js';
import { follow } from './picker.js';
import type { Session } from './session.js';
import { screenOf } from '../help.js';
import { ageMessage, expireMessage, say } from './status.js';

export {
  AUTOPLAY_SPEEDS_MS,
  ZOOMS,
  initialState,
  type Action,
  type AppState,
  type Mode,
  type PresetEntry,
  type ScreenSize,
} from './app-state.js';
export { MESSAGE_KEYS, MESSAGE_MS } from './status.js';

/**
 * Every change of state. The timeline is a memoised, deterministic sequence, so reading round n
 * here (which computes it the first time) gives the same state whenever the reducer runs.
 */
export const reducer: (state: AppState, action: Action) => AppState = produce(
  (state: Draft, action: Action): void => {
    const { messageSerial, round, record } = state;
    const screen = screenShown(state);
    act(state, action);
    // Another round (or the record for the log) is other lines: the pane starts again at its top.
    if (state.round !== round || state.record !== record) {
      state.paneCursor = 0;
      state.paneOffset = 0;
    }
    if (state.round > state.seen) state.seen = state.round;
    // A message belongs to the screen it was said on (the picker, the dashboard, the what-if panel, the
    // sweep, the record, the help): a change of screen clears it, unless the change said one itself.
    if (screenShown(state) !== screen && state.messageSerial === messageSerial) say(state, undefined);
  },
);

/** The screen on show, the help overlay over it counted as a screen of its own. */
const screenShown = (state: Draft): string => (state.help ? 'help' : screenOf(state));

function act(state: Draft, action: Action): void {
  switch (action.type) {
    case 'open':
      state.pendingOpen = undefined;
      state.filter = undefined;
      state.session = castDraft(action.session);
      state.variant = undefined;
      state.panel = undefined;
      state.sweep = undefined;
      state.mode = 'dashboard';
      state.round = 0;
      state.seen = 0;
      state.autoplay = false;
      state.help = false;
      state.record = false;
      state.paneFocus = false;
      say(state, undefined);
      return;
    case 'openFailed':
      say(state, action.message);
      state.pendingOpen = undefined;
      return;
    case 'key': {
      const serial = state.messageSerial;
      if (action.hidden) hiddenKey(state, action.key, action.screen);
      else key(state, action.key, action.screen);
      ageMessage(state, serial);
      return;
    }
    case 'expire':
      expireMessage(state, action.serial);
      return;
    case 'written':
      state.pendingWrite = false;
      say(state, action.text);
      if (action.entry) state.entries = [...state.entries, action.entry];
      return;
    case 'tick':
      if (action.hidden) return;
      if (state.autoplay && state.mode === 'dashboard' && !state.help) advance(state);
      return;
    case 'command':
      commandOf(state, action.command);
      return;
    case 'panelKey':
      reducerPanelKey(state, action.key);
      return;
    case 'sweepProgress':
      if (state.sweep) state.sweep.done = action.done;
      return;
    case 'sweepDone':
      if (state.sweep) {
        state.sweep.done = state.sweep.values.length;
        state.sweep.summaries = castDraft(action.summaries);
        state.sweep.tipping = action.tipping;
      }
      return;
    case 'sweepFailed':
      if (state.sweep) state.sweep.error = action.message;
      return;
    case 'message':
      say(state, action.text);
      return;
    case 'paneExtent':
      if (action.lines !== undefined) state.paneLines = action.lines;
      if (action.rows !== undefined) state.paneRows = action.rows;
      if (state.session)
        clampPane(state, paneLinesOf(state, undraft<Session>(state.session), action.columns));
      return;
    case 'pickerRows':
      state.pickerRows = action.rows;
      follow(state);
      return;
    default: {
      const unhandled: never = action;
      throw new Error(`unhandled action ${JSON.stringify(unhandled)}`);
    }
  }
}
