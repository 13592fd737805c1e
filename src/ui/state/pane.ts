import type { KeyEvent } from '../hooks/useKeys.js';
import { PANE_KEYS, listAction, type ListMove } from '../list-keys.js';
import { logLength, logLines } from '../helpers/log.js';
import type { Session } from './session.js';

/** The dashboard's bottom pane (the liquidation log, or the record in its place) as the reducer holds it. */
export interface PaneDraft {
  /** The record in place of the log. */
  record: boolean;
  /** The pane has the keys (Tab): ↑/↓ and j/k, PgUp/PgDn, g/G (top, bottom) move in it, Enter acts. */
  paneFocus: boolean;
  /** The log's highlighted line (Enter goes to its round); the record has none. */
  paneCursor: number;
  /** The first line shown. */
  paneOffset: number;
  /**
   * How many lines the record has, and how many lines the pane shows: told by the dashboard as it draws
   * (the log's own length is worked out from the timeline where a key needs it: `paneLinesOf`).
   */
  paneLines: number;
  paneRows: number;
  round: number;
  autoplay: boolean;
}

/**
 * A key for the bottom pane (its table, PANE_KEYS, is also its help): Tab gives it the keys or takes them
 * back (Esc too); PgUp/PgDn scroll it always, the other moves only while it has the keys; Enter on a log
 * line goes to that line's round. Returns false for a key the pane leaves to the dashboard.
 */
export function paneKey(state: PaneDraft, key: KeyEvent, session: Session, width?: number): boolean {
  const action = listAction(PANE_KEYS, key, { focused: state.paneFocus });
  if (!action) return false;
  // The round may have moved since the last key: first the cursor and window inside the pane as drawn.
  const lines = paneLinesOf(state, session, width);
  clampPane(state, lines);
  if (action === 'focus') state.paneFocus = !state.paneFocus;
  else if (action === 'unfocus') state.paneFocus = false;
  else if (action === 'goto') {
    if (!state.record) goToLine(state, session, width);
  } else if (state.record) scrollRecord(state, action);
  else moveCursor(state, action, lines);
  return true;
}

/**
 * How many lines the pane has: the record's, as the dashboard told them, or the log's up to the round,
 * `width` wide. The log's are not told: they change every round, and telling them drew every step twice.
 */
export function paneLinesOf(state: PaneDraft, session: Session, width?: number): number {
  if (state.record) return state.paneLines;
  return logLength(session.timeline, session.timeline.reach(state.round), width);
}

const page = (state: PaneDraft) => Math.max(1, state.paneRows - 1);

/** The log: the highlight moves, and the window follows it. */
function moveCursor(state: PaneDraft, move: ListMove, lines: number): void {
  const last = Math.max(0, lines - 1);
  const cursor = state.paneCursor;
  state.paneCursor = Math.max(
    0,
    Math.min(
      last,
      move === 'up'
        ? cursor - 1
        : move === 'down'
          ? cursor + 1
          : move === 'pageup'
            ? cursor - page(state)
            : move === 'pagedown'
              ? cursor + page(state)
              : move === 'home'
                ? 0
                : last,
    ),
  );
  state.paneOffset = followCursor(state.paneOffset, state.paneCursor, state.paneRows, lines);
}

/** The first line shown so that line `cursor` is in a window of `rows` lines, moved as little as it can. */
export function followCursor(offset: number, cursor: number, rows: number, lines: number): number {
  const n = Math.max(1, rows);
  let at = Math.min(offset, cursor);
  if (cursor >= at + n) at = cursor - n + 1;
  return Math.max(0, Math.min(at, lines - n));
}

/** The record: the window itself moves, a line or a page at a time. */
function scrollRecord(state: PaneDraft, move: ListMove): void {
  const max = Math.max(0, state.paneLines - state.paneRows);
  const offset = state.paneOffset;
  state.paneOffset = Math.max(
    0,
    Math.min(
      max,
      move === 'up'
        ? offset - 1
        : move === 'down'
          ? offset + 1
          : move === 'pageup'
            ? offset - page(state)
            : move === 'pagedown'
              ? offset + page(state)
              : move === 'home'
                ? 0
                : max,
    ),
  );
}

/** Enter on a log line: the dashboard goes to the round the line belongs to (the log as drawn `width` wide). */
function goToLine(state: PaneDraft, session: Session, width: number | undefined): void {
  const at = session.timeline.reach(state.round);
  const { symbol, quote } = session.preset.asset;
  const line = logLines(session.timeline, at, 1, symbol, quote, state.paneCursor, width)[0];
  if (!line) return;
  state.round = line.round;
  state.autoplay = false;
}

/**
 * Cursor and window inside a pane of `lines` lines (after a resize, the record's robust lines, a step
 * back). The dashboard draws the log's cursor clamped so (`clampedCursor`) before a key clamps it here.
 */
export function clampPane(state: PaneDraft, lines: number): void {
  state.paneCursor = clampedCursor(state.paneCursor, lines);
  state.paneOffset = state.record
    ? Math.max(0, Math.min(state.paneOffset, lines - state.paneRows))
    : followCursor(state.paneOffset, state.paneCursor, state.paneRows, lines);
}

/** The log's highlighted line in a log of `lines` lines: `cursor`, or the last line if it is past it. */
export const clampedCursor = (cursor: number, lines: number): number =>
  Math.max(0, Math.min(cursor, lines - 1));
