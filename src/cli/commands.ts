import { ModelRangeError, runCascade, type CascadeRun } from '../engine/index.js';
import type { Override, Preset } from '../presets/index.js';
import { EXIT_BAD_INPUT, type CliIo } from './io.js';
export { validateCommand } from './validate.js';
import { flatCsv } from './csv.js';
import { checkOutput, emit, outFormat } from './out.js';
import { runJson } from './run-json.js';
import { runText } from './run-text.js';
import { progressBar, robustText } from './robust.js';
import { robustReport, robustRuns } from '../whatif/report.js';
import { SweepRangeError } from '../whatif/pool.js';
import { loadVariant } from './variant.js';

export interface RunOptions {
  readonly json?: boolean;
  readonly rounds?: number;
  /** `--set path=value` overrides, in order. */
  readonly set?: readonly Override[];
  readonly out?: string;
  readonly force?: boolean;
  /** Rerun over seeds and moved parameters, and beside the twin without the loop (`--robust`). */
  readonly robust?: boolean;
}

/**
 * `liqloop run <preset> --robust`: the run, then each recorded figure's range over the reruns and the
 * loop's share, run on worker threads with a progress bar on a terminal's stderr. JSON adds `robust`.
 */
async function runRobust(ref: string, options: RunOptions, io: CliIo): Promise<number> {
  const loaded = loadVariant(ref, options.set ?? []);
  if (!loaded.ok) {
    io.err(loaded.message);
    return EXIT_BAD_INPUT;
  }
  if (options.out !== undefined && outFormat(options.out) === 'csv') {
    io.err('liqloop: --robust writes text or JSON, not CSV: use --out FILE.json, or leave out --robust\n');
    return EXIT_BAD_INPUT;
  }
  const outProblem = checkOutput(options);
  if (outProblem) {
    io.err(outProblem);
    return EXIT_BAD_INPUT;
  }
  const preset = loaded.preset;
  const run = guardedRun(ref, preset, options.rounds, io);
  if (!run) return EXIT_BAD_INPUT;
  const bar = progressBar(io, `liqloop: ${robustRuns(preset)} runs`);
  let report;
  try {
    report = await robustReport(preset, { maxRounds: options.rounds, onProgress: bar.update });
  } catch (error) {
    if (!(error instanceof SweepRangeError)) throw error;
    report = error;
  } finally {
    bar.end();
  }
  if (report instanceof SweepRangeError) {
    io.err(`liqloop: ${ref}: a rerun of --robust (run ${report.index + 1}): ${report.message}\n`);
    return EXIT_BAD_INPUT;
  }
  const json = { ...runJson(run, loaded.id), robust: report };
  return emit(io, options, {
    json,
    text: () => runText(run) + robustText(report, preset),
    csv: () => '',
  });
}

/** `liqloop run <preset>`: runs the cascade headless and prints the table or the JSON object. */
export function runCommand(ref: string, options: RunOptions, io: CliIo): number | Promise<number> {
  if (options.robust) return runRobust(ref, options, io);
  const loaded = loadVariant(ref, options.set ?? []);
  if (!loaded.ok) {
    io.err(loaded.message);
    return EXIT_BAD_INPUT;
  }
  const outProblem = checkOutput(options);
  if (outProblem) {
    io.err(outProblem);
    return EXIT_BAD_INPUT;
  }
  const run = guardedRun(ref, loaded.preset, options.rounds, io);
  if (!run) return EXIT_BAD_INPUT;
  const json = runJson(run, loaded.id);
  return emit(io, options, {
    json,
    text: () => runText(run),
    csv: () => flatCsv(json.rounds.map((row) => ({ row, preset: loaded.preset }))),
  });
}

/**
 * Runs a valid preset; a run that leaves the model's numeric range (README, "Ranges") is reported as bad
 * input, naming the round and the field, and gives undefined.
 */
export function guardedRun(
  ref: string,
  preset: Preset,
  maxRounds: number | undefined,
  io: CliIo,
): CascadeRun | undefined {
  try {
    return runCascade(preset, { maxRounds });
  } catch (error) {
    if (!(error instanceof ModelRangeError)) throw error;
    io.err(`liqloop: ${ref}: ${error.message}\n`);
    return undefined;
  }
}
