import { runCascade } from '../engine/index.js';
import { loadPreset, STDIN_FILE, type Override } from '../presets/index.js';
import { EXIT_BAD_INPUT, EXIT_OK, type CliIo } from './io.js';
export { listCommand } from './list.js';
import { flatCsv } from './csv.js';
import { checkOutput, emit, outFormat } from './out.js';
import { formatLoadFailure } from './problems.js';
import { runJson } from './run-json.js';
import { runText } from './run-text.js';
import { progressBar, robustText } from './robust.js';
import { robustReport, robustRuns } from '../whatif/report.js';
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
  const run = runCascade(preset, { maxRounds: options.rounds });
  const bar = progressBar(io, `liqloop: ${robustRuns(preset)} runs`);
  let report;
  try {
    report = await robustReport(preset, { maxRounds: options.rounds, onProgress: bar.update });
  } finally {
    bar.end();
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
  const run = runCascade(loaded.preset, { maxRounds: options.rounds });
  const json = runJson(run, loaded.id);
  return emit(io, options, {
    json,
    text: () => runText(run),
    csv: () => flatCsv(json.rounds.map((row) => ({ row, preset: loaded.preset }))),
  });
}

/** `liqloop validate <preset>`: every problem of a preset (a name, a file, `-`), or a line saying it is valid. */
export function validateCommand(ref: string, io: CliIo): number {
  const loaded = loadPreset(ref);
  if (!loaded.ok) {
    io.err(formatLoadFailure(loaded));
    return EXIT_BAD_INPUT;
  }
  const p = loaded.preset;
  const loans = p.positions.length + (p.generate?.count ?? 0);
  const perps =
    (p.perps?.positions.length ?? 0) +
    (p.perps?.generate ? p.perps.generate.longs + p.perps.generate.shorts : 0);
  const count = (n: number, what: string) =>
    `${n.toLocaleString('en-US')} ${n === 1 ? what.slice(0, -1) : what}`;
  const parts = [
    ...(loans > 0 || perps === 0 ? [count(loans, 'positions')] : []),
    ...(perps > 0 ? [count(perps, 'perpetuals')] : []),
  ];
  io.out(
    `${loaded.file === STDIN_FILE ? STDIN_FILE : ref}: valid preset "${p.name}" (${parts.join(', ')})\n`,
  );
  return EXIT_OK;
}
