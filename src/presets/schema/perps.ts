import { z } from 'zod';
import {
  checkUniqueIds,
  expecting,
  fraction01,
  nonEmptyText,
  number,
  object,
  peakedRange,
  positionCount,
  positive,
  scaledRange,
  seed,
} from './common.js';

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

export const perps = object(
  {
    insuranceFund: number('a number >= 0', (v) => v >= 0),
    liquidationFee: number('a number in [0, 0.1]', (v) => v >= 0 && v <= 0.1).default(0.005),
    maintenance: number('a number in (0, 0.5]', (v) => v > 0 && v <= 0.5),
    sliceAbove: positive().optional(),
    sliceFraction: fraction01('(0, 1]').default(0.2),
    positions: z.array(perpPosition, { error: expecting('an array of perpetual positions') }).default([]),
    generate: object(
      {
        longs: positionCount(0),
        shorts: positionCount(0),
        seed: seed(),
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
