import { expect } from 'vitest';

/** Asserts |actual - expected| <= rel * |expected| (or <= rel when expected is 0). */
export function expectClose(actual: number, expected: number, rel = 1e-12, label = ''): void {
  const scale = expected === 0 ? 1 : Math.abs(expected);
  const error = Math.abs(actual - expected) / scale;
  expect(
    Number.isFinite(actual) && error <= rel,
    `${label} expected ${actual} to be within ${rel} (relative) of ${expected}, relative error ${error}`,
  ).toBe(true);
}
