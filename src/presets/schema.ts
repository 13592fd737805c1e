import { z } from 'zod';
import type { Scenario } from '../engine/index.js';
import { describeValue } from './describe.js';
import { closest } from './problems.js';
import { PERP_METRICS, RECORD_METRICS } from './record.js';

/** The kinds of preset, in the order the picker and `liqloop list` show them. */
export const PRESET_KINDS = ['history', 'lesson'] as const;
export type PresetKind = (typeof PRESET_KINDS)[number];
export const KIND_TITLES: Readonly<Record<PresetKind, string>> = {
  history: 'History: past cascades, calibrated to public figures',
  lesson: 'Lessons: twins that isolate one lever',
};

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

/** A range drawn uniformly, or log-uniformly with `scale: "log"` (sizes). */
const scaledRange = (expected: string) =>
  object(
    {
      min: positive(),
      max: positive(),
      scale: z.enum(['linear', 'log'], { error: expecting('one of "linear", "log"') }).optional(),
    },
    'an object {min, max, scale?}',
  ).refine((r) => r.max >= r.min, { error: `expected ${expected} with max >= min`, path: ['max'] });

/** A range drawn uniformly, or from a triangle peaking at `mode` (health factors, leverage). */
const peakedRange = (expected: string, bound: () => z.ZodType<number>) =>
  object({ min: bound(), max: bound(), mode: bound().optional() }, 'an object {min, max, mode?}')
    .refine((r) => r.max >= r.min, { error: `expected ${expected} with max >= min`, path: ['max'] })
    .refine((r) => r.mode === undefined || (r.mode >= r.min && r.mode <= r.max), {
      error: (issue) => {
        const r = issue.input as { min: number; max: number; mode: number };
        return `expected a mode between min and max (${r.min} to ${r.max}), got ${r.mode}`;
      },
      path: ['mode'],
    });

const asset = object(
  {
    symbol: nonEmptyText('a non-empty string (the asset, e.g. "ETH")'),
    quote: nonEmptyText('a non-empty string (the quote currency, e.g. "USD")'),
    price: positive(),
  },
  'an object {symbol, quote, price}',
);

const marketModel = z.enum(['constant-product', 'orderbook'], {
  error: expecting('one of "constant-product", "orderbook"'),
});
const venueName = nonEmptyText('a non-empty venue name');

const market = object(
  {
    name: venueName.optional(),
    model: marketModel,
    depth2pct: positive(),
    fee: fraction01('[0, 1)').default(0),
    recovery: fraction01('[0, 1]').default(0),
  },
  'an object {model, depth2pct, fee?, recovery?, name?}',
);

const venue = object(
  { name: venueName, model: marketModel, depth2pct: positive(), fee: fraction01('[0, 1)').default(0) },
  'an object {name, model, depth2pct, fee?}',
);

const oracleCommon = {
  venues: z
    .array(venueName, { error: expecting('an array of venue names') })
    .min(1, { error: 'expected at least one venue name' })
    .optional(),
  maxChange: number('a number in (0, 1)', (v) => v > 0 && v < 1).optional(),
  floor: number('a price > 0 (the oracle never reports below it)', (v) => v > 0).optional(),
};

const oracle = z.discriminatedUnion(
  'model',
  [
    object({ model: z.literal('spot'), ...oracleCommon }, 'an object {model}'),
    object(
      {
        model: z.literal('twap'),
        window: integer(`a whole number of rounds from 1 to ${MAX_ROUNDS}`, 1, MAX_ROUNDS),
        ...oracleCommon,
      },
      'an object {model, window}',
    ),
    object(
      {
        model: z.literal('lagged'),
        delay: integer(`a whole number of rounds from 0 to ${MAX_ROUNDS}`, 0, MAX_ROUNDS),
        ...oracleCommon,
      },
      'an object {model, delay}',
    ),
    object(
      {
        model: z.literal('feed'),
        deviation: fraction01('[0, 1)'),
        heartbeat: integer(`a whole number of rounds from 1 to ${MAX_ROUNDS}`, 1, MAX_ROUNDS),
        ...oracleCommon,
      },
      'an object {model, deviation, heartbeat}',
    ),
  ],
  { error: expecting('an object whose model is one of "spot", "twap", "lagged", "feed"') },
);

const liquidation = object(
  {
    mechanism: z.enum(['full', 'partial', 'auction'], {
      error: expecting('one of "full", "partial", "auction"'),
    }),
    closeFactor: fraction01('(0, 1]').optional(),
    bonus: number('a number >= 0 and <= 1', (v) => v >= 0 && v <= 1).default(0),
    threshold: fraction01('(0, 1]'),
    fullBelowHealth: number('a health factor in (0, 1]', (v) => v > 0 && v <= 1).optional(),
    sellOn: venueName.optional(),
    maxSellPerRound: positive().optional(),
    auction: object(
      {
        startAbove: number('a number from 1 to 10', (v) => v >= 1 && v <= 10),
        decay: number('a number in (0, 1)', (v) => v > 0 && v < 1),
        tail: integer(`a whole number of rounds from 1 to ${MAX_ROUNDS}`, 1, MAX_ROUNDS),
        cusp: number('a number in (0, 1)', (v) => v > 0 && v < 1),
        zeroBids: z.boolean({ error: expecting('true or false') }).optional(),
      },
      'an object {startAbove, decay, tail, cusp, zeroBids?}',
    ).optional(),
  },
  'an object {mechanism, threshold, bonus?, closeFactor?, fullBelowHealth?, sellOn?, maxSellPerRound?, auction?}',
)
  .refine((l) => l.mechanism !== 'partial' || l.closeFactor !== undefined, {
    error: 'expected a number in (0, 1]: partial liquidation needs a closeFactor',
    path: ['closeFactor'],
  })
  .refine((l) => l.mechanism !== 'auction' || l.auction !== undefined, {
    error:
      'expected an object {startAbove, decay, tail, cusp}: mechanism "auction" needs its auction parameters',
    path: ['auction'],
  });

const liquidators = object(
  {
    capital: positive().optional(),
    requireProfit: z.boolean({ error: expecting('true or false') }).optional(),
  },
  'an object {capital?, requireProfit?}',
);

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
    collateral: scaledRange('a collateral range'),
    healthFactor: peakedRange('a health-factor range', positive),
  },
  'an object {count, seed, collateral, healthFactor}',
);

const perpPosition = object(
  {
    id: nonEmptyText('a non-empty string'),
    side: z.enum(['long', 'short'], { error: expecting('one of "long", "short"') }),
    size: positive(),
    entry: positive(),
    margin: positive().optional(),
    leverage: number('a number >= 1', (v) => v >= 1).optional(),
    maintenance: number('a number in (0, 0.5]', (v) => v > 0 && v <= 0.5).optional(),
  },
  'an object {id, side, size, entry, margin or leverage, maintenance?}',
)
  .refine((p) => (p.margin === undefined) !== (p.leverage === undefined), {
    error: 'expected exactly one of "margin" (quote) or "leverage" (notional at entry / margin)',
    path: ['margin'],
  })
  .transform(({ leverage, margin, ...rest }) => ({
    ...rest,
    // Leverage is notional at entry over margin.
    margin: margin ?? (rest.size * rest.entry) / leverage!,
  }));

const perps = object(
  {
    insuranceFund: number('a number >= 0', (v) => v >= 0),
    liquidationFee: number('a number in [0, 0.1]', (v) => v >= 0 && v <= 0.1).default(0.005),
    maintenance: number('a number in (0, 0.5]', (v) => v > 0 && v <= 0.5),
    sliceAbove: positive().optional(),
    sliceFraction: fraction01('(0, 1]').default(0.2),
    positions: z.array(perpPosition, { error: expecting('an array of perpetual positions') }).default([]),
    generate: object(
      {
        longs: integer(
          `a whole number from 0 to ${MAX_GENERATED_POSITIONS.toLocaleString('en-US')}`,
          0,
          MAX_GENERATED_POSITIONS,
        ),
        shorts: integer(
          `a whole number from 0 to ${MAX_GENERATED_POSITIONS.toLocaleString('en-US')}`,
          0,
          MAX_GENERATED_POSITIONS,
        ),
        seed: integer('a whole number from 0 to 4294967295', 0, 2 ** 32 - 1),
        size: scaledRange('a size range'),
        leverage: peakedRange('a leverage range', () => number('a number >= 1', (v) => v >= 1)),
        entrySpread: fraction01('[0, 1)').default(0),
      },
      'an object {longs, shorts, seed, size, leverage, entrySpread?}',
    ).optional(),
    fill: z.enum(['oracle', 'venue'], { error: expecting('one of "oracle", "venue"') }).optional(),
    adlRank: z
      .enum(['pnl-margin', 'hyperliquid', 'pro-rata'], {
        error: expecting('one of "pnl-margin", "hyperliquid", "pro-rata"'),
      })
      .optional(),
    backstop: object(
      {
        capital: number('a number >= 0', (v) => v >= 0),
        below: number('a number in (0, 1]', (v) => v > 0 && v <= 1).default(2 / 3),
        unwind: number('a number in [0, 1]', (v) => v >= 0 && v <= 1),
      },
      'an object {capital, unwind, below?}',
    ).optional(),
  },
  'an object {insuranceFund, maintenance, positions?, generate?, liquidationFee?, sliceAbove?, sliceFraction?, fill?, adlRank?, backstop?}',
).superRefine((p, ctx) => {
  checkUniqueIds(p.positions, ['positions'], 'perps.positions', ctx);
  const most = 1 / p.maintenance;
  if (p.generate && p.generate.leverage.max >= most) {
    ctx.addIssue({
      code: 'custom',
      path: ['generate', 'leverage', 'max'],
      message: `expected a leverage below 1 / maintenance (${Number(most.toFixed(4))}), above which a position is liquidatable as it opens, got ${p.generate.leverage.max}`,
    });
  }
});

const recordFigure = object(
  {
    figure: nonEmptyText('a non-empty string naming the figure'),
    recorded: z.union([z.number(), z.string()], { error: expecting('a number or a string') }),
    metric: z
      .enum(RECORD_METRICS, { error: expecting(`a summary metric (${RECORD_METRICS.join(', ')})`) })
      .optional(),
    tolerance: number('a relative tolerance in [0, 10]', (v) => v >= 0 && v <= 10).optional(),
    unmatched: nonEmptyText('a non-empty string saying why the figure is not reproduced').optional(),
    source: text('a string naming the source').optional(),
  },
  'an object {figure, recorded, metric and tolerance, or unmatched, source?}',
).superRefine((f, ctx) => {
  const matched = f.metric !== undefined;
  if (matched === (f.unmatched !== undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['metric'],
      message:
        'expected either "metric" with "tolerance" (a reproduced figure) or "unmatched" (why not), not both or neither',
    });
  } else if (matched && (f.tolerance === undefined || typeof f.recorded !== 'number')) {
    ctx.addIssue({
      code: 'custom',
      path: [f.tolerance === undefined ? 'tolerance' : 'recorded'],
      message:
        f.tolerance === undefined
          ? 'expected a relative tolerance in [0, 10] beside "metric"'
          : `expected a number beside "metric", got ${describeValue(f.recorded)}`,
    });
  } else if (matched && f.recorded === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['recorded'],
      message: 'expected a number other than 0 beside "metric": a relative tolerance needs a scale',
    });
  }
});

const DATE_FORM = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day of the calendar written YYYY-MM-DD (2020-02-30 is not one). */
function isDay(text: string): boolean {
  const parts = DATE_FORM.exec(text);
  if (!parts) return false;
  const [y, m, d] = parts.slice(1).map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

const presetBase = object(
  {
    name: nonEmptyText('a non-empty string'),
    description: text(),
    kind: z.enum(PRESET_KINDS, { error: expecting('one of "history", "lesson"') }).default('lesson'),
    sources: z
      .array(text('a string naming a source'), { error: expecting('an array of strings') })
      .optional(),
    group: nonEmptyText('a non-empty string naming the lesson set').optional(),
    date: text('a date as YYYY-MM-DD')
      .refine(isDay, {
        error: (issue) =>
          DATE_FORM.test(String(issue.input))
            ? `expected a real day as YYYY-MM-DD, got "${String(issue.input)}"`
            : expecting('a date as YYYY-MM-DD')(issue),
      })
      .optional(),
    record: z.array(recordFigure, { error: expecting('an array of recorded figures') }).optional(),
    asset,
    market,
    oracle,
    liquidation,
    shock: object({ pct: fraction01('[0, 1)') }, 'an object {pct}'),
    positions: z.array(position, { error: expecting('an array of positions') }).default([]),
    generate: generate.optional(),
    rounds: integer(`a whole number from 1 to ${MAX_ROUNDS}`, 1, MAX_ROUNDS).default(DEFAULT_ROUNDS),
    venues: z.array(venue, { error: expecting('an array of venues') }).optional(),
    arbitrage: object({ rate: fraction01('[0, 1]') }, 'an object {rate}').optional(),
    liquidators: liquidators.optional(),
    path: object(
      {
        prices: z
          .array(positive(), {
            error: expecting('an array of prices > 0 (or "file": a CSV beside the preset)'),
          })
          .min(1, { error: 'expected at least one price' })
          .max(MAX_ROUNDS, { error: `expected at most ${MAX_ROUNDS} prices` }),
        follow: fraction01('(0, 1]').optional(),
      },
      'an object {prices, follow?} or {file, follow?}',
    ).optional(),
    perps: perps.optional(),
    attacker: object(
      {
        venue: venueName.optional(),
        round: integer(`a whole number of rounds from 1 to ${MAX_ROUNDS}`, 1, MAX_ROUNDS),
        trade: number('a number of asset units, not 0 (positive buys, negative sells)', (v) => v !== 0),
        unwindRound: integer(`a whole number of rounds from 1 to ${MAX_ROUNDS}`, 1, MAX_ROUNDS).optional(),
        collateral: positive(),
        borrowRound: integer(`a whole number of rounds from 1 to ${MAX_ROUNDS}`, 1, MAX_ROUNDS).optional(),
      },
      'an object {round, trade, collateral, venue?, unwindRound?, borrowRound?}',
    )
      .refine((a) => a.unwindRound === undefined || a.unwindRound > a.round, {
        error: 'expected an unwind round after the trade round',
        path: ['unwindRound'],
      })
      .optional(),
  },
  'a JSON object (a preset)',
);

/** The preset file format (README, "Presets"). Unknown fields are errors. */
export const presetSchema = presetBase.superRefine((preset, ctx) => {
  const perpsGenerated = (preset.perps?.generate?.longs ?? 0) + (preset.perps?.generate?.shorts ?? 0);
  const total =
    preset.positions.length +
    (preset.generate?.count ?? 0) +
    (preset.perps?.positions.length ?? 0) +
    perpsGenerated;
  if (total < 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['positions'],
      message: 'expected at least one position: give "positions", "generate" or "perps"',
    });
  }
  if (preset.date !== undefined && isDay(preset.date) && preset.kind !== 'history') {
    ctx.addIssue({
      code: 'custom',
      path: ['date'],
      message: 'expected no date on a lesson: a date is for a history preset',
    });
  }

  (preset.record ?? []).forEach((figure, i) => {
    const needs = figure.metric === undefined ? undefined : metricNeeds(figure.metric);
    if (needs && !needs.has(preset)) {
      ctx.addIssue({
        code: 'custom',
        path: ['record', i, 'metric'],
        message: `expected a metric this preset can give: "${figure.metric}" needs ${needs.what}`,
      });
    }
  });
  if (preset.kind === 'history') {
    if (!preset.sources?.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['sources'],
        message: 'expected the sources a history preset is calibrated to',
      });
    }
    if (preset.date === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: 'expected the date the history began, as YYYY-MM-DD',
      });
    }
    if (!preset.record?.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['record'],
        message: 'expected the recorded figures a history preset reproduces (or says it does not)',
      });
    }
  }
  checkVenueNames(preset, ctx);
  checkUniqueIds(preset.positions, ['positions'], 'positions', ctx);
  preset.positions.forEach((p, i) => {
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

/** What a record metric needs of a preset to be computed at all: an attacker, or perpetuals. */
function metricNeeds(
  metric: string,
): { what: string; has: (preset: z.output<typeof presetBase>) => boolean } | undefined {
  if (metric.startsWith('attack.')) return { what: 'an "attacker"', has: (p) => p.attacker !== undefined };
  if ((PERP_METRICS as readonly string[]).includes(metric))
    return { what: '"perps"', has: (p) => p.perps !== undefined };
  return undefined;
}

type RefineContext = Parameters<Parameters<z.ZodType['superRefine']>[0]>[1];

/** Each id in a list of positions is used once; a repeat names the first use. */
function checkUniqueIds(
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

/** Venue names are unique, and every name a preset refers to is one of them. */
function checkVenueNames(preset: z.output<typeof presetBase>, ctx: RefineContext): void {
  const names = [preset.market.name ?? 'main', ...(preset.venues ?? []).map((v) => v.name)];
  (preset.venues ?? []).forEach((v, i) => {
    if (names.indexOf(v.name) !== i + 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['venues', i, 'name'],
        message: `expected a venue name not used before, got ${JSON.stringify(v.name)}`,
      });
    }
  });
  const known = (name: string, path: (string | number)[]) => {
    if (names.includes(name)) return;
    const suggestion = closest(name, names);
    ctx.addIssue({
      code: 'custom',
      path,
      message:
        `expected one of the venues ${names.map((n) => JSON.stringify(n)).join(', ')}, got ${JSON.stringify(name)}` +
        (suggestion ? `; did you mean ${JSON.stringify(suggestion)}?` : ''),
    });
  };
  if (preset.liquidation.sellOn !== undefined) known(preset.liquidation.sellOn, ['liquidation', 'sellOn']);
  if (preset.attacker?.venue !== undefined) known(preset.attacker.venue, ['attacker', 'venue']);
  (preset.oracle.venues ?? []).forEach((name, i) => known(name, ['oracle', 'venues', i]));
}

/** A valid preset, defaults filled in. */
export type Preset = z.output<typeof presetSchema>;

// A preset is exactly the engine's scenario: keep the two in step at compile time.
const _presetIsScenario = (preset: Preset): Scenario => preset;
void _presetIsScenario;
