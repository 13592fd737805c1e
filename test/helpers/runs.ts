import { expect } from 'vitest';
import { runCascade, type Scenario } from '../../src/engine/index.js';

/** Runs a scenario twice and expects the same records, convergence and final book, bit for bit. */
export function expectSameRunTwice(s: Scenario): void {
  const a = runCascade(s);
  const b = runCascade(s);
  expect(b.rounds).toEqual(a.rounds);
  expect(b.converged).toBe(a.converged);
  expect([...b.book.collateral]).toEqual([...a.book.collateral]);
  expect([...b.book.debt]).toEqual([...a.book.debt]);
}
