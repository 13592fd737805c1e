import { plot } from 'asciichart';
import {
  applyOverrides,
  makeOverride,
  type Override,
  type OverrideProblem,
  type Preset,
} from '../presets/index.js';
import { formatCompact, formatCount, formatNumber, formatPct } from '../format.js';
import { EXIT_BAD_INPUT, type CliIo } from './io.js';
import { checkOutput, emit, toCsv } from './out.js';
import { summaryJson } from './run-json.js';
import { SweepRangeError, runInWorkers, type PresetSource } from '../whatif/pool.js';
import { sweepValues, tippingPoint, type TippingPoint } from '../whatif/sweep.js';
import { textTable } from './table.js';
import { formatOverrideFailure, loadBase } from './variant.js';

type SummaryJson = ReturnType<typeof summaryJson>;

/** The most runs one sweep may ask for. */
export const MAX_SWEEP_STEPS = 1000;

export interface SweepOptions {
  readonly param: string;
  readonly from: number;
  readonly to: number;
  readonly steps: number;
  readonly set?: readonly Override[];
  readonly json?: boolean;
  readonly rounds?: number;
  readonly out?: string;
  readonly force?: boolean;
}

export interface SweepJson {
  readonly preset: string;
  readonly param: string;
  readonly values: number[];
  readonly runs: { value: number; summary: SummaryJson }[];
  readonly tippingPoint: TippingPoint | null;
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A swept value as a person reads it: 3,636,364; 0.125; 1.06667. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1e5) return grouped.format(value);
  return String(Number(value.toPrecision(6)));
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
): string {
  const { columns, perValue } = fit(series);
  const drawing = plot(columns, {
    height,
    format: (y) => label(y).padStart(LABEL_WIDTH).slice(-LABEL_WIDTH),
  })
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
  const first = formatValue(values[0]!);
  const last = formatValue(values.at(-1)!);
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
function sweepText(json: SweepJson, preset: Preset): string {
  const { quote } = preset.asset;
  const rows = json.runs.map(({ value, summary: s }) => [
    formatValue(value),
    formatNumber(s.finalPrice),
    formatPct(s.drawdownPct),
    s.amplification === null ? 'no shock' : `${s.amplification.toFixed(2)}×`,
    `${formatCount(s.positionsLiquidated)}/${formatCount(s.positions)}`,
    formatNumber(s.badDebt),
    String(s.rounds),
    s.converged ? 'yes' : 'no',
  ]);
  const header = [
    json.param,
    `final price (${quote})`,
    'drawdown',
    'amplification',
    'liquidated',
    `bad debt (${quote})`,
    'rounds',
    'converged',
  ];
  const tp = json.tippingPoint;
  // Amplification is charted over the runs that have one (a shock of 0 has none).
  const charted = json.runs.filter((r) => r.summary.amplification !== null);
  const tippingIndex = tp ? charted.findIndex((r, i) => i > 0 && r.value === tp.to) : -1;
  const noShock = json.runs.filter((r) => r.summary.amplification === null).map((r) => formatValue(r.value));
  const out = [
    `${json.preset}: ${json.param} from ${formatValue(json.values[0]!)} to ${formatValue(json.values.at(-1)!)} ` +
      `in ${json.values.length} steps`,
    '',
    textTable(header, rows),
    '',
  ];
  if (charted.length >= 2)
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
      ),
      '',
    );
  const badDebt = json.runs.map((r) => r.summary.badDebt);
  if (badDebt.every((b) => b === 0)) out.push(`Bad debt: 0 ${quote} at every value`, '');
  else
    out.push(
      chart(
        `Bad debt (${quote}) against ${json.param}`,
        badDebt,
        (y) => formatCompact(y),
        json.values,
        undefined,
        6,
      ),
      '',
    );
  if (!tp) out.push('Tipping point: none (fewer than two runs have an amplification: the shock is 0).');
  else if (tp.jump === 0)
    out.push(`Tipping point: none; amplification is ${tp.amplificationBefore.toFixed(2)}× at every value.`);
  else
    out.push(
      `Tipping point: between ${json.param} = ${formatValue(tp.from)} and ${formatValue(tp.to)}, ` +
        `amplification ${tp.jump > 0 ? 'jumps' : 'falls'} from ${tp.amplificationBefore.toFixed(2)}× to ` +
        `${tp.amplificationAfter.toFixed(2)}× (${tp.jump > 0 ? '+' : '−'}${Math.abs(tp.jump).toFixed(2)}×), ` +
        'the largest change between consecutive values.',
    );
  return `${out.join('\n')}\n`;
}

/** The CSV: one row per value, with every summary field. */
function sweepCsv(json: SweepJson): string {
  const first = json.runs[0]!.summary;
  const fields = Object.keys(first) as (keyof SummaryJson)[];
  return toCsv(
    ['value', ...fields],
    json.runs.map((r) => [r.value, ...fields.map((f) => r.summary[f])]),
  );
}

/** The preset of one swept value, or the problems it has. */
function variant(raw: unknown, options: SweepOptions, value: number) {
  const param = makeOverride(options.param, value, '--param');
  if (!param.ok) return { ok: false as const, message: `liqloop: --param: ${param.message}\n` };
  return applyOverrides(raw, [...(options.set ?? []), param.value]);
}

/**
 * Validates every variant before any runs, keeping none of them (a sweep's memory does not grow with its
 * steps); the first invalid value is the failure, with a count of the others.
 */
function checkVariants(
  ref: string,
  raw: unknown,
  options: SweepOptions,
  values: readonly number[],
): { ok: true; first: Preset } | { ok: false; message: string } {
  const sets = options.set ?? [];
  let first: Preset | undefined;
  let failure: { value: number; problems: OverrideProblem[] } | undefined;
  let invalid = 0;
  for (const value of values) {
    const result = variant(raw, options, value);
    if ('message' in result) return result;
    if (result.ok) first ??= result.preset;
    else {
      invalid += 1;
      failure ??= { value, problems: result.problems };
    }
  }
  if (!failure) return { ok: true, first: first! };
  const label = `${sets.length ? '--set and ' : ''}--param ${options.param}=${JSON.stringify(failure.value)}`;
  let message = formatOverrideFailure(ref, label, failure.problems);
  if (invalid > 1)
    message += `liqloop: ${invalid - 1} more of the ${values.length} values make the preset invalid too.\n`;
  return { ok: false, message };
}

/** The variants as the workers ask for them, each built again from the raw preset (checked already). */
function variantSource(raw: unknown, options: SweepOptions, values: readonly number[]): PresetSource {
  return {
    length: values.length,
    at: (index) => {
      const result = variant(raw, options, values[index]!);
      return 'ok' in result && result.ok ? result.preset : undefined;
    },
  };
}

/** `liqloop sweep <preset> --param path --from A --to B --steps N`. */
export async function sweepCommand(ref: string, options: SweepOptions, io: CliIo): Promise<number> {
  const base = loadBase(ref);
  if (!base.ok) {
    io.err(base.message);
    return EXIT_BAD_INPUT;
  }
  const values = sweepValues(options.from, options.to, options.steps);
  if (!values.every(Number.isFinite)) {
    io.err(
      `liqloop: --from ${options.from} --to ${options.to}: expected values whose difference is a finite number\n`,
    );
    return EXIT_BAD_INPUT;
  }
  const built = checkVariants(ref, base.raw, options, values);
  if (!built.ok) {
    io.err(built.message);
    return EXIT_BAD_INPUT;
  }
  const outProblem = checkOutput(options);
  if (outProblem) {
    io.err(outProblem);
    return EXIT_BAD_INPUT;
  }
  let summaries: SummaryJson[];
  try {
    summaries = (await runInWorkers(variantSource(base.raw, options, values), options.rounds)).map(
      summaryJson,
    );
  } catch (error) {
    if (!(error instanceof SweepRangeError)) throw error;
    io.err(
      `liqloop: ${ref} with --param ${options.param}=${formatValue(values[error.index]!)}: ${error.message}\n`,
    );
    return EXIT_BAD_INPUT;
  }
  const json: SweepJson = {
    preset: built.first.name,
    param: options.param,
    values,
    runs: values.map((value, i) => ({ value, summary: summaries[i]! })),
    tippingPoint: tippingPoint(
      values,
      summaries.map((s) => s.amplification),
    ),
  };
  return emit(io, options, {
    json,
    text: () => sweepText(json, built.first),
    csv: () => sweepCsv(json),
  });
}
