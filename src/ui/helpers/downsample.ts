/**
 * Fitting a per-round series to a chart's columns. Pure.
 *
 * A column stands for a run of rounds. It keeps the first and last value of its run (where the line comes
 * in and goes out) and the run's minimum and maximum, so that no peak or trough is ever averaged away: the
 * chart draws every column from its minimum to its maximum.
 */

import { sharedColumns } from './chart-columns.js';

export interface Column {
  /** The rounds (indices into the series) the column stands for: [from, to). */
  readonly from: number;
  readonly to: number;
  readonly first: number;
  readonly last: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Exactly `width` columns for `series`. With no more points than columns, each point gets an equal run of
 * columns (a staircase, honest about discrete rounds); with more, each column gets an equal run of points.
 */
export function downsample(series: readonly number[], width: number): Column[] {
  if (series.length === 0) return [];
  // The series is the whole axis, so every column has rounds: none is undefined.
  return sharedColumns(series, series.length, width) as Column[];
}

/** The first column that shows round `index` of a series of `n` points in `width` columns. */
export function columnOf(index: number, n: number, width: number): number {
  if (n <= width) return Math.ceil((index * width) / n);
  return Math.floor((index * width) / n);
}

/**
 * One value per column for the staircase or bucket of each: the last value of a column's run. Only for
 * series with no more points than columns (a sweep's values), where nothing is lost.
 */
export function fitToWidth(series: readonly number[], width: number): number[] {
  return downsample(series, width).map((c) => c.last);
}
