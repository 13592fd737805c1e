import { plot } from 'asciichart';
import type { RoundRecord } from '../../engine/index.js';
import { formatCompact } from '../../format.js';

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

/**
 * Fits a per-round series to exactly `width` columns: each round gets an equal run of columns when there
 * are few (a staircase, honest about discrete rounds), and bucket means keep the last point when there are many.
 */
export function fitToWidth(series: readonly number[], width: number): number[] {
  const n = series.length;
  if (n === 0 || width <= 0) return [];
  if (n <= width) {
    const out: number[] = [];
    for (let c = 0; c < width; c++) out.push(series[Math.min(n - 1, Math.floor((c * n) / width))]!);
    return out;
  }
  const out: number[] = [];
  for (let c = 0; c < width; c++) {
    const a = Math.floor((c * n) / width);
    const b = Math.floor(((c + 1) * n) / width);
    let sum = 0;
    for (let j = a; j < b; j++) sum += series[j]!;
    out.push(sum / (b - a));
  }
  out[width - 1] = series[n - 1]!;
  return out;
}

/** What one cell of the chart shows, so that a component can colour it. */
export type Ink = 'axis' | 'venue' | 'oracle' | 'blank';

export interface ChartRow {
  readonly runs: readonly { readonly text: string; readonly ink: Ink }[];
}

const ORACLE_SYMBOLS = ['┼', '┤', '╶', '╴', '┄', '╰', '╭', '╮', '╯', '┆'];

const LABEL_FORMATS = [0, 2, 4].map(
  (digits) =>
    new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }),
);

/** Formats a price label to exactly `width` characters. */
function label(value: number, width: number): string {
  const text =
    value >= 1e6
      ? formatCompact(value)
      : LABEL_FORMATS[value >= 1000 ? 0 : value >= 10 ? 1 : 2]!.format(value);
  return text.padStart(width);
}

/**
 * Draws the venue path (solid) and the oracle path (dashed, where it does not lie under the venue's)
 * into exactly `height` rows of `width` columns. asciichart has no width option and throws on NaN or an
 * empty series: this function gives it neither.
 */
export function renderPriceChart(paths: PricePaths, width: number, height: number): ChartRow[] {
  const labelWidth = 9;
  const plotWidth = Math.max(2, width - labelWidth - 2);
  const finite = (s: readonly number[]) => s.filter((v) => Number.isFinite(v) && v > 0);
  const venue = fitToWidth(finite(paths.venue), plotWidth);
  const oracle = fitToWidth(finite(paths.oracle), plotWidth);
  if (venue.length === 0 || height < 2) return [];
  let min = Math.min(...venue, ...oracle);
  let max = Math.max(...venue, ...oracle);
  if (max - min < max * 1e-9) {
    min *= 0.99;
    max *= 1.01;
  }
  const config = { min, max, height: height - 1, offset: 2, format: (v: number) => label(v, labelWidth) };
  const venueRows = plot(venue, config).split('\n');
  const oracleRows = oracle.length ? plot(oracle, { ...config, symbols: ORACLE_SYMBOLS }).split('\n') : [];
  const axisWidth = labelWidth + 1;
  return venueRows.slice(0, height).map((line, y) => {
    const cells: { ch: string; ink: Ink }[] = [];
    const other = oracleRows[y] ?? '';
    for (let x = 0; x < width; x++) {
      const v = line[x] ?? ' ';
      const o = other[x] ?? ' ';
      if (x < axisWidth) cells.push({ ch: v, ink: 'axis' });
      else if (v !== ' ') cells.push({ ch: v, ink: 'venue' });
      else if (o !== ' ') cells.push({ ch: o, ink: 'oracle' });
      else cells.push({ ch: ' ', ink: 'blank' });
    }
    const runs: { text: string; ink: Ink }[] = [];
    for (const cell of cells) {
      const last = runs.at(-1);
      if (last && last.ink === cell.ink) last.text += cell.ch;
      else runs.push({ text: cell.ch, ink: cell.ink });
    }
    return { runs };
  });
}
