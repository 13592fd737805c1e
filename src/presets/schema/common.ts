import { z } from 'zod';
import { describeValue } from '../describe.js';

/** The most positions `generate` may draw: the benchmark shows a million run well inside the budget. */
export const MAX_GENERATED_POSITIONS = 2_000_000;
/** The most rounds a preset (or --rounds) may ask for. */
export const MAX_ROUNDS = 100_000;
export const DEFAULT_ROUNDS = 500;

export const expecting = (expected: string) => (issue: { input?: unknown }) =>
  `expected ${expected}, got ${describeValue(issue.input)}`;

/** A finite number satisfying `accept`; every message says what is expected and what was found. */
export function number(expected: string, accept: (value: number) => boolean = () => true) {
  return z.number({ error: expecting(expected) }).refine(accept, { error: expecting(expected) });
}

export const text = (expected = 'a string') => z.string({ error: expecting(expected) });
export const nonEmptyText = (expected: string) => text(expected).min(1, { error: expecting(expected) });

export function object<Shape extends z.ZodRawShape>(shape: Shape, expected: string) {
  return z.strictObject(shape, { error: expecting(expected) });
}

export const positive = () => number('a finite number > 0', (v) => v > 0);
export const fraction01 = (open: '[0, 1)' | '[0, 1]' | '(0, 1]') =>
  number(`a number in ${open}`, (v) =>
    open === '[0, 1)' ? v >= 0 && v < 1 : open === '[0, 1]' ? v >= 0 && v <= 1 : v > 0 && v <= 1,
  );
export const integer = (expected: string, min: number, max: number) =>
  number(expected, (v) => Number.isInteger(v) && v >= min && v <= max);

/** A whole number of rounds from `min` to MAX_ROUNDS. */
export const rounds = (min: 0 | 1) =>
  integer(`a whole number of rounds from ${min} to ${MAX_ROUNDS}`, min, MAX_ROUNDS);

/** A range drawn uniformly, or log-uniformly with `scale: "log"` (sizes). */
export const scaledRange = (expected: string) =>
  object(
    {
      min: positive(),
      max: positive(),
      scale: z.enum(['linear', 'log'], { error: expecting('one of "linear", "log"') }).optional(),
    },
    'an object {min, max, scale?}',
  ).refine((r) => r.max >= r.min, { error: `expected ${expected} with max >= min`, path: ['max'] });

/** A range drawn uniformly, or from a triangle peaking at `mode` (health factors, leverage). */
export const peakedRange = (expected: string, bound: () => z.ZodType<number>) =>
  object({ min: bound(), max: bound(), mode: bound().optional() }, 'an object {min, max, mode?}')
    .refine((r) => r.max >= r.min, { error: `expected ${expected} with max >= min`, path: ['max'] })
    .refine((r) => r.mode === undefined || (r.mode >= r.min && r.mode <= r.max), {
      error: (issue) => {
        const r = issue.input as { min: number; max: number; mode: number };
        return `expected a mode between min and max (${r.min} to ${r.max}), got ${r.mode}`;
      },
      path: ['mode'],
    });

export const venueName = nonEmptyText('a non-empty venue name');

/** A whole number of positions from `min` to MAX_GENERATED_POSITIONS. */
export const positionCount = (min: 0 | 1) =>
  integer(
    `a whole number from ${min} to ${MAX_GENERATED_POSITIONS.toLocaleString('en-US')}`,
    min,
    MAX_GENERATED_POSITIONS,
  );

export const seed = () => integer('a whole number from 0 to 4294967295', 0, 2 ** 32 - 1);

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
        message: `expected a unique id, got ${JSON.stringify(position.id)} (also ${label}[${first}])`,
      });
    } else seen.set(position.id, i);
  });
}
