import {
  applyOverrides,
  makeOverride,
  type Override,
  type OverrideProblem,
  type Preset,
} from '../presets/index.js';
import { escapeText } from '../presets/describe.js';
import { EXIT_BAD_INPUT, type CliIo } from './io.js';
import { flatCsv } from './csv.js';
import { checkOutput, emit } from './out.js';
import { outputMeta } from './version.js';
import { summaryJson } from './run-json.js';
import { SweepRangeError, WorkerPool, workerCount } from '../whatif/pool.js';
import {
  metricTippingPoint,
  sweepValues,
  tippingPoint,
  type MetricTippingPoint,
  type TippingMetric,
  type TippingPoint,
} from '../whatif/sweep.js';
import { formatValue, sweepText } from './sweep-text.js';
import { formatOverrideFailure, loadBase } from './variant.js';

type SummaryJson = ReturnType<typeof summaryJson>;

export { MAX_SWEEP_STEPS } from '../whatif/sweep.js';

export interface SweepOptions {
  readonly param: string;
  readonly from: number;
  readonly to: number;
  readonly steps: number;
  readonly set?: readonly Override[];
  readonly json?: boolean;
  readonly rounds?: number;
  readonly out?: string;
  readonly force?: boolean;
  /** The figure the tipping point reads; amplification when absent. */
  readonly tipping?: TippingMetric;
}

export interface SweepJson {
  readonly preset: string;
  readonly param: string;
  readonly values: number[];
  readonly runs: { value: number; summary: SummaryJson }[];
  /** On amplification (the default) as {from, to, amplificationBefore, amplificationAfter, jump}; on another figure (`--tipping`) as {metric, from, to, before, after, jump}. */
  readonly tippingPoint: TippingPoint | MetricTippingPoint | null;
  readonly schemaVersion: number;
  readonly liqloopVersion: string;
  readonly presetId: string | null;
}

/**
 * The CSV: one row per value, headed by the swept field's path, then every summary field, flattened. Each
 * row's cells depend on its own variant (a field that turns a mechanism on), built again one at a time.
 */
export function sweepCsv(json: SweepJson, presets: { at(index: number): Preset | undefined }): string {
  function* rows() {
    for (let i = 0; i < json.runs.length; i++) yield { row: json.runs[i]!.summary, preset: presets.at(i)! };
  }
  return flatCsv(rows(), [[json.param, (i) => json.runs[i]!.value]]);
}

/** The preset of one swept value, or the problems it has. */
function variant(raw: unknown, options: SweepOptions, value: number) {
  const param = makeOverride(options.param, value, '--param');
  if (!param.ok) return { ok: false as const, message: `liqloop: --param: ${param.message}\n` };
  return applyOverrides(raw, [...(options.set ?? []), param.value]);
}

/**
 * Validates every variant before any runs, keeping none of them (a sweep's memory does not grow with its
 * steps); the first invalid value is the failure, with a count of the others.
 */
function checkVariants(
  ref: string,
  raw: unknown,
  options: SweepOptions,
  values: readonly number[],
): { ok: true; first: Preset } | { ok: false; message: string } {
  const sets = options.set ?? [];
  let first: Preset | undefined;
  let failure: { value: number; problems: OverrideProblem[] } | undefined;
  let invalid = 0;
  for (const value of values) {
    const result = variant(raw, options, value);
    if ('message' in result) return result;
    if (result.ok) first ??= result.preset;
    else {
      invalid += 1;
      failure ??= { value, problems: result.problems };
    }
  }
  if (!failure) return { ok: true, first: first! };
  const label = `${sets.length ? '--set and ' : ''}--param ${escapeText(options.param)}=${JSON.stringify(failure.value)}`;
  let message = formatOverrideFailure(ref, label, failure.problems);
  if (invalid > 1)
    message += `liqloop: ${invalid - 1} more of the ${values.length} values make the preset invalid too.\n`;
  return { ok: false, message };
}

/** The variants as the workers ask for them, each built again from the raw preset (checked already). */
function variantSource(
  raw: unknown,
  options: SweepOptions,
  values: readonly number[],
): { readonly length: number; at(index: number): Preset | undefined } {
  return {
    length: values.length,
    at: (index) => {
      const result = variant(raw, options, values[index]!);
      return 'ok' in result && result.ok ? result.preset : undefined;
    },
  };
}

/** Checks every variant, then runs them all in `pool`: the summaries, or the message of what failed. */
async function runChecked(
  ref: string,
  raw: unknown,
  options: SweepOptions,
  values: readonly number[],
  pool: WorkerPool,
): Promise<
  | { ok: true; built: { first: Preset }; source: ReturnType<typeof variantSource>; summaries: SummaryJson[] }
  | { ok: false; message: string }
> {
  const built = checkVariants(ref, raw, options, values);
  if (!built.ok) return built;
  const outProblem = checkOutput(options);
  if (outProblem) return { ok: false, message: outProblem };
  const source = variantSource(raw, options, values);
  try {
    const summaries = (await pool.run(source, options.rounds)).map((o) => summaryJson(o.summary));
    return { ok: true, built, source, summaries };
  } catch (error) {
    if (!(error instanceof SweepRangeError)) throw error;
    return {
      ok: false,
      message: `liqloop: ${ref} with --param ${escapeText(options.param)}=${formatValue(values[error.index]!)}: ${error.message}\n`,
    };
  }
}

/** `liqloop sweep <preset> --param path --from A --to B --steps N`. */
export async function sweepCommand(ref: string, options: SweepOptions, io: CliIo): Promise<number> {
  const base = loadBase(ref);
  if (!base.ok) {
    io.err(base.message);
    return EXIT_BAD_INPUT;
  }
  const values = sweepValues(options.from, options.to, options.steps);
  if (!values.every(Number.isFinite)) {
    io.err(
      `liqloop: --from ${options.from} --to ${options.to}: expected values whose difference is a finite number\n`,
    );
    return EXIT_BAD_INPUT;
  }
  // The threads start now, loading the engine while the variants are checked on this one.
  const pool = new WorkerPool(workerCount(values.length));
  let ran: Awaited<ReturnType<typeof runChecked>>;
  try {
    ran = await runChecked(ref, base.raw, options, values, pool);
  } catch (error) {
    await pool.close();
    throw error;
  }
  if (!ran.ok) {
    await pool.close();
    io.err(ran.message);
    return EXIT_BAD_INPUT;
  }
  const { built, source, summaries } = ran;
  const json: SweepJson = {
    preset: built.first.name,
    param: options.param,
    values,
    runs: values.map((value, i) => ({ value, summary: summaries[i]! })),
    tippingPoint:
      options.tipping === undefined || options.tipping === 'amplification'
        ? tippingPoint(
            values,
            summaries.map((s) => s.amplification),
          )
        : metricTippingPoint(
            options.tipping,
            values,
            summaries.map((s) => s[options.tipping!]),
          ),
    ...outputMeta(base.id),
  };
  return emit(io, options, {
    json,
    text: () => sweepText(json, built.first, options.tipping),
    csv: () => sweepCsv(json, source),
  });
}
