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

/**
 * The tipping point: among the runs with an amplification (not null), taken in value order, the
 * consecutive pair whose amplifications differ the most (in absolute value; the first such pair on a tie).
 * Null when fewer than two runs have an amplification.
 */
export function tippingPoint(
  values: readonly number[],
  amplifications: readonly (number | null)[],
): TippingPoint | null {
  const points = values.flatMap((value, i) => {
    const a = amplifications[i];
    return a === null || a === undefined ? [] : [{ value, a }];
  });
  let best: TippingPoint | null = null;
  for (let i = 1; i < points.length; i++) {
    const before = points[i - 1]!;
    const after = points[i]!;
    const jump = after.a - before.a;
    if (best === null || Math.abs(jump) > Math.abs(best.jump)) {
      best = {
        from: before.value,
        to: after.value,
        amplificationBefore: before.a,
        amplificationAfter: after.a,
        jump,
      };
    }
  }
  return best;
}
