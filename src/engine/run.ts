import { Cascade, type CascadeOptions } from './cascade.js';
import type { RoundEvents } from './events.js';
import type { PositionBook } from './book.js';
import type { PerpBook } from './perps/book.js';
import type { RoundRecord, Scenario } from './types.js';

/** A finished run: every round's record, and the liquidations when they were recorded. */
export interface CascadeRun {
  readonly scenario: Scenario;
  readonly rounds: readonly RoundRecord[];
  /** events[i] belongs to rounds[i]; present when the run recorded events. */
  readonly events?: readonly RoundEvents[];
  readonly converged: boolean;
  readonly book: PositionBook;
  readonly perps?: PerpBook;
  /** The attack's cost, what it borrowed and the bad debt its own position left, when there was one. */
  readonly attack?: { readonly cost: number; readonly borrowed: number; readonly badDebt: number };
}

/** Runs a scenario until it converges or reaches its last round. */
export function runCascade(scenario: Scenario, options: CascadeOptions = {}): CascadeRun {
  const cascade = new Cascade(scenario, options);
  const rounds: RoundRecord[] = [];
  const events: RoundEvents[] = [];
  while (!cascade.done) {
    const outcome = cascade.step();
    rounds.push(outcome.record);
    if (outcome.events) events.push(outcome.events);
  }
  const run = {
    scenario,
    rounds,
    converged: cascade.converged,
    book: cascade.book,
    perps: cascade.perps,
    attack: scenario.attacker ? { ...cascade.attack } : undefined,
  };
  return options.recordEvents ? { ...run, events } : run;
}
