import {
  applyOverrides,
  makeOverride,
  type Override,
  type OverrideProblem,
  type Preset,
} from '../presets/index.js';
import { EXIT_BAD_INPUT, type CliIo } from './io.js';
import { flatCsv } from './csv.js';
import { checkOutput, emit } from './out.js';
import { outputMeta } from './version.js';
import { summaryJson } from './run-json.js';
import { runInWorkers } from '../whatif/pool.js';
import {
  metricTippingPoint,
  sweepValues,
  tippingPoint,
  type MetricTippingPoint,
  type TippingMetric,
  type TippingPoint,
} from '../whatif/sweep.js';
import { sweepText } from './sweep-text.js';
import { formatOverrideFailure, loadBase } from './variant.js';

type SummaryJson = ReturnType<typeof summaryJson>;

/** The most runs one sweep may ask for. */
export const MAX_SWEEP_STEPS = 1000;

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

/** The CSV: one row per value, headed by the swept field's path, then every summary field, flattened. */
function sweepCsv(json: SweepJson, presets: readonly Preset[]): string {
  return flatCsv(
    json.runs.map((r, i) => ({ row: r.summary, preset: presets[i]! })),
    [[json.param, (i) => json.runs[i]!.value]],
  );
}

/** Builds and validates every variant; the first invalid value is the failure. */
function variants(
  ref: string,
  raw: unknown,
  options: SweepOptions,
  values: readonly number[],
): { ok: true; presets: Preset[] } | { ok: false; message: string } {
  const sets = options.set ?? [];
  const presets: Preset[] = [];
  let failure: { value: number; problems: OverrideProblem[] } | undefined;
  let invalid = 0;
  for (const value of values) {
    const param = makeOverride(options.param, value, '--param');
    if (!param.ok) return { ok: false, message: `liqloop: --param: ${param.message}\n` };
    const result = applyOverrides(raw, [...sets, param.value]);
    if (result.ok) presets.push(result.preset);
    else {
      invalid += 1;
      failure ??= { value, problems: result.problems };
    }
  }
  if (!failure) return { ok: true, presets };
  const label = `${sets.length ? '--set and ' : ''}--param ${options.param}=${JSON.stringify(failure.value)}`;
  let message = formatOverrideFailure(ref, label, failure.problems);
  if (invalid > 1)
    message += `liqloop: ${invalid - 1} more of the ${values.length} values make the preset invalid too.\n`;
  return { ok: false, message };
}

/** `liqloop sweep <preset> --param path --from A --to B --steps N`. */
export async function sweepCommand(ref: string, options: SweepOptions, io: CliIo): Promise<number> {
  const base = loadBase(ref);
  if (!base.ok) {
    io.err(base.message);
    return EXIT_BAD_INPUT;
  }
  const values = sweepValues(options.from, options.to, options.steps);
  const built = variants(ref, base.raw, options, values);
  if (!built.ok) {
    io.err(built.message);
    return EXIT_BAD_INPUT;
  }
  const outProblem = checkOutput(options);
  if (outProblem) {
    io.err(outProblem);
    return EXIT_BAD_INPUT;
  }
  const summaries = (await runInWorkers(built.presets, options.rounds)).map(summaryJson);
  const json: SweepJson = {
    preset: built.presets[0]!.name,
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
    text: () => sweepText(json, built.presets[0]!, options.tipping),
    csv: () => sweepCsv(json, built.presets),
  });
}
