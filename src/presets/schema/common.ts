import { z } from 'zod';
import { formatCount } from '../../format.js';
import { describeValue, quote } from '../describe.js';
import { MAX_ROUNDS } from '../limits.js';

/**
 * The most lending positions `generate` may draw (and `positions` list): `npm run bench` runs 10,000,000
 * in well under 1.5 GB, at a cost per position within 1.2x of a million's (issue 15).
 */
export const MAX_GENERATED_POSITIONS = 10_000_000;
/** The most perpetuals of each kind (generated longs, generated shorts, explicit ones). */
export const MAX_PERP_POSITIONS = 2_000_000;
export { MAX_ROUNDS };
export const DEFAULT_ROUNDS = 500;

export const expecting = (expected: string) => (issue: { input?: unknown }) =>
  `expected ${expected}, got ${describeValue(issue.input)}`;

/** A span of values in which the model's arithmetic holds (README, "Ranges"), and its unit. */
export interface Range {
  readonly min: number;
  readonly max: number;
  readonly unit: string;
}

/** Prices: a venue's, the oracle's floor, a path's, a perpetual's entry. */
export const PRICE: Range = { min: 1e-8, max: 1e9, unit: 'quote per asset unit' };
/** Amounts of the quote currency: debt, depth, capital, margin, the insurance fund. */
export const QUOTE: Range = { min: 1e-6, max: 1e15, unit: 'quote' };
/** Amounts of the asset: collateral, perpetual sizes, trades, sale caps. */
export const ASSET: Range = { min: 1e-9, max: 1e12, unit: 'asset units' };
/** The smallest share an open-at-zero fraction may be: smaller ones only make the model crawl. */
export const MIN_SHARE = 1e-6;

/** A number as a range names it: 1e-8, 0.5, 1,000, 1e15. */
export function rangeNumber(value: number): string {
  if (value !== 0 && (Math.abs(value) < 1e-3 || Math.abs(value) >= 1e6))
    return value.toExponential().replace('e+', 'e');
  // As toLocaleString('en-US', { maximumFractionDigits: 6 }) would, without loading ICU (start-up).
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * 1e6)) / 1e6;
  const [whole = '0', fraction] = String(Math.abs(rounded)).split('.');
  return `${rounded < 0 ? '-' : ''}${formatCount(Number(whole))}${fraction ? `.${fraction}` : ''}`;
}

/** "from 1e-8 to 1e9 quote per asset unit" */
export const rangeText = (range: Range): string =>
  `from ${rangeNumber(range.min)} to ${rangeNumber(range.max)}${range.unit ? ` ${range.unit}` : ''}`;

/**
 * A finite number satisfying `accept`, and inside `range` when one is given; every message says what is
 * expected and what was found. A value `accept` refuses gets `expected`; one outside the range names it.
 */
export function number(expected: string, accept: (value: number) => boolean = () => true, range?: Range) {
  const inRange = (v: number) => range === undefined || (v >= range.min && v <= range.max);
  return z.number({ error: expecting(expected) }).refine((v) => accept(v) && inRange(v), {
    error: (issue) =>
      accept(issue.input as number)
        ? `expected a number ${rangeText(range!)} (the range in which the model holds), got ${describeValue(issue.input)}`
        : expecting(expected)(issue),
  });
}

/**
 * Characters no text in a preset may hold: control characters (C0, DEL, C1), which a terminal may obey
 * (retitle a window, write the clipboard), and the bidirectional controls that reorder what is shown.
 */
export const UNSAFE_TEXT = /[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
export const TEXT_RULE =
  'printable text (no control characters U+0000 to U+001F or U+007F to U+009F, no bidirectional controls)';

/** Refuses a string holding an UNSAFE_TEXT character, naming it and where it is. */
const printable = <T extends z.ZodString>(schema: T) =>
  schema.refine((s) => !UNSAFE_TEXT.test(s), {
    error: (issue) => {
      const input = String(issue.input);
      const at = input.search(UNSAFE_TEXT);
      const code = input.codePointAt(at)!.toString(16).toUpperCase().padStart(4, '0');
      return `expected ${TEXT_RULE}, got a string with U+${code} at character ${at + 1}`;
    },
  });

/** A string of printable text; `expected` says what it is for. */
export const text = (expected = 'a string') => printable(z.string({ error: expecting(expected) }));
export const nonEmptyText = (expected: string) =>
  printable(z.string({ error: expecting(expected) }).min(1, { error: expecting(expected) }));

export function object<Shape extends z.ZodRawShape>(shape: Shape, expected: string) {
  return z.strictObject(shape, { error: expecting(expected) });
}

/** A number > 0, inside `range`. */
export const positive = (range: Range) => number('a finite number > 0', (v) => v > 0, range);
/** A share: [0, 1), [0, 1] or (0, 1]; one open at 0 starts at MIN_SHARE. */
export const fraction01 = (open: '[0, 1)' | '[0, 1]' | '(0, 1]') =>
  number(
    `a number in ${open}`,
    (v) => (open === '[0, 1)' ? v >= 0 && v < 1 : open === '[0, 1]' ? v >= 0 && v <= 1 : v > 0 && v <= 1),
    open === '(0, 1]' ? { min: MIN_SHARE, max: 1, unit: '' } : undefined,
  );
/** A number in the open interval (0, 1), from MIN_SHARE. */
export const openShare = () =>
  number('a number in (0, 1)', (v) => v > 0 && v < 1, { min: MIN_SHARE, max: 1, unit: '' });
export const integer = (expected: string, min: number, max: number) =>
  number(expected, (v) => Number.isInteger(v) && v >= min && v <= max);

/** A whole number of rounds from `min` to MAX_ROUNDS. */
export const rounds = (min: 0 | 1) =>
  integer(`a whole number of rounds from ${min} to ${MAX_ROUNDS}`, min, MAX_ROUNDS);

/** A range drawn uniformly, or log-uniformly with `scale: "log"` (sizes). */
export const scaledRange = (expected: string, bounds: Range) =>
  object(
    {
      min: positive(bounds).describe(`the smallest value drawn, ${rangeText(bounds)}`),
      max: positive(bounds).describe(`the largest value drawn, ${rangeText(bounds)}; max >= min`),
      scale: z
        .enum(['linear', 'log'], { error: expecting('one of "linear", "log"') })
        .describe('"linear" draws uniformly (the default), "log" log-uniformly: many small, a few large')
        .optional(),
    },
    'an object {min, max, scale?}',
  ).refine((r) => r.max >= r.min, { error: `expected ${expected} with max >= min`, path: ['max'] });

/** A range drawn uniformly, or from a triangle peaking at `mode` (health factors, leverage). */
export const peakedRange = (expected: string, bound: () => z.ZodType<number>, what: string) =>
  object(
    {
      min: bound().describe(`the lowest ${what} drawn`),
      max: bound().describe(`the highest ${what} drawn; max >= min`),
      mode: bound()
        .describe(`the ${what} most drawn (a triangular distribution); without it, uniform`)
        .optional(),
    },
    'an object {min, max, mode?}',
  )
    .refine((r) => r.max >= r.min, { error: `expected ${expected} with max >= min`, path: ['max'] })
    .refine((r) => r.mode === undefined || (r.mode >= r.min && r.mode <= r.max), {
      error: (issue) => {
        const r = issue.input as { min: number; max: number; mode: number };
        return `expected a mode between min and max (${r.min} to ${r.max}), got ${r.mode}`;
      },
      path: ['mode'],
    });

export const venueName = () => nonEmptyText('a non-empty venue name');

/** A whole number of positions from `min` to `max` (MAX_GENERATED_POSITIONS unless given). */
export const positionCount = (min: 0 | 1, max = MAX_GENERATED_POSITIONS) =>
  integer(`a whole number from ${min} to ${formatCount(max)}`, min, max);

export const seed = () =>
  integer('a whole number from 0 to 4294967295', 0, 2 ** 32 - 1).describe(
    'the seed of the random draws, a whole number from 0 to 4294967295: the same seed draws the same book',
  );

export type RefineContext = Parameters<Parameters<z.ZodType['superRefine']>[0]>[1];

/** Each id in a list of positions is used once; a repeat names the first use. */
export function checkUniqueIds(
  positions: readonly { id: string }[],
  path: (string | number)[],
  label: string,
  ctx: RefineContext,
): void {
  const seen = new Map<string, number>();
  positions.forEach((position, i) => {
    const first = seen.get(position.id);
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, i, 'id'],
        message: `expected a unique id, got ${quote(position.id)} (also ${label}[${first}])`,
      });
    } else seen.set(position.id, i);
  });
}
