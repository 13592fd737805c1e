/**
 * The chart's axes: value labels down the left, round ticks along the bottom. Pure.
 */
import { formatCount } from '../../format.js';
import type { ChartSpec, Ink } from './chart.js';
import { columnOf } from './downsample.js';

/** The value labels' column, before the axis line. */
export const LABEL_WIDTH = 9;

/**
 * Labels for the rows' values, every row when they fit the label column and read apart; else every
 * second, third, … row (the top and bottom always), so that no label is cut or repeated. Unlabelled rows
 * get ''.
 */
export function spacedLabels(values: readonly number[], format: (values: number[]) => string[]): string[] {
  const last = values.length - 1;
  for (let step = 1; step <= Math.max(1, last); step++) {
    const rows = values.map((_, y) => y).filter((y) => y % step === 0 && (y === last || last - y >= step));
    if (!rows.includes(last)) rows.push(last);
    const texts = format(rows.map((y) => values[y]!));
    const fits = texts.every((t) => Array.from(t).length <= LABEL_WIDTH);
    const apart = texts.every((t, i) => i === 0 || t !== texts[i - 1]);
    if (fits && apart) {
      const out = values.map(() => '');
      rows.forEach((y, i) => (out[y] = texts[i]!));
      return out;
    }
  }
  // Nothing keeps them apart in the column: the top and bottom only, or the top alone if even they read
  // the same there.
  const [top, bottom] = format([values[0]!, values[last]!]).map((t) =>
    Array.from(t).slice(0, LABEL_WIDTH).join(''),
  );
  return values.map((_, y) => (y === 0 ? top! : y === last && bottom !== top ? bottom! : ''));
}

/** Round ticks under the plot at a step that keeps their labels apart, the axis's name under the labels. */
export function ticks(row: { ch: string; ink: Ink }[], n: number, plotWidth: number, spec: ChartSpec): void {
  const first = spec.firstRound ?? 0;
  const text = spec.tick ?? ((r: number) => formatCount(r));
  const name = (spec.axisName ?? 'round').slice(0, LABEL_WIDTH);
  Array.from(name.padStart(LABEL_WIDTH)).forEach((ch, x) => (row[x] = { ch, ink: 'axis' }));
  if (n === 0) return;
  const widest = Math.max(text(first).length, text(first + n - 1).length) + 2;
  const room = Math.max(1, Math.floor(plotWidth / widest));
  const step = niceStep((n - 1) / room);
  let free = 0;
  for (let r = Math.ceil(first / step) * step; r <= first + n - 1; r += step) {
    const x = LABEL_WIDTH + 1 + columnOf(r - first, n, plotWidth);
    const label = text(r);
    if (x < free || x + label.length > row.length) continue;
    Array.from(label).forEach((ch, i) => (row[x + i] = { ch, ink: 'axis' }));
    free = x + label.length + 1;
  }
}

/** The smallest of 1, 2, 5, 10, 20, 50, … at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}
