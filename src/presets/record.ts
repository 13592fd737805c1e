import { formatCount, formatNumber, formatPct } from '../format.js';
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
  'troughRound',
  'troughDrawdownPct',
  'unresolvedDebt',
  'skippedLiquidations',
  'maxQueued',
  ...PERP_METRICS,
  'auctionsWonForZero',
  'zeroBidShare',
  'valueWonForZero',
  'keeperIncentives',
  'penaltyIncome',
  'maxWaitingForHole',
  'vowDeficit',
  'vowSurplus',
  'attack.cost',
  'attack.borrowed',
  'attack.profit',
  'attack.badDebt',
] as const;
export type RecordMetric = (typeof RECORD_METRICS)[number];

/**
 * What a recorded figure is to the model: given to it (`input`), a parameter tuned to it (`fitted`, the
 * parameter in `fittedBy`), or nothing tuned to it (`predicted`). Only a predicted figure within its
 * tolerance is reproduced; the others are matched by construction.
 */
export const RECORD_ROLES = ['input', 'fitted', 'predicted'] as const;
export type RecordRole = (typeof RECORD_ROLES)[number];

/** A record figure as a preset file gives it: the engine's figure with its role. */
export interface HistoryFigure extends RecordFigure {
  readonly role?: RecordRole;
  /** The parameter path tuned to the figure (`generate.count`), for a fitted one. */
  readonly fittedBy?: string;
  /** Why the model misses a predicted figure: a documented miss, shown as one. */
  readonly miss?: string;
}

/** Why the model misses a predicted figure, if the preset documents a miss. */
export function missOf(figure: RecordFigure): string | undefined {
  return (figure as HistoryFigure).miss;
}

/** The role of a figure (the engine's type does not carry it; a validated preset's figures do). */
export function roleOf(figure: RecordFigure): { role?: RecordRole; fittedBy?: string } {
  const { role, fittedBy } = figure as HistoryFigure;
  return { ...(role !== undefined ? { role } : {}), ...(fittedBy !== undefined ? { fittedBy } : {}) };
}

/** A history preset's plain statement that the model predicts none of its figures, if it makes one. */
export function noPredictionOf(scenario: object): string | undefined {
  const { noPrediction } = scenario as { noPrediction?: unknown };
  return typeof noPrediction === 'string' ? noPrediction : undefined;
}

/** A recorded figure set beside what the model gives. */
export interface RecordCheck {
  readonly figure: HistoryFigure;
  /** The modelled value; null for an unmatched figure (or an attack metric without an attacker). */
  readonly modelled: number | null;
  /** modelled / recorded − 1; null when there is nothing to compare. */
  readonly deviation: number | null;
  /** true within the tolerance, false outside it, null for an unmatched figure. */
  readonly within: boolean | null;
  /** Within the tolerance and predicted: the one way a figure counts as reproduced. */
  readonly reproduced: boolean;
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

/** Whether a modelled value is within a numeric figure's relative tolerance of the recorded one. */
export function withinTolerance(figure: RecordFigure, modelled: number): boolean {
  if (typeof figure.recorded !== 'number') return false;
  return Math.abs(modelled / figure.recorded - 1) <= (figure.tolerance ?? 0) + 1e-12;
}

/** Each recorded figure against the model's summary. */
export function checkRecord(summary: Summary, record: readonly RecordFigure[]): RecordCheck[] {
  return record.map((figure) => {
    if (figure.metric === undefined || typeof figure.recorded !== 'number') {
      return { figure, modelled: null, deviation: null, within: null, reproduced: false };
    }
    const modelled = metricValue(summary, figure.metric);
    if (modelled === null) return { figure, modelled, deviation: null, within: false, reproduced: false };
    const deviation = modelled / figure.recorded - 1;
    const within = withinTolerance(figure, modelled);
    return { figure, modelled, deviation, within, reproduced: within && roleOf(figure).role === 'predicted' };
  });
}

const FRACTION_METRICS: ReadonlySet<string> = new Set([
  'shockPct',
  'drawdownPct',
  'perpLongShare',
  'zeroBidShare',
  'troughDrawdownPct',
]);

/** Metrics that count rounds: a whole number. */
const ROUND_METRICS: ReadonlySet<string> = new Set(['rounds', 'resolvedAtRound', 'troughRound']);

/** Summary figures in the quote currency (money and prices), and in units of the asset. */
const QUOTE_METRICS: ReadonlySet<string> = new Set([
  'initialPrice',
  'finalPrice',
  'minPrice',
  'maxPrice',
  'troughPrice',
  'debtRepaid',
  'badDebt',
  'saleProceeds',
  'unresolvedDebt',
  'totalLoss',
  'shortfall',
  'liquidatorProfit',
  'penaltyIncome',
  'keeperIncentives',
  'vowDeficit',
  'vowSurplus',
  'valueWonForZero',
  'insuranceFund',
  'fundFees',
  'fundDrawn',
  'adlCovered',
  'adlOvershoot',
  'uncoveredLoss',
  'perpLiquidatedNotional',
  'perpSlippage',
  'backstopNotional',
  'backstopEquity',
  'attack.cost',
  'attack.borrowed',
  'attack.profit',
  'attack.badDebt',
]);
const ASSET_METRICS: ReadonlySet<string> = new Set(['collateralSold', 'collateralReturned', 'maxQueued']);

/** The preset's quote currency and asset symbol, for a figure's unit. */
export interface FigureUnits {
  readonly quote: string;
  readonly symbol: string;
}

/**
 * A value of `metric` as words: a share as a percentage, a round as a whole number, anything else as an
 * amount, with its unit (the quote for money and prices, the asset's symbol for amounts of it) when `units`
 * are given.
 */
export function formatMetric(metric: string | undefined, value: number, units?: FigureUnits): string {
  if (metric !== undefined && ROUND_METRICS.has(metric)) return formatCount(value);
  if (metric !== undefined && FRACTION_METRICS.has(metric)) return formatPct(value);
  const unit =
    units && metric !== undefined
      ? QUOTE_METRICS.has(metric)
        ? units.quote
        : ASSET_METRICS.has(metric)
          ? units.symbol
          : undefined
      : undefined;
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

/** A recorded figure as words: a number in its metric's form (with its unit, given `units`), words as they are. */
export function formatRecorded(figure: RecordFigure, units?: FigureUnits): string {
  return typeof figure.recorded === 'number'
    ? formatMetric(figure.metric, figure.recorded, units)
    : figure.recorded;
}

/** A figure's role as words: "input", "fitted (generate.count)", "predicted"; "" when it has none. */
export function describeRole(figure: RecordFigure): string {
  const { role, fittedBy } = roleOf(figure);
  if (role === undefined) return '';
  return role === 'fitted' ? `fitted (${fittedBy ?? '?'})` : role;
}

/**
 * One check as words: the figure, its role, and "recorded R, model M  ✓ reproduced within ±t (+d)" for a
 * predicted figure, "= matched by construction within ±t" for an input or a fitted one, "✗ outside ±t"
 * for any figure off its record (with ": a miss, why" where the preset documents the miss, or only ", a miss"
 * with `why: false`, where the room is short), or
 * "recorded R; not reproduced: why" for a figure the preset does not reproduce. A figure without a role (a preset from before roles) reads "✓ within ±t (+d)".
 */
export function describeCheck(
  check: RecordCheck,
  options: { readonly why?: boolean; readonly units?: FigureUnits } = {},
): { figure: string; role: string; text: string } {
  const { figure } = check;
  const role = describeRole(figure);
  const recorded = `recorded ${formatRecorded(figure, options.units)}`;
  if (check.within === null) {
    return { figure: figure.figure, role, text: `${recorded}; not reproduced: ${figure.unmatched ?? ''}` };
  }
  const modelled =
    check.modelled === null ? 'n/a' : formatMetric(figure.metric, check.modelled, options.units);
  const tolerance = `±${formatPct(figure.tolerance ?? 0)}`;
  const off =
    check.deviation === null
      ? ''
      : ` (${check.deviation >= 0 ? '+' : '−'}${formatPct(Math.abs(check.deviation))})`;
  const miss = check.within === false ? missOf(figure) : undefined;
  const why = miss === undefined ? '' : options.why === false ? ', a miss' : `: a miss, ${miss}`;
  return {
    figure: figure.figure,
    role,
    text: `${recorded}, model ${modelled}  ${verdict(check, tolerance)}${off}${why}`,
  };
}

/** ✓ reproduced, = matched by construction, or ✗ outside. */
function verdict(check: RecordCheck, tolerance: string): string {
  if (!check.within) return `✗ outside ${tolerance}`;
  const { role } = roleOf(check.figure);
  if (role === undefined) return `✓ within ${tolerance}`;
  if (role === 'predicted') return `✓ reproduced within ${tolerance}`;
  // The role, said beside the figure, names the input or the parameter.
  return `= matched by construction within ${tolerance}`;
}
