/**
 * `liqloop run --robust` and the record panel's bands: the preset, its twin without the loop and every
 * rerun, on worker threads, read into each figure's range and the loop's share.
 */
import type { Scenario as Preset } from '../engine/index.js';
import { loopFigures, loopShare, noLoopTwin, type LoopShare } from './loop.js';
import { runOutcomesInWorkers, workerCount, type RunOutcome } from './pool.js';
import { figureBands, robustVariants, type FigureBand } from './robust.js';

export interface RobustReport {
  /** The reruns, by label, in the order run ("seed 1", "liquidators.capital ×0.8", "depth ×1.2"). */
  readonly variants: readonly string[];
  /** Each recorded figure with a metric, with its range and whether it is fragile. */
  readonly figures: readonly FigureBand[];
  readonly loop: LoopShare;
}

export interface RobustOptions {
  readonly maxRounds?: number;
  readonly workers?: number;
  /** Called with the runs done and the runs in all, after each run. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** How many runs a robustness report of the preset takes: the preset, its twin and the reruns. */
export function robustRuns(preset: Preset): number {
  return 2 + robustVariants(preset).length;
}

/** Reads the runs (the preset, its twin, then the reruns in robustVariants' order) into the report. */
export function readReport(preset: Preset, outcomes: readonly RunOutcome[]): RobustReport {
  const variants = robustVariants(preset);
  const [base, twin, ...rest] = outcomes;
  if (!base || !twin || rest.length !== variants.length)
    throw new Error('a robustness report needs every run');
  return {
    variants: variants.map((v) => v.label),
    figures: figureBands(
      preset,
      base.summary,
      variants,
      rest.map((o) => o.summary),
    ),
    loop: loopShare(loopFigures(base.summary, base.shortfall), loopFigures(twin.summary, twin.shortfall)),
  };
}

/** Runs the preset, its twin without the loop and every rerun on worker threads. */
export async function robustReport(preset: Preset, options: RobustOptions = {}): Promise<RobustReport> {
  const presets = [preset, noLoopTwin(preset), ...robustVariants(preset).map((v) => v.preset)];
  const outcomes = await runOutcomesInWorkers(
    presets,
    options.maxRounds,
    options.workers ?? workerCount(presets.length),
    (done) => options.onProgress?.(done, presets.length),
  );
  return readReport(preset, outcomes);
}
