/** The shape of a what-if lever, and the builders every part of a preset makes its levers with. */
import type { Scenario } from '../engine/index.js';
import { multiplicative, num, optional, pct, text } from './param-steps.js';

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
  /** A money lever counts in the preset's quote (USD), a quantity in its asset (ETH): shown after the value. */
  readonly unit?: 'quote' | 'asset';
}

/** A lever's value as the panel shows it: formatted, with the preset's unit when it has one ("3,000,000 USD"). */
export function valueText(param: Param, preset: Scenario, value: unknown): string {
  const text = param.format(value);
  if (typeof value !== 'number' || param.unit === undefined) return text;
  return `${text} ${param.unit === 'quote' ? preset.asset.quote : preset.asset.symbol}`;
}

/** What a builder leaves to the lever: everything but its path, label and kind. */
type Rest = Partial<Omit<Param, 'path' | 'label' | 'kind'>>;
type Step = NonNullable<Param['step']>;
type Sweep = NonNullable<Param['sweep']>;

/** The value at a dotted path of a preset. */
export function valueAt(preset: Scenario, path: string): unknown {
  let node: unknown = preset;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** A share (shown as a percent). */
export const share = (path: string, label: string, step: Step, sweep: Sweep | undefined, rest: Rest = {}) =>
  ({ path, label, kind: 'number', step, format: pct, ...(sweep ? { sweep } : {}), ...rest }) satisfies Param;

/** A plain number (a depth, a price, a count of rounds). */
export const plain = (path: string, label: string, step: Step, sweep: Sweep | undefined, rest: Rest = {}) =>
  ({ path, label, kind: 'number', step, format: num, ...(sweep ? { sweep } : {}), ...rest }) satisfies Param;

/**
 * An optional amount (a cap, a capital, a fee in quote): off until stepped up to `on`, then multiplied by
 * `factor` per step, off again below `lowest`; swept from a tenth to ten times the value unless told.
 */
export const amount = (
  path: string,
  label: string,
  on: number,
  { factor = 1.5, lowest = 1, ...rest }: Rest & { factor?: number; lowest?: number } = {},
) =>
  plain(
    path,
    label,
    optional(on, multiplicative(factor), lowest),
    (v) => [(v ?? on) / 10, (v ?? on) * 10],
    rest,
  );

/** A yes/no lever. */
export const toggle = (path: string, label: string, rest: Rest = {}) =>
  ({ path, label, kind: 'toggle', format: (v) => (v ? 'yes' : 'no'), ...rest }) satisfies Param;

/** A choice among fixed names. */
export const choice = (path: string, label: string, choices: readonly string[], rest: Rest = {}) =>
  ({ path, label, kind: 'choice', choices, format: text, ...rest }) satisfies Param;

/** A choice a preset may leave out, which then means `fallback`: read and shown as such. */
export const defaulted = (
  path: string,
  label: string,
  choices: readonly string[],
  fallback: string,
  rest: Rest = {},
) =>
  choice(path, label, choices, {
    format: (v) => (v === undefined ? fallback : String(v)),
    read: (p) => {
      const v = valueAt(p, path);
      return v === undefined ? fallback : String(v);
    },
    ...rest,
  });
