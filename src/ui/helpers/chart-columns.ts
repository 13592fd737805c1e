/**
 * Fitting several per-round series to one chart's columns on a shared x axis. Pure.
 *
 * The axis counts `n` rounds (the longest series); column c stands for the same rounds in every series,
 * so that a run that ended earlier stops where its last round is, instead of being stretched or held flat
 * to the other's end. Each column keeps the first and last value of its rounds and their minimum and
 * maximum, so that no start, peak or trough is averaged away.
 */
import type { Column } from './downsample.js';

/** The rounds [from, to) column `c` of `width` stands for on an axis of `n` rounds. */
export function columnRounds(c: number, n: number, width: number): { from: number; to: number } {
  if (n <= width) {
    const from = Math.min(n - 1, Math.floor((c * n) / width));
    return { from, to: from + 1 };
  }
  return { from: Math.floor((c * n) / width), to: Math.floor(((c + 1) * n) / width) };
}

/**
 * Exactly `width` entries for `series` on an axis of `n ≥ series.length` rounds: a column whose rounds
 * all lie past the series' end is undefined; one that reaches past it keeps only the rounds it has.
 */
export function sharedColumns(series: readonly number[], n: number, width: number): (Column | undefined)[] {
  const out: (Column | undefined)[] = [];
  if (width <= 0 || n <= 0) return out;
  for (let c = 0; c < width; c++) {
    const { from, to: end } = columnRounds(c, n, width);
    const to = Math.min(end, series.length);
    if (from >= to) {
      out.push(undefined);
      continue;
    }
    let min = Infinity;
    let max = -Infinity;
    for (let j = from; j < to; j++) {
      const v = series[j]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    out.push({ from, to, first: series[from]!, last: series[to - 1]!, min, max });
  }
  return out;
}
