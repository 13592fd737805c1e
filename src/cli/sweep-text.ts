import { plot } from 'asciichart';
import type { Preset } from '../presets/index.js';
import { formatCompact, formatCount, formatNumber, formatPct } from '../format.js';
import type { MetricTippingPoint, TippingMetric, TippingPoint } from '../whatif/sweep.js';
import type { SweepJson } from './sweep.js';
import { textTable } from './table.js';
import { noTippingReason } from '../ui/helpers/sweep-figures.js';
import { PARAMS } from '../ui/params.js';
import { pct } from '../ui/param-steps.js';

// Made on first use: the first Intl.NumberFormat of a process loads ICU's locale data (about 10 ms), which a
// `sweep --json` would pay on one core before its threads start.
let groupedFormat: Intl.NumberFormat | undefined;
const grouped = () => (groupedFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }));

/** A swept value as a person reads it: 3,636,364; 0.125; 1.06667. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1e5) return grouped().format(value);
  return String(Number(value.toPrecision(6)));
}

/**
 * The swept values as the what-if panel writes them: a share (shock.pct, a bonus, a threshold) as a
 * percent, exact (0.148696 is 14.8696%), every other field as formatValue does.
 */
export function valueFormatter(path: string): (value: number) => string {
  const lever = PARAMS.find((p) => p.path === path);
  return lever?.format === pct ? (v) => `${formatValue(v * 100)}%` : formatValue;
}

const CHART_WIDTH = 60;
const LABEL_WIDTH = 10;

/** The series stretched (a staircase, each value an equal run of columns) or sampled to about 60 columns. */
function fit(series: readonly number[]): { columns: number[]; perValue: number } {
  const n = series.length;
  if (n <= CHART_WIDTH) {
    const perValue = Math.max(1, Math.floor(CHART_WIDTH / n));
    return { columns: series.flatMap((v) => Array<number>(perValue).fill(v)), perValue };
  }
  const columns = Array.from(
    { length: CHART_WIDTH },
    (_, c) => series[Math.round((c * (n - 1)) / (CHART_WIDTH - 1))]!,
  );
  return { columns, perValue: CHART_WIDTH / n };
}

/**
 * Text columns of a plot (asciichart, offset 3, labels LABEL_WIDTH wide): the axis, which also shows the
 * first point, then the step from series index x to x + 1 at AXIS_COLUMN + 1 + x.
 */
const AXIS_COLUMN = LABEL_WIDTH + 1;

/** One chart of a per-value series, with the first and last value under it and the tipping point marked. */
function chart(
  title: string,
  series: readonly number[],
  label: (y: number) => string,
  values: readonly number[],
  tipping: number | undefined,
  height: number,
  x: (value: number) => string,
): string {
  const { columns, perValue } = fit(series);
  // asciichart steps a row counter from min × height / range up to max × height / range by ones: with values
  // far from 0 against their spread (1.000000000000001 beside 1) those reach 1e16, where adding one changes
  // nothing and the loop never ends. Plotted from its own minimum, the counter runs from 0 to `height`.
  const base = Math.min(...columns);
  const drawing = plot(
    columns.map((v) => v - base),
    {
      height,
      format: (y) =>
        label(y + base)
          .padStart(LABEL_WIDTH)
          .slice(-LABEL_WIDTH),
    },
  )
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
  const first = x(values[0]!);
  const last = x(values.at(-1)!);
  const span = columns.length;
  const axis =
    ' '.repeat(AXIS_COLUMN) + first + ' '.repeat(Math.max(1, span - first.length - last.length)) + last;
  const lines = [title, drawing, axis.trimEnd()];
  if (tipping !== undefined) {
    // The step from value tipping − 1 to tipping is drawn between their columns.
    const at = AXIS_COLUMN + 1 + Math.min(span - 2, Math.max(0, Math.round(tipping * perValue) - 1));
    lines.push(`${' '.repeat(at)}↑ tipping point`);
  }
  return lines.join('\n');
}

/** Enough decimals (2 to 6) for a chart's labels, `height` rows apart, to differ. */
function digits(series: readonly number[], height: number): number {
  const step = (Math.max(...series) - Math.min(...series)) / height;
  return step > 0 ? Math.min(6, Math.max(2, Math.ceil(-Math.log10(step)))) : 2;
}

/** The text `liqloop sweep` prints: the table, the charts, the tipping point. */
export function sweepText(json: SweepJson, preset: Preset, metric: TippingMetric = 'amplification'): string {
  const { quote } = preset.asset;
  const x = valueFormatter(json.param);
  const rows = json.runs.map(({ value, summary: s }) => [
    x(value),
    formatNumber(s.finalPrice),
    formatPct(s.drawdownPct),
    s.amplification === null ? 'no shock' : `${s.amplification.toFixed(2)}×`,
    s.troughAmplification === null ? 'no shock' : `${s.troughAmplification.toFixed(2)}×`,
    `${formatCount(s.positionsLiquidated)}/${formatCount(s.positions)}`,
    formatNumber(s.badDebt),
    formatNumber(s.totalLoss),
    String(s.rounds),
    s.converged ? 'yes' : 'no',
  ]);
  const header = [
    json.param,
    `final price (${quote})`,
    'drawdown',
    'amplification',
    'at trough',
    'liquidated',
    `bad debt (${quote})`,
    `total loss (${quote})`,
    'rounds',
    'converged',
  ];
  const tp = json.tippingPoint;

  // Amplification is charted over the runs that have one (a shock of 0 has none).
  const charted = json.runs.filter((r) => r.summary.amplification !== null);
  const amplifications = json.runs.map((r) => r.summary.amplification);
  // A jump too small to show (noTippingReason) is no tipping point: nothing is marked.
  const tipped =
    metric === 'amplification' &&
    (tp === null || !('metric' in tp)) &&
    noTippingReason(tp, amplifications) === undefined;
  const tippingIndex = tp && tipped ? charted.findIndex((r, i) => i > 0 && r.value === tp.to) : -1;
  const noShock = json.runs.filter((r) => r.summary.amplification === null).map((r) => x(r.value));
  const out = [
    `${json.preset}: ${json.param} from ${x(json.values[0]!)} to ${x(json.values.at(-1)!)} ` +
      `in ${json.values.length} steps`,
    '',
    textTable(header, rows),
    '',
  ];
  const shown = new Set(charted.map((r) => `${r.summary.amplification!.toFixed(2)}×`));
  // The same at every value, as written: a line says so rather than a chart of float noise.
  if (charted.length >= 2 && shown.size === 1) out.push(`Amplification: ${[...shown][0]} at every value`, '');
  else if (charted.length >= 2)
    out.push(
      chart(
        `Amplification (×) against ${json.param}` +
          (noShock.length ? ` (left out, no shock: ${noShock.join(', ')})` : ''),
        charted.map((r) => r.summary.amplification!),
        (y) =>
          `${y.toFixed(
            digits(
              charted.map((r) => r.summary.amplification!),
              10,
            ),
          )}×`,
        charted.map((r) => r.value),
        tippingIndex > 0 ? tippingIndex : undefined,
        10,
        x,
      ),
      '',
    );
  const badDebt = json.runs.map((r) => r.summary.badDebt);
  if (metric === 'badDebt') {
    // The tipping point's own chart below shows it.
  } else if (badDebt.every((b) => b === 0)) out.push(`Bad debt: 0 ${quote} at every value`, '');
  else
    out.push(
      chart(
        `Bad debt (${quote}) against ${json.param}`,
        badDebt,
        (y) => formatCompact(y),
        json.values,
        undefined,
        6,
        x,
      ),
      '',
    );
  if (metric !== 'amplification') out.push(...metricChart(json, metric), '');
  out.push(tippingText(json.param, tp, metric, amplifications, x));
  return `${out.join('\n')}\n`;
}

/** How each figure a tipping point may read is named and printed. */
const METRIC_TEXT: Record<TippingMetric, { readonly name: string; readonly value: (x: number) => string }> = {
  amplification: { name: 'amplification', value: (x) => `${x.toFixed(2)}×` },
  troughAmplification: { name: 'amplification at the trough', value: (x) => `${x.toFixed(2)}×` },
  drawdownPct: { name: 'drawdown', value: (x) => formatPct(x) },
  troughDrawdownPct: { name: 'drawdown at the trough', value: (x) => formatPct(x) },
  badDebt: { name: 'bad debt', value: formatNumber },
  totalLoss: { name: 'total loss', value: formatNumber },
  liquidatorProfit: { name: 'liquidator profit', value: formatNumber },
};

/** The chart of the figure a `--tipping` sweep reads, with its tipping point marked. */
function metricChart(json: SweepJson, metric: TippingMetric): string[] {
  const { name, value } = METRIC_TEXT[metric];
  const runs = json.runs.filter((r) => r.summary[metric] !== null);
  if (runs.length < 2) return [];
  const series = runs.map((r) => r.summary[metric]!);
  const tp = json.tippingPoint;
  const index = tp ? runs.findIndex((r, i) => i > 0 && r.value === tp.to) : -1;
  const title = `${name[0]!.toUpperCase()}${name.slice(1)} against ${json.param} (the tipping point reads it)`;
  const label = metric.endsWith('Pct') || metric.endsWith('Amplification') ? value : formatCompact;
  return [
    chart(
      title,
      series,
      label,
      runs.map((r) => r.value),
      index > 0 ? index : undefined,
      8,
      valueFormatter(json.param),
    ),
  ];
}

/** The tipping point in a sentence. */
function tippingText(
  param: string,
  tp: TippingPoint | MetricTippingPoint | null,
  metric: TippingMetric,
  amplifications: readonly (number | null)[],
  x: (value: number) => string,
): string {
  if (tp === null && metric !== 'amplification')
    return `Tipping point (${METRIC_TEXT[metric].name}): none (fewer than two runs have one).`;
  if (tp === null || !('metric' in tp)) {
    // The dashboard's sweep says none in the same words (ui/helpers/sweep-figures.ts).
    const none = noTippingReason(tp, amplifications);
    if (none !== undefined || !tp) return `Tipping point: none; ${none}.`;
    return (
      `Tipping point: between ${param} = ${x(tp.from)} and ${x(tp.to)}, ` +
      `amplification ${tp.jump > 0 ? 'jumps' : 'falls'} from ${tp.amplificationBefore.toFixed(2)}× to ` +
      `${tp.amplificationAfter.toFixed(2)}× (${tp.jump > 0 ? '+' : '−'}${Math.abs(tp.jump).toFixed(2)}×), ` +
      'the largest change between consecutive values.'
    );
  }
  const { name, value } = METRIC_TEXT[tp.metric];
  if (tp.jump === 0) return `Tipping point (${name}): none; ${name} is ${value(tp.before)} at every value.`;
  const delta = tp.metric.endsWith('Pct')
    ? `${(Math.abs(tp.jump) * 100).toFixed(1)} pts`
    : tp.metric.endsWith('Amplification') || tp.metric === 'amplification'
      ? `${Math.abs(tp.jump).toFixed(2)}×`
      : formatNumber(Math.abs(tp.jump));
  return (
    `Tipping point (${name}): between ${param} = ${x(tp.from)} and ${x(tp.to)}, ` +
    `${name} ${tp.jump > 0 ? 'rises' : 'falls'} from ${value(tp.before)} to ${value(tp.after)} ` +
    `(${tp.jump > 0 ? '+' : '−'}${delta}), the largest change between consecutive values.`
  );
}
