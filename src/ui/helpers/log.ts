import type { PerpEvent, RoundEvents, RoundRecord, Timeline } from '../../engine/index.js';
import { formatAmount, formatCount } from '../../format.js';
import { wrapText } from './pack.js';
import { DUST_TEXT, isDust, totalText } from './log-totals.js';

export interface LogLine {
  readonly kind: 'round' | 'event' | 'more';
  readonly text: string;
  readonly badDebt: boolean;
  /** The round the line belongs to (Enter on it goes there). */
  readonly round: number;
}

/** Whether a round has a line in the log: something was liquidated, skipped, sold or deleveraged. */
function logged(record: RoundRecord): boolean {
  const skipped = record.skippedForCapital + record.skippedUnprofitable;
  return !(
    record.liquidations === 0 &&
    skipped === 0 &&
    record.collateralSold === 0 &&
    record.deleveraged === 0
  );
}

/**
 * How many lines the whole log up to `round` has: each logged round's total (wrapped to `width` when
 * given), each of its liquidations, each perpetual event. The log scrolls over them; `logLines` draws a
 * window of it.
 */
export function logLength(timeline: Timeline, round: number, width?: number): number {
  const { symbol, quote } = timeline.scenario.asset;
  let length = 0;
  for (let r = round; r >= 1; r--) {
    const record = timeline.record(r);
    const events = timeline.events(r);
    if (!record || !events || !logged(record)) continue;
    length +=
      totalLines(timeline, r, record, events, symbol, quote, width).length +
      events.length +
      timeline.perpEventsOf(r).length;
  }
  return length;
}

const totalTexts = new WeakMap<Timeline, Map<string, string>>();

/**
 * A round's total as lines: one, or wrapped to `width` (the lines after the first indented), so that the
 * log never cuts a total. The text is kept per round: a round never changes once computed.
 */
function totalLines(
  timeline: Timeline,
  r: number,
  record: RoundRecord,
  events: RoundEvents,
  symbol: string,
  quote: string,
  width: number | undefined,
): string[] {
  let texts = totalTexts.get(timeline);
  if (!texts) totalTexts.set(timeline, (texts = new Map()));
  const key = `${r} ${symbol} ${quote}`;
  let text = texts.get(key);
  if (text === undefined) {
    text = totalText(timeline, r, record, events, symbol, quote);
    texts.set(key, text);
  }
  return width === undefined ? [text] : wrapText(text, width);
}

/**
 * The liquidation log up to `round`, newest round first: each round's total, then its liquidations by
 * collateral seized, largest first, then its perpetual events in the order they happened. Lines `offset` to
 * `offset + maxLines` of it: where the window cuts a round's list, its last line says how many more follow.
 */
export function logLines(
  timeline: Timeline,
  round: number,
  maxLines: number,
  symbol: string,
  quote: string,
  offset = 0,
  width?: number,
): LogLine[] {
  const lines: LogLine[] = [];
  // With auctions a round's liquidations send lots to auction, and bidders buy from every running auction.
  const auction = timeline.scenario.liquidation.mechanism === 'auction';
  const end = offset + Math.max(0, maxLines);
  // `at`: the log line a round's first line is; rounds wholly above the window are counted, not drawn.
  let at = 0;
  for (let r = round; r >= 1 && at < end; r--) {
    const record = timeline.record(r);
    const events = timeline.events(r);
    if (!record || !events || !logged(record)) continue;
    const perpEvents = timeline.perpEventsOf(r);
    const totals = totalLines(timeline, r, record, events, symbol, quote, width);
    // The round's block: its total's lines (k), its liquidations, its perpetual events.
    const k = totals.length;
    const length = k + events.length + perpEvents.length;
    if (at + length <= offset) {
      at += length;
      continue;
    }
    // The round's lines in the window, counted from its total (0 … k - 1), its liquidations, its perpetuals.
    const from = Math.max(offset, at) - at;
    const to = Math.min(end, at + length) - at;
    at += length;
    for (let i = from; i < Math.min(to, k); i++)
      lines.push({ kind: 'round', round: r, text: totals[i]!, badDebt: record.badDebt > 0 });
    const eventFrom = Math.max(from, k) - k;
    const eventTo = Math.min(to, k + events.length) - k;
    if (eventTo > eventFrom) {
      const ranks = ranked(events.seized, eventTo);
      for (let j = eventFrom; j < eventTo; j++)
        lines.push(eventLine(timeline, events, ranks[j]!, r, auction, symbol, quote));
      // Cut inside the liquidations: the last row counts the rest of them instead.
      if (eventTo < events.length) {
        lines[lines.length - 1] = {
          kind: 'more',
          round: r,
          text: `  … and ${formatCount(events.length - eventTo + 1)} more ${auction ? 'sent to auction ' : ''}in round ${r}`,
          badDebt: false,
        };
      }
    }
    const perpFrom = Math.max(from, k + events.length) - k - events.length;
    const perpTo = to - k - events.length;
    if (perpTo > perpFrom) {
      for (const e of perpEvents.slice(perpFrom, perpTo)) lines.push(perpLine(timeline, e, r, symbol, quote));
      if (perpTo < perpEvents.length) {
        lines[lines.length - 1] = {
          kind: 'more',
          round: r,
          text: `  … and ${formatCount(perpEvents.length - perpTo + 1)} more perpetual events in round ${r}`,
          badDebt: false,
        };
      }
    }
  }
  return lines;
}

/** How many of a round's largest liquidations are ranked at once and kept: more than a log window shows. */
const KEPT_RANKS = 64;
const ranks = new WeakMap<readonly number[], readonly number[]>();

/**
 * The indices of the `k` largest of a round's seizures, largest first, as `largest` gives them: ranked once
 * per round (a round never changes once computed), at least KEPT_RANKS of them, and kept. Ranking the
 * 10,000 liquidations of a big round took 2 ms of the step that first drew it; `prefetchLog` ranks the
 * next round in the pause before its step instead.
 */
function ranked(values: readonly number[], k: number): readonly number[] {
  const kept = ranks.get(values);
  if (kept !== undefined && kept.length >= Math.min(k, values.length)) return kept;
  const top = largest(values, Math.max(k, KEPT_RANKS));
  ranks.set(values, top);
  return top;
}

/** Ranks a round's liquidations for the log ahead of the step that shows them (the app calls it when idle). */
export function prefetchLog(timeline: Timeline, round: number): void {
  const events = timeline.events(round);
  if (events) ranked(events.seized, KEPT_RANKS);
}

/** One liquidation of a lending round: the loan, what it seized (or sent to auction), repaid, left. */
function eventLine(
  timeline: Timeline,
  events: RoundEvents,
  i: number,
  r: number,
  auction: boolean,
  symbol: string,
  quote: string,
): LogLine {
  const bad = events.badDebt[i]!;
  const id = fitId(timeline.positionId(events.position[i]!), ID_WIDTH);
  return {
    kind: 'event',
    round: r,
    text: auction
      ? `  ${id} sent to auction ${formatAmount(events.seized[i]!, symbol)} for ${formatAmount(events.debtBefore[i]!, quote)} of debt`
      : `  ${id} seized ${formatAmount(events.seized[i]!, symbol)}, ` +
        `repaid ${formatAmount(events.repaid[i]!, quote)}` +
        (bad > 0 ? `, bad debt ${formatAmount(bad, quote)}` : '') +
        (events.closed[i] ? '' : ' (partial)'),
    badDebt: bad > 0,
  };
}

/** One perpetual event: a liquidation (and its loss below bankruptcy) or a deleveraged position. */
function perpLine(timeline: Timeline, e: PerpEvent, r: number, symbol: string, quote: string): LogLine {
  const side = timeline.perpSide(e.position);
  const name = `${fitId(timeline.perpId(e.position), ID_WIDTH)} ${side.padEnd(5)}`;
  return e.kind === 'deleveraged'
    ? {
        kind: 'event',
        round: r,
        text: isDust(e.quantity)
          ? // Float dust left of a position an earlier round deleveraged: counted, as `liqloop run` counts it, but no figure.
            `  ${name} deleveraged a rounding remainder (${DUST_TEXT} ${symbol}) at bankruptcy`
          : `  ${name} deleveraged ${formatAmount(e.quantity, symbol)} at bankruptcy, gave up ${formatAmount(e.amount, quote)}`,
        badDebt: false,
      }
    : {
        kind: 'event',
        round: r,
        text:
          (isDust(e.quantity)
            ? `  ${name} liquidated a rounding remainder (${DUST_TEXT} ${symbol})`
            : `  ${name} liquidated ${formatAmount(e.quantity, symbol)}`) +
          (e.amount > 0 ? `, ${formatAmount(e.amount, quote)} below bankruptcy` : ''),
        badDebt: e.amount > 0,
      };
}

/** The width of an id column. */
export const ID_WIDTH = 8;

/** An id padded or cut to `width` characters, a cut one ending in …. */
export function fitId(id: string, width: number): string {
  const chars = Array.from(id);
  return chars.length > width ? `${chars.slice(0, width - 1).join('')}…` : id.padEnd(width);
}

/** Above this many, `largest` sorts every index instead of keeping a short list (O(n·k)). */
const SHORT_LIST = 64;

/** Indices of the `k` largest values, largest first (equal values in index order). */
export function largest(values: readonly number[], k: number): number[] {
  if (k > SHORT_LIST) {
    const all = Array.from(values.keys());
    all.sort((a, b) => values[b]! - values[a]! || a - b);
    return all.slice(0, k);
  }
  const top: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (top.length === k && (k === 0 || v <= values[top[k - 1]!]!)) continue;
    let at = top.length;
    while (at > 0 && values[top[at - 1]!]! < v) at--;
    top.splice(at, 0, i);
    if (top.length > k) top.pop();
  }
  return top;
}
