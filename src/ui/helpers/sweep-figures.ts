/**
 * What a finished sweep shows: the outcomes that act on the preset (bad debt for a lending book; the fund
 * drawn, ADL and the uncovered loss for perpetuals), each charted against the swept value, or said in one
 * line when it is the same at every value, or when the screen has no room left for its chart.
 */
import type { Summary } from '../../engine/index.js';
import { formatCompact, formatTimes } from '../../format.js';
import type { TippingPoint } from '../../whatif/sweep.js';

export interface SweepFigure {
  /** "Amplification", "Bad debt (USD)". */
  readonly title: string;
  /** The swept values the figure has (a run without a shock has no amplification). */
  readonly values: readonly number[];
  readonly ys: readonly number[];
  /** A value with its unit, for a line of text: "25.17M USD". */
  readonly format: (value: number) => string;
  /** A value on the chart's axis (the title carries the unit): "25.17M". */
  readonly label: (value: number) => string;
  readonly tone: 'venue' | 'danger' | 'accent';
  /** The figure the tipping point reads (its chart marks it). */
  readonly tipping?: boolean;
}

/** What the sweep ran on: the preset's quote, and whether it has a lending book, perpetuals, or both. */
export interface SweepOf {
  readonly quote: string;
  /** The asset's symbol: the unit of a swept quantity (a sale cap). */
  readonly symbol: string;
  readonly lending: boolean;
  readonly perps: boolean;
}

const money = (quote: string) => (v: number) => `${formatCompact(v)} ${quote}`;

/** Every figure the sweep shows, in order: amplification, then the losses that act on the preset. */
export function sweepFigures(
  of: SweepOf,
  values: readonly number[],
  summaries: readonly Summary[],
): SweepFigure[] {
  const runs = values.map((value, i) => ({ value, summary: summaries[i]! }));
  const amplified = runs.filter((r) => r.summary.amplification !== null);
  const figures: SweepFigure[] = [];
  if (amplified.length > 0)
    figures.push({
      title: 'Amplification',
      values: amplified.map((r) => r.value),
      ys: amplified.map((r) => r.summary.amplification!),
      format: formatTimes,
      label: formatTimes,
      tone: 'venue',
      tipping: true,
    });
  const loss = (title: string, read: (s: Summary) => number): SweepFigure => ({
    title: `${title} (${of.quote})`,
    values,
    ys: summaries.map(read),
    format: money(of.quote),
    label: formatCompact,
    tone: 'danger',
  });
  // A preset with neither (no positions at all) still says its bad debt: 0 at every value.
  if (of.lending || !of.perps) figures.push(loss('Bad debt', (s) => s.badDebt));
  if (of.perps)
    figures.push(
      loss('Fund drawn', (s) => s.fundDrawn),
      loss('ADL covered', (s) => s.adlCovered),
      loss('Uncovered loss', (s) => s.uncoveredLoss),
    );
  return figures;
}

/** The same value at every swept value, as written: said in one line, never drawn as a chart. */
export const flat = (figure: SweepFigure) =>
  figure.ys.every((y) => figure.format(y) === figure.format(figure.ys[0]!));

/**
 * The fewest plot rows a chart is drawn with; below that it is a line of text. Four rows still show a
 * top, a bottom and two levels between (at 80x24 under a perpetuals header, the amplification's chart
 * keeps its place with four; two rows, the walk's complaint, read as noise).
 */
export const MIN_PLOT_ROWS = 4;

export interface SweepLayout {
  /** The figures charted, each with its plot rows. */
  readonly charts: readonly { readonly figure: SweepFigure; readonly plotRows: number }[];
  /** The figures said in a line: flat, or left without room. */
  readonly lines: readonly SweepFigure[];
}

/** Rows a chart takes beside its plot: its title, its axis, and the tipping point's caret if it has one. */
const chrome = (figure: SweepFigure, marked: boolean) => 2 + (figure.tipping && marked ? 1 : 0);

/**
 * Lays the figures out in `rows`: each flat one a line; of the others, as many charts as fit (in order,
 * each at least MIN_PLOT_ROWS tall, the rows left shared among them), the rest a line each. `marked`: the
 * tipping point is drawn under its chart.
 */
export function sweepLayout(figures: readonly SweepFigure[], rows: number, marked: boolean): SweepLayout {
  const moving = figures.filter((f) => !flat(f));
  for (let n = moving.length; n >= 0; n--) {
    const charted = moving.slice(0, n);
    const lineCount = figures.length - n;
    const fixed = lineCount + charted.reduce((sum, f) => sum + chrome(f, marked), 0);
    const plot = n === 0 ? 0 : Math.floor((rows - fixed) / n);
    if (n > 0 && plot < MIN_PLOT_ROWS) continue;
    const extra = n === 0 ? 0 : rows - fixed - plot * n;
    return {
      charts: charted.map((figure, i) => ({ figure, plotRows: plot + (i < extra ? 1 : 0) })),
      lines: figures.filter((f) => !charted.includes(f)),
    };
  }
  return { charts: [], lines: [...figures] };
}

/**
 * A figure in one line, as parts (the first whole, the others asides that give way on a narrow screen):
 * "Bad debt (USD): 0 USD at every value", or where it starts and ends, then where it is most and least.
 */
export function figureParts(figure: SweepFigure, x: (value: number) => string): string[] {
  const { ys, values, format } = figure;
  if (ys.length === 0) return [`${figure.title}: no run has one`];
  if (flat(figure)) return [`${figure.title}: ${format(ys[0]!)} at every value`];
  const most = ys.indexOf(Math.max(...ys));
  const least = ys.indexOf(Math.min(...ys));
  return [
    `${figure.title}: ${format(ys[0]!)} at ${x(values[0]!)} → ${format(ys.at(-1)!)} at ${x(values.at(-1)!)}`,
    `; most ${format(ys[most]!)} at ${x(values[most]!)}`,
    `, least ${format(ys[least]!)} at ${x(values[least]!)}`,
  ];
}

/**
 * The largest change of amplification too small to be a tipping point: amplification is written to two
 * decimals, so a change under half of 0.01× (float noise, or a slope too gentle to see) reads
 * "1.00× to 1.00×". `liqloop sweep` and the dashboard's sweep both call it none.
 */
export const LEAST_TIPPING_JUMP = 0.005;

/**
 * Why a sweep has no tipping point, in the words `liqloop sweep` and the dashboard both print after
 * "Tipping point: none", or undefined when it has one. `amplifications`: the runs' own (null without a shock).
 */
export function noTippingReason(
  tip: TippingPoint | null | undefined,
  amplifications: readonly (number | null)[],
): string | undefined {
  if (!tip) return 'fewer than two runs have an amplification (the shock is 0)';
  if (Math.abs(tip.jump) >= LEAST_TIPPING_JUMP) return undefined;
  const ys = amplifications.filter((a): a is number => a !== null);
  const [least, most] = [formatTimes(Math.min(...ys)), formatTimes(Math.max(...ys))];
  return least === most
    ? `amplification is ${least} at every value`
    : `amplification changes by less than 0.01× from one value to the next (${least} to ${most})`;
}

/**
 * The tipping point as parts (the first whole, the aside giving way on a narrow screen), in the terms
 * `liqloop sweep` uses: none (and why), or between which values amplification jumps (or falls) the most.
 */
export function tippingParts(
  tip: TippingPoint | null | undefined,
  amplifications: readonly (number | null)[],
  x: (value: number) => string,
): string[] {
  const none = noTippingReason(tip, amplifications);
  if (none !== undefined || !tip) return [`Tipping point: none; ${none}.`];
  return [
    `Tipping point: between ${x(tip.from)} and ${x(tip.to)}, amplification ${tip.jump > 0 ? 'jumps' : 'falls'} from ` +
      `${formatTimes(tip.amplificationBefore)} to ${formatTimes(tip.amplificationAfter)}`,
    ' (the largest change).',
  ];
}
