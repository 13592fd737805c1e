/** The book's arrays the generator writes. */
export interface PerpArrays {
  readonly long: Uint8Array;
  readonly size: Float64Array;
  readonly entry: Float64Array;
  readonly margin: Float64Array;
}

/**
 * The price at which a position is liquidatable (below it for a long, above it for a short): where its
 * equity is `mm` of its notional. `PerpBook.liquidationPrice` and the generator's filing both use it, so
 * that a position is filed at the same key, to the bit, whichever files it.
 */
export function liquidationPriceOf(
  long: number,
  s: number,
  entry: number,
  margin: number,
  mm: number,
): number {
  return long ? (s * entry - margin) / (s * (1 - mm)) : (s * entry + margin) / (s * (1 + mm));
}

/**
 * A generated entry: uniform in p0 · (1 ± spread), narrowed so that the position is not liquidatable at
 * p0 (a book is drawn as it stands before the shock). A long of leverage L is liquidatable at p0 once
 * its entry is above p0 · (1 − mm) / (1 − 1/L); a short once its entry is below p0 · (1 + mm) / (1 + 1/L).
 * Both bounds lie beyond p0 when L < 1 / mm, which the preset schema requires.
 */
export function healthyEntry(
  p0: number,
  spread: number,
  leverage: number,
  maintenance: number,
  long: boolean,
  u: number,
): number {
  let low = p0 * (1 - spread);
  let high = p0 * (1 + spread);
  if (long) high = Math.min(high, (p0 * (1 - maintenance)) / (1 - 1 / leverage));
  else low = Math.max(low, (p0 * (1 + maintenance)) / (1 + 1 / leverage));
  return low + (high - low) * u;
}
