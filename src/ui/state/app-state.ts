/** The app's state, the actions that change it, and its start. */
import { current, isDraft, type Draft as ImmerDraft } from 'immer';
import type { Command } from '../keys.js';
import type { KeyEvent } from '../hooks/useKeys.js';
import type { Summary } from '../../engine/index.js';
import type { TippingPoint } from '../../whatif/sweep.js';
import type { Session } from './session.js';
import type { PanelKey, PanelState, SweepState } from './whatif.js';

export type Draft = ImmerDraft<AppState>;

/** The plain value a draft stands for (a copy of what changed, the original otherwise). */
export const undraft = <T>(value: unknown): T => (isDraft(value) ? current(value) : value) as T;

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
  /** A status line for the user, e.g. why a preset could not be opened (state/status.ts: it expires). */
  readonly message?: string;
  /** Keys pressed since the message appeared. */
  readonly messageKeys: number;
  /** Counts the messages shown, so that a message's timer clears only that message. */
  readonly messageSerial: number;
  /** The help overlay's first line shown. */
  readonly helpScroll: number;
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

/** The terminal's size when a key came: the help overlay scrolls by what fits. */
export interface ScreenSize {
  readonly columns: number;
  readonly rows: number;
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
  | { type: 'key'; key: KeyEvent; hidden?: boolean; screen?: ScreenSize }
  | { type: 'expire'; serial: number }
  | { type: 'written'; text: string; entry?: PresetEntry }
  | { type: 'pickerRows'; rows: number }
  | { type: 'paneExtent'; lines?: number; rows?: number; columns?: number };

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
    messageKeys: 0,
    messageSerial: message === undefined ? 0 : 1,
    helpScroll: 0,
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

/** Chart zooms the zoom key cycles through: the whole run, then the last this many rounds. */
export const ZOOMS = [undefined, 50, 20] as const;
