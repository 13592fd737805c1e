import { castDraft, produce } from 'immer';
import type { Action, AppState, Draft } from './app-state.js';
import { advance, commandOf } from './commands.js';
import { hiddenKey, key, reducerPanelKey } from './key-routing.js';

export {
  AUTOPLAY_SPEEDS_MS,
  ZOOMS,
  initialState,
  type Action,
  type AppState,
  type Mode,
  type PresetEntry,
} from './app-state.js';

/**
 * Every change of state. The timeline is a memoised, deterministic sequence, so reading round n
 * here (which computes it the first time) gives the same state whenever the reducer runs.
 */
export const reducer: (state: AppState, action: Action) => AppState = produce(
  (state: Draft, action: Action): void => {
    act(state, action);
    if (state.round > state.seen) state.seen = state.round;
  },
);

function act(state: Draft, action: Action): void {
  switch (action.type) {
    case 'open':
      state.pendingOpen = undefined;
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
      state.message = undefined;
      return;
    case 'openFailed':
      state.message = action.message;
      state.pendingOpen = undefined;
      return;
    case 'key':
      if (action.hidden) hiddenKey(state, action.key);
      else key(state, action.key);
      return;
    case 'written':
      state.pendingWrite = false;
      state.message = action.text;
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
      state.message = action.text;
      return;
    default: {
      const unhandled: never = action;
      throw new Error(`unhandled action ${JSON.stringify(unhandled)}`);
    }
  }
}
