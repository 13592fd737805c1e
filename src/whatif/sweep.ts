/** Sweeps: the values a parameter takes and where the cascade tips. Pure. */

/** The largest change in amplification between consecutive values of a sweep. */
export interface TippingPoint {
  readonly from: number;
  readonly to: number;
  readonly amplificationBefore: number;
  readonly amplificationAfter: number;
  /** amplificationAfter − amplificationBefore (negative when amplification falls). */
  readonly jump: number;
}

/** `steps` values from `from` to `to`: A + i·(B − A)/(N − 1) for i = 0 … N − 1. */
export function sweepValues(from: number, to: number, steps: number): number[] {
  return Array.from({ length: steps }, (_, i) => from + (i * (to - from)) / (steps - 1));
}

/** The most runs one sweep may ask for. */
export const MAX_SWEEP_STEPS = 1000;

/** The summary figures a sweep's tipping point may read (`liqloop sweep --tipping`); amplification by default. */
export const TIPPING_METRICS = [
  'amplification',
  'troughAmplification',
  'drawdownPct',
  'troughDrawdownPct',
  'badDebt',
  'totalLoss',
  'liquidatorProfit',
] as const;

export type TippingMetric = (typeof TIPPING_METRICS)[number];

/** The largest change of another figure than amplification between consecutive values of a sweep. */
export interface MetricTippingPoint {
  readonly metric: TippingMetric;
  readonly from: number;
  readonly to: number;
  readonly before: number;
  readonly after: number;
  /** after − before. */
  readonly jump: number;
}

/**
 * The largest change: among the runs with a figure (not null), taken in value order, the consecutive pair
 * whose figures differ the most (in absolute value; the first such pair on a tie). Null when fewer than
 * two runs have one.
 */
export function largestChange(
  values: readonly number[],
  series: readonly (number | null)[],
): { from: number; to: number; before: number; after: number; jump: number } | null {
  const points = values.flatMap((value, i) => {
    const a = series[i];
    return a === null || a === undefined ? [] : [{ value, a }];
  });
  let best: { from: number; to: number; before: number; after: number; jump: number } | null = null;
  for (let i = 1; i < points.length; i++) {
    const before = points[i - 1]!;
    const after = points[i]!;
    const jump = after.a - before.a;
    if (best === null || Math.abs(jump) > Math.abs(best.jump))
      best = { from: before.value, to: after.value, before: before.a, after: after.a, jump };
  }
  return best;
}

/** The tipping point: the largest change in amplification (see `largestChange`). */
export function tippingPoint(
  values: readonly number[],
  amplifications: readonly (number | null)[],
): TippingPoint | null {
  const change = largestChange(values, amplifications);
  if (!change) return null;
  return {
    from: change.from,
    to: change.to,
    amplificationBefore: change.before,
    amplificationAfter: change.after,
    jump: change.jump,
  };
}

/** The tipping point on another figure than amplification. */
export function metricTippingPoint(
  metric: TippingMetric,
  values: readonly number[],
  series: readonly (number | null)[],
): MetricTippingPoint | null {
  const change = largestChange(values, series);
  return change ? { metric, ...change } : null;
}
