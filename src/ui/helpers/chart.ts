import type { RoundRecord } from '../../engine/index.js';
import { formatLabels } from '../../format.js';
import { LABEL_WIDTH, spacedLabels, ticks } from './chart-axis.js';
import { sharedColumns } from './chart-columns.js';
import { AXIS, GLYPHS, MARKER, REFERENCE_GLYPHS, type Glyphs } from './chart-glyphs.js';
import { columnOf, type Column } from './downsample.js';

export { GLYPHS } from './chart-glyphs.js';
export { LABEL_WIDTH, niceStep, spacedLabels } from './chart-axis.js';

/** The two price paths per round, round 0 being the price before the shock. */
export interface PricePaths {
  readonly venue: number[];
  readonly oracle: number[];
}

export function pricePaths(initialPrice: number, records: readonly RoundRecord[]): PricePaths {
  return {
    venue: [initialPrice, ...records.map((r) => r.price)],
    oracle: [initialPrice, ...records.map((r) => r.oraclePrice)],
  };
}

/** What one cell of the chart shows, so that a component can colour it. */
export type Ink = 'axis' | 'venue' | 'oracle' | 'line' | 'marker' | 'blank';

export interface ChartRow {
  readonly runs: readonly { readonly text: string; readonly ink: Ink }[];
}

export interface ChartLine {
  /** One value per round (index 0 is the chart's first round). */
  readonly series: readonly number[];
  readonly ink: 'venue' | 'oracle';
  readonly style: 'solid' | 'dashed';
}

/** A horizontal line across the chart at a value, with its name at the right end. */
export interface Reference {
  readonly value: number;
  readonly label: string;
}

export interface ChartSpec {
  /** Drawn in order, the first on top. */
  readonly lines: readonly ChartLine[];
  readonly width: number;
  /** Rows in all: the plot, then one row of round ticks. */
  readonly height: number;
  /** A logarithmic value axis (every value must be positive). */
  readonly log?: boolean;
  /** Values must be positive (prices): others are replaced by the round before's. */
  readonly positive?: boolean;
  readonly references?: readonly Reference[];
  /** A round (an index into the series) marked with a vertical line. */
  readonly marker?: number;
  /** The round number of index 0, for the ticks (a zoomed chart starts later). */
  readonly firstRound?: number;
  /** A tick's text for a round (default: the round's number), and the axis's name under the labels. */
  readonly tick?: (round: number) => string;
  readonly axisName?: string;
  /** The value labels for a column of row values (default: the fewest digits that keep them apart). */
  readonly labels?: (values: number[]) => string[];
}

/** A series with its unusable values (NaN, ±∞, and for prices ≤ 0) replaced by the one before, or the first usable. */
function usable(series: readonly number[], positive: boolean): number[] {
  const ok = (v: number) => Number.isFinite(v) && (!positive || v > 0);
  const seed = series.find(ok);
  if (seed === undefined) return [];
  let last = seed;
  return series.map((v) => (ok(v) ? (last = v) : last));
}

/** A reference line as drawn: its glyph, and whether it is on the chart or above or below its range. */
export interface DrawnReference extends Reference {
  readonly glyph: string;
  readonly place: 'drawn' | 'above' | 'below' | 'hidden';
}

/** What a chart drew, for its legend: the value range, the references, and whether the marker is on it. */
export interface DrawnChart {
  readonly rows: ChartRow[];
  /** The lowest and highest value drawn (undefined when nothing is). */
  readonly lo?: number;
  readonly hi?: number;
  readonly references: readonly DrawnReference[];
  readonly marker: boolean;
}

/**
 * Draws the lines into exactly `height` rows of `width` columns: value labels, the plot, then round ticks.
 * All lines share one x axis as long as the longest: a column stands for the same rounds in each, and a
 * shorter line stops at its own last round. Each column is drawn from its rounds' minimum to their
 * maximum (`sharedColumns`), so the top label is the highest value and the bottom label the lowest,
 * whatever the zoom or width. Reference lines fill only cells no line occupies; their names are for the
 * legend, never over the data.
 */
export function drawChart(spec: ChartSpec): DrawnChart {
  const { width, height } = spec;
  const plotRows = height >= 3 ? height - 1 : height;
  const plotWidth = Math.max(1, width - LABEL_WIDTH - 1);
  const log = spec.log === true;
  const series = spec.lines.map((l) => usable(l.series, spec.positive === true || log));
  const n = Math.max(0, ...series.map((s) => s.length));
  const columns = series.map((s) => sharedColumns(s, n, plotWidth));
  const grid: { ch: string; ink: Ink }[][] = Array.from({ length: height }, () =>
    Array.from({ length: width }, () => ({ ch: ' ', ink: 'blank' as Ink })),
  );
  const all = columns.flat().filter((c): c is Column => c !== undefined);
  const given = (spec.references ?? []).map((r, i) => ({
    ...r,
    glyph: REFERENCE_GLYPHS[i % REFERENCE_GLYPHS.length]!,
  }));
  if (all.length === 0 || plotRows < 1) {
    return { rows: toRows(grid), references: given.map((r) => ({ ...r, place: 'hidden' })), marker: false };
  }
  const lo = Math.min(...all.map((c) => c.min));
  const hi = Math.max(...all.map((c) => c.max));
  const scale = (v: number) => (log ? Math.log(v) : v);
  const span = scale(hi) - scale(lo);
  const flat = !(span > Math.abs(scale(hi)) * 1e-12) || plotRows === 1;
  const rowOf = (v: number) =>
    flat ? Math.floor((plotRows - 1) / 2) : Math.round(((scale(hi) - scale(v)) / span) * (plotRows - 1));
  const valueOf = (row: number) => {
    const s = scale(hi) - (row / (plotRows - 1)) * span;
    return log ? Math.exp(s) : s;
  };
  const x0 = LABEL_WIDTH + 1;

  // The first line first: a later one fills only the cells left free, so the first is drawn over the others.
  for (let l = 0; l < spec.lines.length; l++) {
    drawLine(grid, columns[l]!, rowOf, x0, GLYPHS[spec.lines[l]!.style], spec.lines[l]!.ink);
  }
  const free = (y: number, x: number) => grid[y]![x]!.ink === 'blank';
  const marked = spec.marker !== undefined && n > 0 && spec.marker >= 0 && spec.marker < n - 1;
  if (marked) {
    const x = x0 + columnOf(spec.marker!, n, plotWidth);
    for (let y = 0; y < plotRows; y++)
      if (x < width && free(y, x)) grid[y]![x] = { ch: MARKER, ink: 'marker' };
  }
  const references = given.map((ref): DrawnReference => {
    if (flat || !Number.isFinite(ref.value) || (log && !(ref.value > 0))) return { ...ref, place: 'hidden' };
    if (ref.value > hi) return { ...ref, place: 'above' };
    if (ref.value < lo) return { ...ref, place: 'below' };
    const y = rowOf(ref.value);
    for (let x = x0; x < width; x++) if (free(y, x)) grid[y]![x] = { ch: ref.glyph, ink: 'line' };
    return { ...ref, place: 'drawn' };
  });
  // Value labels: every row, the top the highest value and the bottom the lowest.
  const rowValues = flat
    ? [lo]
    : Array.from({ length: plotRows }, (_, y) => (y === plotRows - 1 ? lo : y === 0 ? hi : valueOf(y)));
  const texts = flat
    ? (spec.labels ?? formatLabels)(rowValues)
    : spacedLabels(rowValues, spec.labels ?? formatLabels);
  for (let y = 0; y < plotRows; y++) {
    const text = flat ? (y === rowOf(lo) ? texts[0]! : '') : texts[y]!;
    const cell = `${text.length > LABEL_WIDTH ? text.slice(0, LABEL_WIDTH) : text.padStart(LABEL_WIDTH)}${text ? AXIS.labelled : AXIS.plain}`;
    Array.from(cell).forEach((ch, x) => {
      if (x < width) grid[y]![x] = { ch, ink: 'axis' };
    });
  }
  if (plotRows < height) ticks(grid[height - 1]!, n, plotWidth, spec);
  return { rows: toRows(grid), lo, hi, references, marker: marked };
}

export function renderChart(spec: ChartSpec): ChartRow[] {
  return drawChart(spec).rows;
}

/**
 * Draws one line: each column from where the line comes in to its lowest and highest value to where it
 * leaves; it ends at its first missing column (a run that ended earlier).
 */
function drawLine(
  grid: { ch: string; ink: Ink }[][],
  columns: readonly (Column | undefined)[],
  rowOf: (v: number) => number,
  x0: number,
  glyphs: Glyphs,
  ink: Ink,
): void {
  let previous: number | undefined;
  for (let c = 0; c < columns.length; c++) {
    const col = columns[c];
    const x = x0 + c;
    if (col === undefined || x >= grid[0]!.length) return;
    const enter = rowOf(previous ?? col.first);
    const leave = rowOf(col.last);
    const top = Math.min(enter, leave, rowOf(col.max));
    const bottom = Math.max(enter, leave, rowOf(col.min));
    for (let y = top; y <= bottom; y++) {
      const mask = (y === enter ? 1 : 0) | (y === leave ? 2 : 0) | (y > top ? 4 : 0) | (y < bottom ? 8 : 0);
      const cell = grid[y]![x]!;
      if (cell.ink === 'venue' || cell.ink === 'oracle') continue;
      grid[y]![x] = { ch: glyphs[mask]!, ink };
    }
    previous = col.last;
  }
}

function toRows(grid: readonly { ch: string; ink: Ink }[][]): ChartRow[] {
  return grid.map((cells) => {
    const runs: { text: string; ink: Ink }[] = [];
    for (const cell of cells) {
      const last = runs.at(-1);
      if (last && last.ink === cell.ink) last.text += cell.ch;
      else runs.push({ text: cell.ch, ink: cell.ink });
    }
    return { runs };
  });
}

/**
 * A row's runs as Ink is given them: without the blank run at its end. The cells after a row's last glyph
 * look the same written or not (a terminal line is blank past its text), and Ink measures and splits into
 * cells every character it is given, on every frame: the trailing blanks were about a fifth of the text
 * of a dashboard frame.
 */
export function drawnRuns(row: ChartRow): ChartRow['runs'] {
  const last = row.runs.at(-1);
  return last?.ink === 'blank' ? row.runs.slice(0, -1) : row.runs;
}

/** The price chart's two lines: the venue solid, and the oracle (or a variant's venue) dashed. */
export function renderPriceChart(
  paths: PricePaths,
  width: number,
  height: number,
  options: Omit<ChartSpec, 'lines' | 'width' | 'height' | 'positive'> = {},
): ChartRow[] {
  return renderChart({
    ...options,
    lines: [
      { series: paths.venue, ink: 'venue', style: 'solid' },
      { series: paths.oracle, ink: 'oracle', style: 'dashed' },
    ],
    width,
    height,
    positive: true,
  });
}
