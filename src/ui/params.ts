import type { Scenario } from '../engine/index.js';
import { applyOverrides, makeOverride, type Preset } from '../presets/index.js';
import { additive, clamp, multiplicative, num, optional, pct, text } from './param-steps.js';
import { AUCTION_PARAMS } from './params-auction.js';
import { PERPS_PARAMS } from './params-perps.js';

/** A lever the what-if panel can change. Parameters are data: the panel, its keys and the sweep read them. */
export interface Param {
  readonly path: string;
  readonly label: string;
  readonly kind: 'number' | 'choice' | 'toggle';
  readonly choices?: readonly string[];
  /** The next value one step up (dir 1) or down (dir −1); `undefined` turns an optional lever off. */
  readonly step?: (value: number | undefined, dir: 1 | -1) => number | undefined;
  readonly format: (value: unknown) => string;
  /** Shown only when this holds for the draft (a TWAP window only for a TWAP oracle). */
  readonly when?: (preset: Scenario) => boolean;
  /** The range a sweep of this parameter covers, from the draft's current value. */
  readonly sweep?: (value: number | undefined) => readonly [number, number];
  /** Fields to fill when a choice is made (switching to TWAP needs a window). */
  readonly companions?: (choice: string) => readonly (readonly [string, unknown])[];
  /**
   * For a choice whose fields depend on it (an oracle model): the whole parent object to set instead,
   * so that the old model's fields go and the new one's come.
   */
  readonly rebuild?: (preset: Scenario, choice: string) => readonly (readonly [string, unknown])[];
  /** A choice whose options depend on the preset (its venues), and how to read the current one. */
  readonly choicesFor?: (preset: Scenario) => readonly string[];
  readonly read?: (preset: Scenario) => string;
  /**
   * A number lever inside an optional object (the backstop vault): the object's path, cleared when the
   * lever is turned off, and the fields it needs beside this one when it is turned on.
   */
  readonly within?: { readonly path: string; readonly on: readonly (readonly [string, unknown])[] };
}

/** Every venue's name, the main one first. */
const venueNames = (p: Scenario) => [p.market.name ?? 'main', ...(p.venues ?? []).map((v) => v.name)];
const MEDIAN_OF_ALL = 'median of all venues';

export const PARAMS: readonly Param[] = [
  {
    path: 'shock.pct',
    label: 'shock size',
    kind: 'number',
    step: additive(0.01, 0, 0.95),
    format: pct,
    sweep: (v) => [0.01, clamp(Math.max(0.3, 2.5 * (v ?? 0.1)), 0.05, 0.9)],
  },
  {
    path: 'market.depth2pct',
    label: 'market depth (±2%)',
    kind: 'number',
    step: multiplicative(1.25),
    format: num,
    sweep: (v) => [(v ?? 1e6) / 10, (v ?? 1e6) * 3],
  },
  {
    path: 'market.model',
    label: 'market model',
    kind: 'choice',
    choices: ['constant-product', 'orderbook'],
    format: text,
  },
  {
    path: 'market.recovery',
    label: 'recovery per round',
    kind: 'number',
    step: additive(0.05, 0, 1),
    format: pct,
    sweep: () => [0, 1],
  },
  {
    path: 'oracle.model',
    label: 'oracle model',
    kind: 'choice',
    choices: ['spot', 'twap', 'lagged', 'feed'],
    format: text,
    rebuild: (preset, choice) => {
      const { venues, maxChange, floor } = preset.oracle;
      const common = {
        ...(venues ? { venues } : {}),
        ...(maxChange !== undefined ? { maxChange } : {}),
        ...(floor !== undefined ? { floor } : {}),
      };
      const model =
        choice === 'twap'
          ? { window: 5 }
          : choice === 'lagged'
            ? { delay: 2 }
            : choice === 'feed'
              ? { deviation: 0.02, heartbeat: 5 }
              : {};
      return [['oracle', { model: choice, ...model, ...common }]];
    },
  },
  {
    path: 'oracle.venues',
    label: 'oracle reads',
    kind: 'choice',
    when: (p) => (p.venues?.length ?? 0) > 0,
    choicesFor: (p) => [...venueNames(p), MEDIAN_OF_ALL],
    read: (p) => {
      const read = p.oracle.venues ?? [venueNames(p)[0]!];
      if (read.length === 1) return read[0]!;
      return read.length === venueNames(p).length ? MEDIAN_OF_ALL : `median of ${read.join(', ')}`;
    },
    format: (v) =>
      Array.isArray(v) ? (v.length === 1 ? String(v[0]) : `median of ${v.join(', ')}`) : 'main venue',
    rebuild: (preset, choice) => [
      ['oracle.venues', choice === MEDIAN_OF_ALL ? venueNames(preset) : [choice]],
    ],
  },
  {
    path: 'oracle.floor',
    label: 'oracle floor',
    kind: 'number',
    // Relative steps to six significant figures, so that a floor of 1e-7 steps as well as one of 1,000.
    step: (v, dir) => Number(((v ?? 1) * (dir > 0 ? 1.25 : 0.8)).toPrecision(6)),
    format: num,
    when: (p) => p.oracle.floor !== undefined,
    sweep: (v) => [(v ?? 1) / 10, (v ?? 1) * 3],
  },
  {
    path: 'oracle.window',
    label: 'TWAP window (rounds)',
    kind: 'number',
    step: additive(1, 1, 1000),
    format: num,
    when: (p) => p.oracle.model === 'twap',
    sweep: () => [1, 30],
  },
  {
    path: 'oracle.sampling',
    label: 'TWAP samples',
    kind: 'choice',
    choices: ['start', 'time-weighted'],
    format: (v) => (v === undefined ? 'start' : String(v)),
    read: (p) => (p.oracle.model === 'twap' ? (p.oracle.sampling ?? 'start') : 'start'),
    when: (p) => p.oracle.model === 'twap',
  },
  {
    path: 'oracle.mean',
    label: 'TWAP mean',
    kind: 'choice',
    choices: ['arithmetic', 'geometric'],
    format: (v) => (v === undefined ? 'arithmetic' : String(v)),
    read: (p) => (p.oracle.model === 'twap' ? (p.oracle.mean ?? 'arithmetic') : 'arithmetic'),
    when: (p) => p.oracle.model === 'twap',
  },
  {
    path: 'oracle.delay',
    label: 'oracle delay (rounds)',
    kind: 'number',
    step: additive(1, 0, 1000),
    format: num,
    when: (p) => p.oracle.model === 'lagged',
    sweep: () => [0, 10],
  },
  {
    path: 'oracle.maxChange',
    label: 'circuit breaker',
    kind: 'number',
    step: optional(0.05, additive(0.01, 0.01, 0.99), 0.01),
    format: pct,
    sweep: () => [0.01, 0.3],
  },
  {
    path: 'liquidation.mechanism',
    label: 'mechanism',
    kind: 'choice',
    choices: ['full', 'partial', 'auction'],
    format: text,
    companions: (choice) =>
      choice === 'partial'
        ? [['liquidation.closeFactor', 0.5]]
        : choice === 'auction'
          ? [['liquidation.auction', { startAbove: 1.2, decay: 0.9, tail: 20, cusp: 0.5 }]]
          : [],
  },
  {
    path: 'liquidation.closeFactor',
    label: 'close factor',
    kind: 'number',
    step: additive(0.05, 0.05, 1),
    format: pct,
    when: (p) => p.liquidation.mechanism === 'partial',
    sweep: () => [0.1, 1],
  },
  ...AUCTION_PARAMS,
  {
    path: 'liquidation.bonus',
    label: 'bonus',
    kind: 'number',
    step: additive(0.01, 0, 1),
    format: pct,
    sweep: () => [0, 0.2],
  },
  {
    path: 'liquidation.threshold',
    label: 'liquidation threshold',
    kind: 'number',
    step: additive(0.01, 0.01, 1),
    format: pct,
    sweep: () => [0.5, 0.95],
  },
  {
    path: 'liquidation.maxSellPerRound',
    label: 'sale cap per round',
    kind: 'number',
    step: optional(1000, multiplicative(1.5), 1),
    format: num,
    sweep: (v) => [(v ?? 1000) / 10, (v ?? 1000) * 10],
  },
  {
    path: 'liquidators.capital',
    label: 'liquidator capital',
    kind: 'number',
    step: optional(1e6, multiplicative(1.5), 1),
    format: num,
    sweep: (v) => [(v ?? 1e6) / 10, (v ?? 1e6) * 10],
  },
  {
    path: 'liquidators.requireProfit',
    label: 'liquidators need profit',
    kind: 'toggle',
    format: (v) => (v ? 'yes' : 'no'),
  },
  {
    path: 'liquidators.gasCost',
    label: 'gas per liquidation',
    kind: 'number',
    step: optional(10, multiplicative(2), 0.01),
    format: num,
    sweep: (v) => [0, Math.max(10 * (v ?? 10), 100)],
  },
  {
    path: 'liquidators.partialFills',
    label: 'fill partly when short',
    kind: 'toggle',
    format: (v) => (v ? 'yes' : 'no'),
    when: (p) => p.liquidators?.capital !== undefined,
  },
  {
    path: 'liquidators.recycle',
    label: 'recycle sale proceeds',
    kind: 'toggle',
    format: (v) => (v ? 'yes' : 'no'),
    when: (p) => p.liquidators?.capital !== undefined,
  },
  ...PERPS_PARAMS,
];

/** The parameters shown for a draft (some only make sense for one model). */
export function visibleParams(preset: Scenario): Param[] {
  return PARAMS.filter((p) => !p.when || p.when(preset));
}

/** The value at a dotted path of a preset. */
export function valueAt(preset: Scenario, path: string): unknown {
  let node: unknown = preset;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export type Change = { ok: true; preset: Preset } | { ok: false; reason: string };

/** Sets fields of a preset and validates the result like a file; the reason names what is wrong. */
export function setValues(preset: Scenario, values: readonly (readonly [string, unknown])[]): Change {
  const overrides = [];
  for (const [path, value] of values) {
    const made = makeOverride(path, value, 'panel');
    if (!made.ok) return { ok: false, reason: made.message };
    overrides.push(made.value);
  }
  const result = applyOverrides(preset, overrides);
  if (result.ok) return result;
  const first = result.problems[0]!;
  return { ok: false, reason: `${first.path}: ${first.message}` };
}

/** One step of a parameter up or down (a choice cycles; a toggle flips). */
export function stepParam(preset: Scenario, param: Param, dir: 1 | -1): Change {
  const current = valueAt(preset, param.path);
  if (param.kind === 'toggle') return setValues(preset, [[param.path, !current]]);
  if (param.kind === 'choice') {
    const choices = param.choicesFor?.(preset) ?? param.choices!;
    const now = param.read ? param.read(preset) : String(current);
    const at = choices.indexOf(now);
    // A value that is none of the choices (an oracle reading two of three venues): → the first, ← the last.
    const next =
      at < 0
        ? choices[dir > 0 ? 0 : choices.length - 1]!
        : choices[(at + dir + choices.length) % choices.length]!;
    return choose(preset, param, next);
  }
  const next = param.step!(typeof current === 'number' ? current : undefined, dir);
  return setNumber(preset, param, next);
}

/** Sets a number lever; one inside an optional object clears the object when off, and fills it when on. */
function setNumber(preset: Scenario, param: Param, value: number | undefined): Change {
  const within = param.within;
  if (!within) return setValues(preset, [[param.path, value]]);
  if (value === undefined) return setValues(preset, [[within.path, undefined]]);
  const on = valueAt(preset, within.path) === undefined ? within.on : [];
  return setValues(preset, [[param.path, value], ...on]);
}

/** A typed value: a number (`0.25`, `1e6`, `25%`), or a choice's name. */
export function typeParam(preset: Scenario, param: Param, typed: string): Change {
  const t = typed.trim();
  if (param.kind === 'choice') {
    const choices = param.choicesFor?.(preset) ?? param.choices!;
    const choice = choices.find((c) => c === t);
    if (!choice) {
      return {
        ok: false,
        reason: `${param.path}: expected one of ${choices.join(', ')}, got ${JSON.stringify(t)}`,
      };
    }
    return choose(preset, param, choice);
  }
  if (param.kind === 'toggle') {
    if (!['yes', 'no', 'true', 'false'].includes(t)) {
      return { ok: false, reason: `${param.path}: expected yes or no, got ${JSON.stringify(t)}` };
    }
    return setValues(preset, [[param.path, t === 'yes' || t === 'true']]);
  }
  if (t === 'off' || t === '') return setNumber(preset, param, undefined);
  const percent = t.endsWith('%');
  // A percent is a share: typed on an amount (a depth, a capital) it would silently mean a hundredth of it.
  if (percent && param.format !== pct) {
    return {
      ok: false,
      reason: `${param.path}: expected an amount, not a percent, got ${JSON.stringify(t)}`,
    };
  }
  const value = Number(percent ? t.slice(0, -1) : t);
  if (!Number.isFinite(value)) {
    return { ok: false, reason: `${param.path}: expected a number, got ${JSON.stringify(t)}` };
  }
  return setNumber(preset, param, percent ? value / 100 : value);
}

/** Makes a choice, with the fields it brings (and, for a rebuilt parent, without the ones it drops). */
function choose(preset: Scenario, param: Param, choice: string): Change {
  if (param.rebuild) return setValues(preset, param.rebuild(preset, choice));
  return setValues(preset, [[param.path, choice], ...(param.companions?.(choice) ?? [])]);
}
