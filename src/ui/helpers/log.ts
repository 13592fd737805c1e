import type { RoundRecord, Timeline } from '../../engine/index.js';
import { formatCount, formatNumber } from '../../format.js';

export interface LogLine {
  readonly kind: 'round' | 'event' | 'more';
  readonly text: string;
  readonly badDebt: boolean;
}

/**
 * The liquidation log up to `round`, newest round first: each round's total, then its largest
 * liquidations by collateral seized, as many as fit in `maxLines`.
 */
export function logLines(
  timeline: Timeline,
  round: number,
  maxLines: number,
  symbol: string,
  quote: string,
): LogLine[] {
  const lines: LogLine[] = [];
  for (let r = round; r >= 1 && lines.length < maxLines; r--) {
    const record = timeline.record(r);
    const events = timeline.events(r);
    if (!record || !events) continue;
    const skipped = record.skippedForCapital + record.skippedUnprofitable;
    if (record.liquidations === 0 && skipped === 0 && record.collateralSold === 0 && record.deleveraged === 0)
      continue;
    lines.push({
      kind: 'round',
      text:
        `round ${r}: ${formatCount(record.liquidations)} liquidated, ${formatNumber(record.collateralSold)} ${symbol} seized, ` +
        `${formatNumber(record.debtRepaid)} ${quote} repaid, ${formatNumber(record.badDebt)} ${quote} bad debt` +
        skippedNote(record.skippedForCapital, record.skippedUnprofitable) +
        (record.wonForZero > 0 ? `; ${formatCount(record.wonForZero)} won for 0 ${quote}` : '') +
        perpsNote(record, quote, timeline.scenario.perps?.fill === 'venue'),
      badDebt: record.badDebt > 0,
    });
    const room = maxLines - lines.length;
    if (room <= 0) break;
    const shown = room >= events.length ? events.length : room - 1;
    for (const i of largest(events.seized, shown)) {
      const bad = events.badDebt[i]!;
      lines.push({
        kind: 'event',
        text:
          `  ${timeline.positionId(events.position[i]!).padEnd(8)} seized ${formatNumber(events.seized[i]!)} ${symbol}, ` +
          `repaid ${formatNumber(events.repaid[i]!)} ${quote}` +
          (bad > 0 ? `, bad debt ${formatNumber(bad)} ${quote}` : '') +
          (events.closed[i] ? '' : ' (partial)'),
        badDebt: bad > 0,
      });
    }
    if (shown < events.length) {
      lines.push({
        kind: 'more',
        text: `  … and ${formatCount(events.length - shown)} more in round ${r}`,
        badDebt: false,
      });
    }
    // Perpetuals: every liquidation and every deleveraged position, in the order they happened.
    const perpEvents = timeline.perpEventsOf(r);
    const perpRoom = maxLines - lines.length;
    if (perpEvents.length === 0 || perpRoom <= 0) continue;
    const perpShown = perpRoom >= perpEvents.length ? perpEvents.length : perpRoom - 1;
    for (const e of perpEvents.slice(0, perpShown)) {
      const side = timeline.perpSide(e.position);
      const name = `${timeline.perpId(e.position)} ${side}`.padEnd(10);
      lines.push(
        e.kind === 'deleveraged'
          ? {
              kind: 'event',
              text: `  ${name} deleveraged ${formatNumber(e.quantity)} ${symbol} at the bankruptcy price, gave up ${formatNumber(e.amount)} ${quote}`,
              badDebt: false,
            }
          : {
              kind: 'event',
              text:
                `  ${name} liquidated ${formatNumber(e.quantity)} ${symbol}` +
                (e.amount > 0 ? `, ${formatNumber(e.amount)} ${quote} below bankruptcy` : ''),
              badDebt: e.amount > 0,
            },
      );
    }
    if (perpShown < perpEvents.length) {
      lines.push({
        kind: 'more',
        text: `  … and ${formatCount(perpEvents.length - perpShown)} more perpetual events in round ${r}`,
        badDebt: false,
      });
    }
  }
  return lines;
}

/** Indices of the `k` largest values, largest first: O(n·k), and k is a screenful. */
export function largest(values: readonly number[], k: number): number[] {
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
