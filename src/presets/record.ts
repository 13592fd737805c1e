import { formatNumber, formatPct } from '../format.js';
import type { RecordFigure, Summary } from '../engine/index.js';

/** The summary metrics only a preset with perpetuals can give. */
export const PERP_METRICS = [
  'insuranceFund',
  'fundFees',
  'fundDrawn',
  'deleveraged',
  'adlCovered',
  'uncoveredLoss',
  'perpLiquidatedNotional',
  'perpLongShare',
] as const;

/**
 * The summary metrics a history preset may hold a recorded figure against: every numeric field of the
 * summary, and the attack's.
 */
export const RECORD_METRICS = [
  'initialPrice',
  'finalPrice',
  'minPrice',
  'maxPrice',
  'shockPct',
  'drawdownPct',
  'amplification',
  'positions',
  'positionsLiquidated',
  'collateralSold',
  'debtRepaid',
  'badDebt',
  'rounds',
  'collateralReturned',
  'saleProceeds',
  'resolvedAtRound',
  'unresolvedDebt',
  'skippedLiquidations',
  'maxQueued',
  ...PERP_METRICS,
  'auctionsWonForZero',
  'zeroBidShare',
  'valueWonForZero',
  'attack.cost',
  'attack.borrowed',
  'attack.profit',
  'attack.badDebt',
] as const;
export type RecordMetric = (typeof RECORD_METRICS)[number];

/** A recorded figure set beside what the model gives. */
export interface RecordCheck {
  readonly figure: RecordFigure;
  /** The modelled value; null for an unmatched figure (or an attack metric without an attacker). */
  readonly modelled: number | null;
  /** modelled / recorded − 1; null when there is nothing to compare. */
  readonly deviation: number | null;
  /** true within the tolerance, false outside it, null for an unmatched figure. */
  readonly within: boolean | null;
}

/** Reads a metric off a summary. */
export function metricValue(summary: Summary, metric: string): number | null {
  if (metric.startsWith('attack.')) {
    const key = metric.slice('attack.'.length) as keyof NonNullable<Summary['attack']>;
    return summary.attack ? summary.attack[key] : null;
  }
  const value = summary[metric as keyof Summary];
  return typeof value === 'number' ? value : null;
}

/** Each recorded figure against the model's summary. */
export function checkRecord(summary: Summary, record: readonly RecordFigure[]): RecordCheck[] {
  return record.map((figure) => {
    if (figure.metric === undefined || typeof figure.recorded !== 'number') {
      return { figure, modelled: null, deviation: null, within: null };
    }
    const modelled = metricValue(summary, figure.metric);
    if (modelled === null) return { figure, modelled, deviation: null, within: false };
    const deviation = modelled / figure.recorded - 1;
    return { figure, modelled, deviation, within: Math.abs(deviation) <= (figure.tolerance ?? 0) + 1e-12 };
  });
}

const FRACTION_METRICS: ReadonlySet<string> = new Set([
  'shockPct',
  'drawdownPct',
  'perpLongShare',
  'zeroBidShare',
]);

/** A value of `metric` as words: a share as a percentage, anything else as an amount. */
function formatValue(metric: string | undefined, value: number): string {
  return metric !== undefined && FRACTION_METRICS.has(metric) ? formatPct(value) : formatNumber(value);
}

/** A recorded figure as words: a number in its metric's form, words as they are. */
export function formatRecorded(figure: RecordFigure): string {
  return typeof figure.recorded === 'number' ? formatValue(figure.metric, figure.recorded) : figure.recorded;
}

/**
 * One check as words: the figure, and "recorded R, model M  ✓ within ±t (+d)" (or ✗ outside), or
 * "recorded R; not reproduced: why" for a figure the preset does not reproduce.
 */
export function describeCheck(check: RecordCheck): { figure: string; text: string } {
  const { figure } = check;
  const recorded = `recorded ${formatRecorded(figure)}`;
  if (check.within === null) {
    return { figure: figure.figure, text: `${recorded}; not reproduced: ${figure.unmatched ?? ''}` };
  }
  const modelled = check.modelled === null ? 'n/a' : formatValue(figure.metric, check.modelled);
  const tolerance = `±${formatPct(figure.tolerance ?? 0)}`;
  const off =
    check.deviation === null
      ? ''
      : ` (${check.deviation >= 0 ? '+' : '−'}${formatPct(Math.abs(check.deviation))})`;
  const verdict = check.within ? `✓ within ${tolerance}${off}` : `✗ outside ${tolerance}${off}`;
  return { figure: figure.figure, text: `${recorded}, model ${modelled}  ${verdict}` };
}
