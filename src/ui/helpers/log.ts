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
        perpsNote(record, quote),
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

/** What the perpetuals did in a round: liquidations, the fund, auto-deleveraging. */
function perpsNote(record: RoundRecord, quote: string): string {
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
  return `; ${parts.join(', ')}`;
}
