/** A round's total line in the liquidation log, in words: the log (log.ts) wraps it to the width. */
import { hasLending, type RoundEvents, type RoundRecord, type Timeline } from '../../engine/index.js';
import { formatAmount, formatCount, formatNumber } from '../../format.js';

/** A round's total: what it liquidated (or sent to auction and what bidders bought), skipped, won for 0, the perpetuals. */
export function totalText(
  timeline: Timeline,
  r: number,
  record: RoundRecord,
  events: RoundEvents,
  symbol: string,
  quote: string,
): string {
  const auction = timeline.scenario.liquidation.mechanism === 'auction';
  // A book of perpetuals only: no loans' zeros ("0 ETH seized, 0 USD repaid"), the perpetuals' part alone.
  if (!hasLending(timeline.scenario))
    return (
      `round ${r}: ` + perpsNote(record, symbol, quote, timeline.scenario.perps?.fill === 'venue').slice(2)
    );
  return (
    (auction ? auctionTotals(r, record, events, symbol, quote) : lendingTotals(r, record, symbol, quote)) +
    skippedNote(record.skippedForCapital, record.skippedUnprofitable) +
    (record.wonForZero > 0 ? `; ${formatCount(record.wonForZero)} won for 0 ${quote}` : '') +
    perpsNote(record, symbol, quote, timeline.scenario.perps?.fill === 'venue')
  );
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

/** A size below a billionth of a unit of the asset is float dust (a remainder of earlier fills), not a trade. */
export const DUST = 1e-9;
export const DUST_TEXT = 'a size under 10⁻⁹';
export const isDust = (quantity: number) => quantity !== 0 && Math.abs(quantity) < DUST;

/** Liquidations liquidators left undone in a round, and why. */
function skippedNote(forCapital: number, unprofitable: number): string {
  const reasons: string[] = [];
  if (forCapital > 0) reasons.push(`${formatCount(forCapital)} skipped for lack of capital`);
  if (unprofitable > 0) reasons.push(`${formatCount(unprofitable)} skipped as unprofitable`);
  return reasons.length ? `; ${reasons.join(', ')}` : '';
}

/** What the perpetuals did in a round: liquidations, the fund, auto-deleveraging, slippage, the backstop. */
function perpsNote(record: RoundRecord, symbol: string, quote: string, booked: boolean): string {
  if (record.perpLiquidations === 0 && record.deleveraged === 0) return '';
  const parts = [
    `perps: ${formatCount(record.perpLiquidations)} liquidated (net ${record.perpNetSold >= 0 ? 'sold' : 'bought'} ` +
      `${isDust(record.perpNetSold) ? `a rounding remainder, ${DUST_TEXT} ${symbol}` : formatAmount(Math.abs(record.perpNetSold), symbol)})`,
  ];
  if (record.fundDrawn > 0) parts.push(`fund paid ${formatNumber(record.fundDrawn)} ${quote}`);
  if (record.deleveraged > 0)
    parts.push(
      `${formatCount(record.deleveraged)} deleveraged covering ${formatNumber(record.adlCovered)} ${quote}`,
    );
  if (record.uncoveredLoss > 0) parts.push(`${formatNumber(record.uncoveredLoss)} ${quote} uncovered`);
  // Float dust of a dust-sized fill (−0.00000002 USD) is no slippage to report.
  if (Math.abs(record.perpSlippage) >= 1e-6)
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
