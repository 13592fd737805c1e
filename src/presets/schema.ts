import { z } from 'zod';
import type { Scenario } from '../engine/index.js';
import { describeValue } from './describe.js';

/** The most positions `generate` may draw: the benchmark shows a million run well inside the budget. */
export const MAX_GENERATED_POSITIONS = 2_000_000;
/** The most rounds a preset (or --rounds) may ask for. */
export const MAX_ROUNDS = 100_000;
export const DEFAULT_ROUNDS = 500;

const expecting = (expected: string) => (issue: { input?: unknown }) =>
  `expected ${expected}, got ${describeValue(issue.input)}`;

/** A finite number satisfying `accept`; every message says what is expected and what was found. */
function number(expected: string, accept: (value: number) => boolean = () => true) {
  return z.number({ error: expecting(expected) }).refine(accept, { error: expecting(expected) });
}

const text = (expected = 'a string') => z.string({ error: expecting(expected) });
const nonEmptyText = (expected: string) => text(expected).min(1, { error: expecting(expected) });

function object<Shape extends z.ZodRawShape>(shape: Shape, expected: string) {
  return z.strictObject(shape, { error: expecting(expected) });
}

const positive = () => number('a finite number > 0', (v) => v > 0);
const fraction01 = (open: '[0, 1)' | '[0, 1]' | '(0, 1]') =>
  number(`a number in ${open}`, (v) =>
    open === '[0, 1)' ? v >= 0 && v < 1 : open === '[0, 1]' ? v >= 0 && v <= 1 : v > 0 && v <= 1,
  );
const integer = (expected: string, min: number, max: number) =>
  number(expected, (v) => Number.isInteger(v) && v >= min && v <= max);

const range = (expected: string) =>
  object({ min: positive(), max: positive() }, `an object {min, max}`).refine((r) => r.max >= r.min, {
    error: `expected ${expected} with max >= min`,
    path: ['max'],
  });

const asset = object(
  {
    symbol: nonEmptyText('a non-empty string (the asset, e.g. "ETH")'),
    quote: nonEmptyText('a non-empty string (the quote currency, e.g. "USD")'),
    price: positive(),
  },
  'an object {symbol, quote, price}',
);

const market = object(
  {
    model: z.enum(['constant-product', 'orderbook'], {
      error: expecting('one of "constant-product", "orderbook"'),
    }),
    depth2pct: positive(),
    fee: fraction01('[0, 1)').default(0),
    recovery: fraction01('[0, 1]').default(0),
  },
  'an object {model, depth2pct, fee?, recovery?}',
);

const oracle = z.discriminatedUnion(
  'model',
  [
    object({ model: z.literal('spot') }, 'an object {model}'),
    object(
      {
        model: z.literal('twap'),
        window: integer(`a whole number of rounds from 1 to ${MAX_ROUNDS}`, 1, MAX_ROUNDS),
      },
      'an object {model, window}',
    ),
    object(
      {
        model: z.literal('lagged'),
        delay: integer(`a whole number of rounds from 0 to ${MAX_ROUNDS}`, 0, MAX_ROUNDS),
      },
      'an object {model, delay}',
    ),
  ],
  { error: expecting('an object whose model is one of "spot", "twap", "lagged"') },
);

const liquidation = object(
  {
    mechanism: z.enum(['full', 'partial'], { error: expecting('one of "full", "partial"') }),
    closeFactor: fraction01('(0, 1]').optional(),
    bonus: number('a number >= 0 and <= 1', (v) => v >= 0 && v <= 1).default(0),
    threshold: fraction01('(0, 1]'),
  },
  'an object {mechanism, threshold, bonus?, closeFactor?}',
).refine((l) => l.mechanism !== 'partial' || l.closeFactor !== undefined, {
  error: 'expected a number in (0, 1]: partial liquidation needs a closeFactor',
  path: ['closeFactor'],
});

const position = object(
  {
    id: nonEmptyText('a non-empty string'),
    collateral: positive(),
    debt: positive(),
    threshold: fraction01('(0, 1]').optional(),
  },
  'an object {id, collateral, debt, threshold?}',
);

const generate = object(
  {
    count: integer(
      `a whole number from 1 to ${MAX_GENERATED_POSITIONS.toLocaleString('en-US')}`,
      1,
      MAX_GENERATED_POSITIONS,
    ),
    seed: integer('a whole number from 0 to 4294967295', 0, 2 ** 32 - 1),
    collateral: range('a collateral range'),
    healthFactor: range('a health-factor range'),
  },
  'an object {count, seed, collateral, healthFactor}',
);

/** The preset file format (README, "Presets"). Unknown fields are errors. */
export const presetSchema = object(
  {
    name: nonEmptyText('a non-empty string'),
    description: text(),
    asset,
    market,
    oracle,
    liquidation,
    shock: object({ pct: fraction01('[0, 1)') }, 'an object {pct}'),
    positions: z.array(position, { error: expecting('an array of positions') }).default([]),
    generate: generate.optional(),
    rounds: integer(`a whole number from 1 to ${MAX_ROUNDS}`, 1, MAX_ROUNDS).default(DEFAULT_ROUNDS),
  },
  'a JSON object (a preset)',
).superRefine((preset, ctx) => {
  const total = preset.positions.length + (preset.generate?.count ?? 0);
  if (total < 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['positions'],
      message: 'expected at least one position: give "positions" or "generate"',
    });
  }
  const seen = new Map<string, number>();
  preset.positions.forEach((p, i) => {
    const first = seen.get(p.id);
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['positions', i, 'id'],
        message: `expected a unique id, got ${JSON.stringify(p.id)} (also positions[${first}])`,
      });
    } else seen.set(p.id, i);
    const generated = /^g(0|[1-9]\d*)$/.exec(p.id);
    if (generated && preset.generate && Number(generated[1]) < preset.generate.count) {
      ctx.addIssue({
        code: 'custom',
        path: ['positions', i, 'id'],
        message: `expected an id other than the generated ids g0…g${preset.generate.count - 1}, got ${JSON.stringify(p.id)}`,
      });
    }
  });
});

/** A valid preset, defaults filled in. */
export type Preset = z.output<typeof presetSchema>;

// A preset is exactly the engine's scenario: keep the two in step at compile time.
const _presetIsScenario = (preset: Preset): Scenario => preset;
void _presetIsScenario;
