import { hasLending, type CascadeRun } from '../engine/index.js';
import { guardedRun } from './commands.js';
import type { Override, Preset } from '../presets/index.js';
import { formatCount, formatNumber, formatPct } from '../format.js';
import { EXIT_BAD_INPUT, EXIT_USAGE, type CliIo } from './io.js';
import { applies, flatten } from './csv.js';
import { checkOutput, emit, toCsv } from './out.js';
import { outputMeta } from './version.js';
import { runJson } from './run-json.js';
import { describeScenario, wholeLoss } from './run-text.js';
import { textTable } from './table.js';
import { describeOverrides, loadVariant } from './variant.js';

export interface CompareOptions {
  readonly set?: readonly Override[];
  readonly json?: boolean;
  readonly rounds?: number;
  readonly out?: string;
  readonly force?: boolean;
}

/** The summary figures `compare` differences, in the order it prints them. */
export const DIFFERENCE_FIELDS = [
  'finalPrice',
  'drawdownPct',
  'amplification',
  'positionsLiquidated',
  'collateralSold',
  'debtRepaid',
  'badDebt',
  'rounds',
  'troughPrice',
  'troughDrawdownPct',
  'troughAmplification',
  'shortfall',
  'totalLoss',
  'liquidatorProfit',
  // Added with venue fills, the ADL policies and the backstop (zero without perpetuals).
  'fundDrawn',
  'adlCovered',
  'uncoveredLoss',
  'perpSlippage',
  'adlOvershoot',
  'backstopTaken',
] as const;

type DifferenceField = (typeof DIFFERENCE_FIELDS)[number];

/** variant − baseline; null when either is null. */
const minus = (variant: number | null, baseline: number | null): number | null =>
  variant === null || baseline === null ? null : variant - baseline;

/** The object `liqloop compare --json` prints. */
export function compareJson(
  baseline: CascadeRun,
  variant: CascadeRun,
  overrides: readonly Override[],
  presetId: string | null,
): {
  preset: string;
  overrides: { path: string; value: unknown }[];
  baseline: ReturnType<typeof runJson>;
  variant: ReturnType<typeof runJson>;
  difference: Record<DifferenceField, number | null>;
} {
  const b = runJson(baseline, presetId);
  const v = runJson(variant, presetId);
  const difference = Object.fromEntries(
    DIFFERENCE_FIELDS.map((key) => [key, minus(v.summary[key], b.summary[key])]),
  ) as Record<DifferenceField, number | null>;
  return {
    preset: b.preset,
    overrides: overrides.map((o) => ({ path: o.path, value: o.value })),
    baseline: b,
    variant: v,
    difference,
    ...outputMeta(presetId),
  };
}

const sign = (value: number, text: string) => (value > 0 ? `+${text}` : value < 0 ? `−${text}` : text);

/** The perpetuals' rows: what the fund paid, ADL, the uncovered, the slippage (and whether it is booked). */
function perpsRows(json: ReturnType<typeof compareJson>, quote: string): string[][] {
  const b = json.baseline.summary;
  const v = json.variant.summary;
  const d = json.difference;
  const amount = (x: number) => formatNumber(x);
  const signed = (x: number | null) => (x === null ? '—' : sign(x, amount(Math.abs(x))));
  const row = (label: string, key: 'fundDrawn' | 'adlCovered' | 'uncoveredLoss' | 'adlOvershoot') => [
    `${label} (${quote})`,
    amount(b[key]),
    amount(v[key]),
    signed(d[key]),
  ];
  const slippage = (s: typeof b) => `${amount(s.perpSlippage)}${s.perpFill === 'oracle' ? ' unbooked' : ''}`;
  return [
    row('fund paid', 'fundDrawn'),
    row('ADL covered', 'adlCovered'),
    row('ADL overshoot', 'adlOvershoot'),
    row('uncovered loss', 'uncoveredLoss'),
    [`perp slippage (${quote})`, slippage(b), slippage(v), signed(d.perpSlippage)],
    ...(b.backstopTaken > 0 || v.backstopTaken > 0
      ? [
          [
            'backstop takes',
            formatCount(b.backstopTaken),
            formatCount(v.backstopTaken),
            signed(d.backstopTaken),
          ],
        ]
      : []),
  ];
}

/** The text table: one row per figure with the baseline, the variant and the difference. */
function compareText(
  json: ReturnType<typeof compareJson>,
  overrides: readonly Override[],
  baseline: CascadeRun,
  variant: CascadeRun,
): string {
  const b = json.baseline.summary;
  const v = json.variant.summary;
  const d = json.difference;
  const { symbol, quote } = variant.scenario.asset;
  // A book of perpetuals only gets no rows of the loans' zeros (they would read as outcomes).
  const lending = hasLending(baseline.scenario) || hasLending(variant.scenario);
  const perps = b.perpFill !== null || v.perpFill !== null;
  const amount = (x: number) => formatNumber(x);
  const times = (x: number | null) => (x === null ? 'no shock' : `${x.toFixed(2)}×`);
  const signed = (x: number | null, format: (abs: number) => string) =>
    x === null ? '—' : sign(x, format(Math.abs(x)));
  // An amount's row: the baseline's, the variant's and their difference.
  const money = (
    label: string,
    key: 'collateralSold' | 'debtRepaid' | 'badDebt' | 'shortfall' | 'totalLoss' | 'liquidatorProfit',
  ) => [label, amount(b[key]), amount(v[key]), signed(d[key], amount)];
  const rows: string[][] = [
    [`final price (${quote})`, amount(b.finalPrice), amount(v.finalPrice), signed(d.finalPrice, amount)],
    [
      'drawdown',
      formatPct(b.drawdownPct),
      formatPct(v.drawdownPct),
      signed(d.drawdownPct, (x) => `${(x * 100).toFixed(1)} pts`),
    ],
    [
      'amplification',
      times(b.amplification),
      times(v.amplification),
      signed(d.amplification, (x) => `${x.toFixed(2)}×`),
    ],
    [`trough price (${quote})`, amount(b.troughPrice), amount(v.troughPrice), signed(d.troughPrice, amount)],
    [
      'trough drawdown',
      formatPct(b.troughDrawdownPct),
      formatPct(v.troughDrawdownPct),
      signed(d.troughDrawdownPct, (x) => `${(x * 100).toFixed(1)} pts`),
    ],
    [
      'trough amplification',
      times(b.troughAmplification),
      times(v.troughAmplification),
      signed(d.troughAmplification, (x) => `${x.toFixed(2)}×`),
    ],
    [
      'positions liquidated',
      formatCount(b.positionsLiquidated),
      formatCount(v.positionsLiquidated),
      signed(d.positionsLiquidated, formatCount),
    ],
    ...(lending
      ? [
          money(`collateral sold (${symbol})`, 'collateralSold'),
          money(`debt repaid (${quote})`, 'debtRepaid'),
          money(`bad debt (${quote})`, 'badDebt'),
          money(`shortfall (${quote})`, 'shortfall'),
          money(`${perps ? "loans' loss" : 'total loss'} (${quote})`, 'totalLoss'),
          money(`liquidator profit (${quote})`, 'liquidatorProfit'),
        ]
      : []),
    ...(perps
      ? [
          ...perpsRows(json, quote),
          // The whole loss, as `run` prints it: the loans' beside the perpetuals' would read as the total.
          [
            `total loss (${quote})`,
            amount(wholeLoss(b)),
            amount(wholeLoss(v)),
            signed(wholeLoss(v) - wholeLoss(b), amount),
          ],
        ]
      : []),
    ['rounds', String(b.rounds), String(v.rounds), signed(d.rounds, String)],
    [
      'converged',
      b.converged ? 'yes' : 'no',
      v.converged ? 'yes' : 'no',
      b.converged === v.converged ? 'same' : 'changed',
    ],
  ];
  return [
    `${json.preset}`,
    `  baseline  ${describeScenario(baseline.scenario)}`,
    `  variant   ${describeOverrides(overrides)}`,
    `            ${describeScenario(variant.scenario)}`,
    '',
    textTable(['', 'baseline', 'variant', 'difference'], rows, [0]),
    '',
  ].join('\n');
}

/**
 * The CSV: one row per summary figure (nested ones flattened, `attack.cost`), with baseline, variant and
 * difference; a cell is empty where the figure does not apply to that side's preset or is not a number.
 */
function compareCsv(json: ReturnType<typeof compareJson>, basePreset: Preset, variantPreset: Preset): string {
  const b = flatten(json.baseline.summary, basePreset);
  const v = flatten(json.variant.summary, variantPreset);
  const figures = [...new Set([...Object.keys(b), ...Object.keys(v)])];
  const rows = figures.map((key) => {
    const x = applies(key, basePreset) ? b[key] : null;
    const y = applies(key, variantPreset) ? v[key] : null;
    return [key, x, y, typeof x === 'number' && typeof y === 'number' ? y - x : null];
  });
  return toCsv(['figure', 'baseline', 'variant', 'difference'], rows);
}

/** `liqloop compare <preset> --set …`: the preset and the preset with overrides, side by side. */
export function compareCommand(ref: string, options: CompareOptions, io: CliIo): number | Promise<number> {
  const overrides = options.set ?? [];
  if (overrides.length === 0) {
    io.err(
      'liqloop: compare needs at least one --set path=value to make the variant, ' +
        'e.g. liqloop compare thin-pool --set market.depth2pct=3e7\n(liqloop --help lists the commands and options)\n',
    );
    return EXIT_USAGE;
  }
  const base = loadVariant(ref, []);
  if (!base.ok) {
    io.err(base.message);
    return EXIT_BAD_INPUT;
  }
  const changed = loadVariant(ref, overrides);
  if (!changed.ok) {
    io.err(changed.message);
    return EXIT_BAD_INPUT;
  }
  const outProblem = checkOutput(options);
  if (outProblem) {
    io.err(outProblem);
    return EXIT_BAD_INPUT;
  }
  const baseline = guardedRun(ref, base.preset, options.rounds, io);
  const variant = baseline && guardedRun(`${ref} (with --set)`, changed.preset, options.rounds, io);
  if (!baseline || !variant) return EXIT_BAD_INPUT;
  const json = compareJson(baseline, variant, overrides, base.id);
  return emit(io, options, {
    json,
    text: () => compareText(json, overrides, baseline, variant),
    csv: () => compareCsv(json, base.preset, changed.preset),
  });
}
