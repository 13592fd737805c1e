import { castDraft, current, isDraft, produce, type Draft as ImmerDraft } from 'immer';
import { commandForKey, type Command } from '../keys.js';
import type { KeyEvent } from '../hooks/useKeys.js';
import type { Summary } from '../../engine/index.js';
import type { TippingPoint } from '../../whatif/sweep.js';
import { clampPane, paneKey } from './pane.js';
import { follow, pickerKey } from './picker.js';
import type { Session } from './session.js';
import {
  openPanel,
  panelKey,
  startSweep,
  variantOf,
  type PanelKey,
  type PanelState,
  type SweepState,
} from './whatif.js';

type Draft = ImmerDraft<AppState>;

/** The plain value a draft stands for (a copy of what changed, the original otherwise). */
const undraft = <T>(value: unknown): T => (isDraft(value) ? current(value) : value) as T;

/** A preset as the picker lists it. */
export interface PresetEntry {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly kind?: 'history' | 'lesson';
  /** The lesson set it belongs to. */
  readonly group?: string;
  /** The user's own preset (listed after the shipped ones, under its own heading). */
  readonly source?: 'user';
}

export type Mode = 'picker' | 'dashboard';

export interface AppState {
  readonly mode: Mode;
  /** The help overlay, over whichever mode is showing. */
  readonly help: boolean;
  /** The record (a history preset's figures beside the model's) in place of the liquidation log. */
  readonly record: boolean;
  readonly entries: readonly PresetEntry[];
  readonly session?: Session;
  /** The round on screen (0 = before the shock). */
  readonly round: number;
  /** The furthest round shown so far: the chart draws up to it and marks the round on screen. */
  readonly seen: number;
  /** The chart follows the last this many rounds (undefined: the whole run). */
  readonly zoom?: number;
  /** The chart's price axis is logarithmic. */
  readonly logScale: boolean;
  readonly autoplay: boolean;
  readonly speedIndex: number;
  /** A line for the user, e.g. why a preset could not be opened. */
  readonly message?: string;
  readonly quitting: boolean;
  /** The what-if panel, when open. */
  readonly panel?: PanelState;
  /** A variant of the baseline, run beside it and stepped with it. */
  readonly variant?: Session;
  /** A sweep running or shown. */
  readonly sweep?: SweepState;
  /** The picker's highlighted entry. */
  readonly highlighted: number;
  /** The filter typed in the picker after `/` (undefined: none). */
  readonly filter?: string;
  /** The picker's first list row shown. */
  readonly pickerOffset: number;
  /** How many list rows the picker drew last (its page). */
  readonly pickerRows: number;
  /** The dashboard's bottom pane (the log, or the record) has the keys (Tab). */
  readonly paneFocus: boolean;
  /** The log's highlighted line, and the pane's first line shown. */
  readonly paneCursor: number;
  readonly paneOffset: number;
  /** The pane's lines and rows, as last drawn. */
  readonly paneLines: number;
  readonly paneRows: number;
  /** A preset the user chose in the picker, for the app to load (file I/O is not the reducer's). */
  readonly pendingOpen?: string;
  /** Set by the write command, for the app to write the variant to a file. */
  readonly pendingWrite?: boolean;
}

/** Autoplay delays between rounds, slowest first. */
export const AUTOPLAY_SPEEDS_MS = [1500, 1000, 600, 350, 200, 100, 50] as const;
const DEFAULT_SPEED = 3;

export type Action =
  | { type: 'command'; command: Command }
  | { type: 'open'; session: Session }
  | { type: 'openFailed'; message: string }
  | { type: 'tick'; hidden?: boolean }
  | { type: 'panelKey'; key: PanelKey }
  | { type: 'sweepProgress'; done: number }
  | { type: 'sweepDone'; summaries: readonly Summary[]; tipping: TippingPoint | null }
  | { type: 'sweepFailed'; message: string }
  | { type: 'message'; text: string }
  | { type: 'key'; key: KeyEvent; hidden?: boolean }
  | { type: 'written'; text: string; entry?: PresetEntry }
  | { type: 'pickerRows'; rows: number }
  | { type: 'paneExtent'; lines?: number; rows?: number };

export function initialState(entries: readonly PresetEntry[], session?: Session, message?: string): AppState {
  return {
    mode: session ? 'dashboard' : 'picker',
    help: false,
    record: false,
    entries,
    session,
    round: 0,
    seen: 0,
    logScale: false,
    autoplay: false,
    speedIndex: DEFAULT_SPEED,
    message,
    quitting: false,
    highlighted: 0,
    pickerOffset: 0,
    pickerRows: 10,
    paneFocus: false,
    paneCursor: 0,
    paneOffset: 0,
    paneLines: 0,
    paneRows: 1,
  };
}

/**
 * Every change of state. The timeline is a memoised, deterministic sequence, so reading round n
 * here (which computes it the first time) gives the same state whenever the reducer runs.
 */
export const reducer: (state: AppState, action: Action) => AppState = produce(
  (state: Draft, action: Action): void => {
    const { round, record } = state;
    act(state, action);
    // Another round (or the record for the log) is other lines: the pane starts again at its top.
    if (state.round !== round || state.record !== record) {
      state.paneCursor = 0;
      state.paneOffset = 0;
    }
    if (state.round > state.seen) state.seen = state.round;
  },
);

/** Chart zooms the zoom key cycles through: the whole run, then the last this many rounds. */
export const ZOOMS = [undefined, 50, 20] as const;

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
    case 'paneExtent':
      if (action.lines !== undefined) state.paneLines = action.lines;
      if (action.rows !== undefined) state.paneRows = action.rows;
      clampPane(state);
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

/** Steps the baseline and the variant together; the round goes on while either still runs. */
function advance(state: Draft): void {
  const timelines = [state.session?.timeline, state.variant?.timeline].filter((t) => t !== undefined);
  if (timelines.length === 0) return;
  const next = Math.max(...timelines.map((t) => t.reach(state.round + 1)));
  if (next === state.round) state.autoplay = false;
  state.round = next;
}

/** Runs both timelines to their end and returns the later last round. */
function finish(state: Draft): number {
  return Math.max(state.session?.timeline.finish() ?? 0, state.variant?.timeline.finish() ?? 0);
}

/** While the screen is hidden (the terminal is too small), a key only quits or toggles the help. */
function hiddenKey(state: Draft, key: KeyEvent): void {
  const command = commandForKey(key);
  if (command === 'quit' || command === 'help') commandOf(state, command);
}

/** What a key means depends on where the user is: the picker, the panel, or the dashboard. */
function key(state: Draft, key: KeyEvent): void {
  if (state.mode === 'picker' && !state.help && pickerKey(state, key)) return;
  if (state.panel && !state.help) {
    const panelKeyOf = (): PanelKey | undefined => {
      if (key.kind === 'special') {
        return key.name === 'up' ||
          key.name === 'down' ||
          key.name === 'left' ||
          key.name === 'right' ||
          key.name === 'enter' ||
          key.name === 'backspace'
          ? { kind: key.name }
          : undefined;
      }
      // A value is typed from its first digit, point or sign; after that every character is part of it.
      return state.panel!.typing !== '' || /[-0-9.]/.test(key.char)
        ? { kind: 'char', char: key.char }
        : undefined;
    };
    const panelKey = panelKeyOf();
    if (panelKey) {
      reducerPanelKey(state, panelKey);
      return;
    }
  }
  if (
    state.mode === 'dashboard' &&
    state.session &&
    !state.help &&
    !state.panel &&
    paneKey(state, key, undraft<Session>(state.session))
  )
    return;
  const command = commandForKey(key);
  if (command) commandOf(state, command);
}

function reducerPanelKey(state: Draft, key: PanelKey): void {
  if (!state.panel || !state.session) return;
  const result = panelKey(undraft<PanelState>(state.panel), key);
  state.panel = castDraft(result.panel);
  if (result.apply) {
    const from = undraft<Session>(state.variant ?? state.session).preset;
    if (JSON.stringify(result.panel.draft) === JSON.stringify(from)) {
      // An identical variant would only repeat the baseline: say so, and leave the panel open.
      state.message = 'no lever changed: nothing to run (←/→ or type a value, then Enter)';
      return;
    }
    state.variant = castDraft(variantOf(undraft<Session>(state.session), result.panel.draft));
    state.panel = undefined;
    state.message = undefined;
  }
}

function commandOf(state: Draft, command: Command): void {
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
  if (state.panel) {
    if (command === 'escape' || command === 'edit') state.panel = undefined;
    else if (command === 'sweep') {
      // The sweep replaces the panel on screen; the draft is kept for the next `e`.
      state.sweep = castDraft(startSweep(undraft<PanelState>(state.panel).draft, state.panel.selected));
      state.panel = undefined;
    }
    return;
  }
  if (state.sweep && command === 'escape') {
    state.sweep = undefined;
    return;
  }
  const timeline = state.session.timeline;
  switch (command) {
    case 'edit':
      state.panel = castDraft(openPanel(undraft<Session>(state.variant ?? state.session).preset));
      state.sweep = undefined;
      state.autoplay = false;
      return;
    case 'sweep':
      state.sweep = state.sweep
        ? undefined
        : castDraft(startSweep(undraft<Session>(state.variant ?? state.session).preset, 0));
      return;
    case 'keep':
      if (state.variant) {
        state.session = castDraft({ ...undraft<Session>(state.variant), id: state.session.id });
        state.variant = undefined;
        state.message = 'the variant is now the baseline';
      }
      return;
    case 'drop':
      if (state.variant) state.message = 'variant dropped';
      state.variant = undefined;
      return;
    case 'write':
      if (state.variant) state.pendingWrite = true;
      else state.message = 'no variant to write: press e, change a lever, Enter';
      return;
    case 'record':
      state.record = !state.record;
      return;
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
      state.round = 0;
      state.autoplay = false;
      return;
    case 'log':
      state.logScale = !state.logScale;
      return;
    case 'zoom':
      state.zoom = ZOOMS[(ZOOMS.indexOf(state.zoom as (typeof ZOOMS)[number]) + 1) % ZOOMS.length];
      return;
    case 'end':
      state.round = finish(state);
      state.autoplay = false;
      return;
    case 'autoplay':
      if (!state.autoplay && timeline.finished && state.round >= finish(state)) state.round = 0;
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
      state.variant = undefined;
      state.sweep = undefined;
      return;
  }
}
