import type { BookArrays } from './book-draws.js';
import type { GenerateSpec } from './types.js';

/**
 * A per-thread memo of the last generated book's draws, off unless a sweep worker turns it on.
 *
 * A sweep runs one preset many times with one parameter changed; when that parameter is not one the
 * generator reads (`generate`, the start price, the default threshold), every run draws the same book.
 * A worker then copies the kept draws (two typed-array copies) instead of drawing them again. The draws
 * are a pure function of the key below, so a copy is byte-for-byte the book a fresh draw would give.
 * Off by default: a single run would only pay for the copy and the memory.
 */
let enabled = false;
let kept:
  | {
      readonly key: string;
      readonly collateral: Float64Array;
      readonly debt: Float64Array;
    }
  | undefined;

/** Turns the memo on (sweep and robustness workers) or off (dropping what it kept). */
export function keepGeneratedDraws(on: boolean): void {
  enabled = on;
  if (!on) kept = undefined;
}

/** What the draws depend on, as a string; -0 is kept apart from 0 (JSON would write both as 0). */
function drawKey(spec: GenerateSpec, initialPrice: number, threshold: number): string {
  return JSON.stringify([spec, initialPrice, threshold], (_, value: unknown) =>
    Object.is(value, -0) ? '-0' : value,
  );
}

/**
 * Fills `target` from `offset` with the `spec.count` generated positions: from the memo when it holds the
 * same draws, else by calling `draw` (which writes them there), then keeping a copy when the memo is on.
 * Returns whether `draw` was called.
 */
export function fillDrawsOnce(
  target: BookArrays,
  offset: number,
  spec: GenerateSpec,
  initialPrice: number,
  threshold: number,
  draw: () => void,
): boolean {
  if (!enabled) {
    draw();
    return true;
  }
  const key = drawKey(spec, initialPrice, threshold);
  if (kept?.key === key) {
    target.collateral.set(kept.collateral, offset);
    target.debt.set(kept.debt, offset);
    return false;
  }
  kept = undefined;
  draw();
  const end = offset + spec.count;
  kept = {
    key,
    collateral: target.collateral.slice(offset, end),
    debt: target.debt.slice(offset, end),
  };
  return true;
}
