import type { Scenario as Preset, Summary } from '../engine/index.js';

/** What the pool sends a sweep worker: a run to make. */
export interface SweepTask {
  readonly index: number;
  readonly preset: Preset;
  readonly maxRounds?: number;
}

/** What the pool sends a worker when the sweep has no more runs for it: it closes its port and exits. */
export const STOP = 'stop';

export type SweepReply =
  | { readonly index: number; readonly summary: Summary; readonly shortfall: number }
  | { readonly index: number; readonly outOfRange: string }
  | { readonly index: number; readonly error: string };
