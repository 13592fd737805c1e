import type { PerpEvent, RoundEvents, RoundRecord, Timeline } from '../../engine/index.js';
import { formatAmount, formatCount, formatNumber } from '../../format.js';

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
 * How many lines the whole log up to `round` has: each logged round's total, each of its liquidations, each
 * perpetual event. The log scrolls over them; `logLines` draws a window of it.
 */
export function logLength(timeline: Timeline, round: number): number {
  let length = 0;
  for (let r = round; r >= 1; r--) {
    const record = timeline.record(r);
    const events = timeline.events(r);
    if (!record || !events || !logged(record)) continue;
    length += 1 + events.length + timeline.perpEventsOf(r).length;
  }
  return length;
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
    const length = 1 + events.length + perpEvents.length;
    if (at + length <= offset) {
      at += length;
      continue;
    }
    // The round's lines in the window, counted from its total (0), its liquidations (1 …), its perpetuals.
    const from = Math.max(offset, at) - at;
    const to = Math.min(end, at + length) - at;
    at += length;
    if (from === 0) {
      lines.push({
        kind: 'round',
        round: r,
        text:
          (auction
            ? auctionTotals(r, record, events, symbol, quote)
            : lendingTotals(r, record, symbol, quote)) +
          skippedNote(record.skippedForCapital, record.skippedUnprofitable) +
          (record.wonForZero > 0 ? `; ${formatCount(record.wonForZero)} won for 0 ${quote}` : '') +
          perpsNote(record, quote, timeline.scenario.perps?.fill === 'venue'),
        badDebt: record.badDebt > 0,
      });
    }
    const eventFrom = Math.max(from, 1) - 1;
    const eventTo = Math.min(to, 1 + events.length) - 1;
    if (eventTo > eventFrom) {
      const ranked = largest(events.seized, eventTo);
      for (let k = eventFrom; k < eventTo; k++)
        lines.push(eventLine(timeline, events, ranked[k]!, r, auction, symbol, quote));
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
    const perpFrom = Math.max(from, 1 + events.length) - 1 - events.length;
    const perpTo = to - 1 - events.length;
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
        text: `  ${name} deleveraged ${formatNumber(e.quantity)} ${symbol} at the bankruptcy price, gave up ${formatNumber(e.amount)} ${quote}`,
        badDebt: false,
      }
    : {
        kind: 'event',
        round: r,
        text:
          `  ${name} liquidated ${formatNumber(e.quantity)} ${symbol}` +
          (e.amount > 0 ? `, ${formatNumber(e.amount)} ${quote} below bankruptcy` : ''),
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

/** A lending round's total: liquidations, the collateral they seized and sold, the debt repaid. */
function lendingTotals(r: number, record: RoundRecord, symbol: string, quote: string): string {
  return (
    `round ${r}: ${formatCount(record.liquidations)} liquidated, ${formatAmount(record.collateralSold, symbol)} seized, ` +
    `${formatAmount(record.debtRepaid, quote)} repaid, ${formatAmount(record.badDebt, quote)} bad debt`
  );
}

/**
 * An auction round's totals, each with its own label: the lots sent to auction this round (the rows under
 * it), then what bidders bought from every running auction and the debt that repaid.
 */
function auctionTotals(
  r: number,
  record: RoundRecord,
  events: RoundEvents,
  symbol: string,
  quote: string,
): string {
  let lots = 0;
  for (let i = 0; i < events.length; i++) lots += events.seized[i]!;
  return (
    `round ${r}: ${formatCount(events.length)} sent to auction (${formatAmount(lots, symbol)}); ` +
    `bidders bought ${formatAmount(record.collateralSold, symbol)}, repaid ${formatAmount(record.debtRepaid, quote)}` +
    (record.badDebt > 0 ? `, ${formatAmount(record.badDebt, quote)} bad debt` : '')
  );
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

/** Liquidations liquidators left undone in a round, and why. */
function skippedNote(forCapital: number, unprofitable: number): string {
  const reasons: string[] = [];
  if (forCapital > 0) reasons.push(`${formatCount(forCapital)} skipped for lack of capital`);
  if (unprofitable > 0) reasons.push(`${formatCount(unprofitable)} skipped as unprofitable`);
  return reasons.length ? `; ${reasons.join(', ')}` : '';
}

/** What the perpetuals did in a round: liquidations, the fund, auto-deleveraging, slippage, the backstop. */
function perpsNote(record: RoundRecord, quote: string, booked: boolean): string {
  if (record.perpLiquidations === 0 && record.deleveraged === 0) return '';
  const parts = [
    `perps: ${formatCount(record.perpLiquidations)} liquidated (net ${record.perpNetSold >= 0 ? 'sold' : 'bought'} ${formatNumber(Math.abs(record.perpNetSold))})`,
  ];
  if (record.fundDrawn > 0) parts.push(`fund paid ${formatNumber(record.fundDrawn)} ${quote}`);
  if (record.deleveraged > 0)
    parts.push(
      `${formatCount(record.deleveraged)} deleveraged covering ${formatNumber(record.adlCovered)} ${quote}`,
    );
  if (record.uncoveredLoss > 0) parts.push(`${formatNumber(record.uncoveredLoss)} ${quote} uncovered`);
  if (record.perpSlippage !== 0)
    parts.push(
      `slippage ${formatNumber(record.perpSlippage)} ${quote}${booked ? '' : ' (unbooked: oracle fills)'}`,
    );
  if (record.adlOvershoot > 0) parts.push(`ADL overshoot ${formatNumber(record.adlOvershoot)} ${quote}`);
  if (record.backstopTaken > 0)
    parts.push(
      `backstop took ${formatCount(record.backstopTaken)} (${formatNumber(record.backstopNotional)} ${quote})`,
    );
  return `; ${parts.join(', ')}`;
}
