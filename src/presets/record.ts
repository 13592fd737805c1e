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

/** A recorded figure as words: a fraction metric as a percentage, other numbers as amounts, words as they are. */
export function formatRecorded(
  figure: RecordFigure,
  format: { number: (v: number) => string; pct: (v: number) => string },
): string {
  if (typeof figure.recorded !== 'number') return figure.recorded;
  return figure.metric !== undefined && FRACTION_METRICS.has(figure.metric)
    ? format.pct(figure.recorded)
    : format.number(figure.recorded);
}

/** One check as words: figure, recorded, modelled, and the verdict (✓ within ±t, ✗ off by d, or why unmatched). */
export function describeCheck(
  check: RecordCheck,
  format: { number: (v: number) => string; pct: (v: number) => string },
): { figure: string; recorded: string; modelled: string; verdict: string } {
  const { figure } = check;
  const value = (v: number) =>
    figure.metric !== undefined && FRACTION_METRICS.has(figure.metric) ? format.pct(v) : format.number(v);
  const recorded = formatRecorded(figure, format);
  if (check.within === null) {
    return {
      figure: figure.figure,
      recorded,
      modelled: '—',
      verdict: `not reproduced: ${figure.unmatched ?? ''}`,
    };
  }
  const modelled = check.modelled === null ? 'n/a' : value(check.modelled);
  const tolerance = `±${format.pct(figure.tolerance ?? 0)}`;
  const off =
    check.deviation === null
      ? ''
      : ` (${check.deviation >= 0 ? '+' : '−'}${format.pct(Math.abs(check.deviation))})`;
  return {
    figure: figure.figure,
    recorded,
    modelled,
    verdict: check.within ? `✓ within ${tolerance}${off}` : `✗ outside ${tolerance}${off}`,
  };
}
