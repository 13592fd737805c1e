import { castDraft, produce, type Draft as ImmerDraft } from 'immer';
import type { Command } from '../keys.js';
import type { Session } from './session.js';

type Draft = ImmerDraft<AppState>;

/** A preset as the picker lists it. */
export interface PresetEntry {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

export type Mode = 'picker' | 'dashboard';

export interface AppState {
  readonly mode: Mode;
  /** The help overlay, over whichever mode is showing. */
  readonly help: boolean;
  readonly entries: readonly PresetEntry[];
  readonly session?: Session;
  /** The round on screen (0 = before the shock). */
  readonly round: number;
  readonly autoplay: boolean;
  readonly speedIndex: number;
  /** A line for the user, e.g. why a preset could not be opened. */
  readonly message?: string;
  readonly quitting: boolean;
}

/** Autoplay delays between rounds, slowest first. */
export const AUTOPLAY_SPEEDS_MS = [1500, 1000, 600, 350, 200, 100, 50] as const;
const DEFAULT_SPEED = 3;

export type Action =
  | { type: 'command'; command: Command }
  | { type: 'open'; session: Session }
  | { type: 'openFailed'; message: string }
  | { type: 'tick' };

export function initialState(entries: readonly PresetEntry[], session?: Session, message?: string): AppState {
  return {
    mode: session ? 'dashboard' : 'picker',
    help: false,
    entries,
    session,
    round: 0,
    autoplay: false,
    speedIndex: DEFAULT_SPEED,
    message,
    quitting: false,
  };
}

/**
 * Every change of state. The timeline is a memoised, deterministic sequence, so reading round n
 * here (which computes it the first time) gives the same state whenever the reducer runs.
 */
export const reducer: (state: AppState, action: Action) => AppState = produce(
  (state: Draft, action: Action): void => {
    switch (action.type) {
      case 'open':
        state.session = castDraft(action.session);
        state.mode = 'dashboard';
        state.round = 0;
        state.autoplay = false;
        state.help = false;
        state.message = undefined;
        return;
      case 'openFailed':
        state.message = action.message;
        return;
      case 'tick':
        if (state.autoplay && state.mode === 'dashboard' && !state.help) advance(state);
        return;
      case 'command':
        command(state, action.command);
    }
  },
);

function advance(state: Draft): void {
  const timeline = state.session?.timeline;
  if (!timeline) return;
  const next = timeline.reach(state.round + 1);
  if (next === state.round) state.autoplay = false;
  state.round = next;
}

function command(state: Draft, command: Command): void {
  if (command === 'quit') {
    state.quitting = true;
    return;
  }
  if (command === 'help') {
    state.help = !state.help;
    return;
  }
  if (state.help) {
    if (command === 'escape') state.help = false;
    return;
  }
  if (state.mode !== 'dashboard' || !state.session) return;
  const timeline = state.session.timeline;
  switch (command) {
    case 'step':
      advance(state);
      return;
    case 'back':
      state.round = Math.max(0, state.round - 1);
      return;
    case 'reset':
      state.round = 0;
      state.autoplay = false;
      return;
    case 'first':
      state.round = timeline.reach(1);
      return;
    case 'end':
      state.round = timeline.finish();
      state.autoplay = false;
      return;
    case 'autoplay':
      if (!state.autoplay && timeline.finished && state.round === timeline.computed) state.round = 0;
      state.autoplay = !state.autoplay;
      return;
    case 'faster':
      state.speedIndex = Math.min(AUTOPLAY_SPEEDS_MS.length - 1, state.speedIndex + 1);
      return;
    case 'slower':
      state.speedIndex = Math.max(0, state.speedIndex - 1);
      return;
    case 'escape':
      state.mode = 'picker';
      state.autoplay = false;
      return;
  }
}
