import { z } from 'zod';
import { formatCount } from '../../format.js';
import {
  ASSET,
  MAX_PERP_POSITIONS,
  PRICE,
  QUOTE,
  TEXT_RULE,
  checkUniqueIds,
  expecting,
  fraction01,
  nonEmptyText,
  number,
  object,
  peakedRange,
  positionCount,
  positive,
  rangeText,
  scaledRange,
  seed,
} from './common.js';

/** Leverage: from 1 (no leverage) to 1,000. */
const LEVERAGE = { min: 1, max: 1000, unit: '' };
const leverage = () => number('a number >= 1', (v) => v >= 1, LEVERAGE);
/** A maintenance margin: a share of notional in (0, 0.5], from 1e-4 (leverage up to 10,000 is not modelled). */
const maintenance = () =>
  number('a number in (0, 0.5]', (v) => v > 0 && v <= 0.5, { min: 1e-4, max: 0.5, unit: '' });

const perpPosition = object(
  {
    id: nonEmptyText('a non-empty string').describe(`the position's id, unique; ${TEXT_RULE}`),
    side: z
      .enum(['long', 'short'], { error: expecting('one of "long", "short"') })
      .describe('"long" gains when the price rises, "short" when it falls'),
    size: positive(ASSET).describe(`the size, ${rangeText(ASSET)}`),
    entry: positive(PRICE).describe(`the entry price, ${rangeText(PRICE)}`),
    margin: positive(QUOTE)
      .describe(`the margin, ${rangeText(QUOTE)}; give it or "leverage"`)
      .optional(),
    leverage: leverage()
      .describe('notional at entry over margin, from 1 to 1,000; give it or "margin"')
      .optional(),
    maintenance: maintenance()
      .describe("this position's own maintenance margin, a share of notional in (0, 0.5] (from 1e-4)")
      .optional(),
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
  }))
  .describe('one perpetual future');

const generated = object(
  {
    longs: positionCount(0, MAX_PERP_POSITIONS).describe(
      `the longs drawn, a whole number from 0 to ${formatCount(MAX_PERP_POSITIONS)}`,
    ),
    shorts: positionCount(0, MAX_PERP_POSITIONS).describe(
      `the shorts drawn, a whole number from 0 to ${formatCount(MAX_PERP_POSITIONS)}`,
    ),
    seed: seed(),
    size: scaledRange('a size range', ASSET).describe(`the sizes drawn, ${rangeText(ASSET)}`),
    leverage: peakedRange('a leverage range', leverage, 'leverage').describe(
      'the leverage drawn, from 1 to 1,000 and below 1 / maintenance',
    ),
    entrySpread: fraction01('[0, 1)')
      .describe('entries drawn within ± this share of p0, in [0, 1) (default 0)')
      .default(0),
  },
  'an object {longs, shorts, seed, size, leverage, entrySpread?}',
).describe('perpetuals drawn from a seeded generator');

export const perps = object(
  {
    insuranceFund: number('a number >= 0', (v) => v >= 0, {
      min: 0,
      max: QUOTE.max,
      unit: QUOTE.unit,
    }).describe(
      `the insurance fund at the start, from 0 to ${QUOTE.max} quote: it covers losses beyond a position's margin`,
    ),
    liquidationFee: number('a number in [0, 0.1]', (v) => v >= 0 && v <= 0.1)
      .describe(
        'the fee paid into the fund on a liquidation, a share of notional in [0, 0.1] (default 0.005)',
      )
      .default(0.005),
    maintenance: maintenance().describe(
      'the maintenance margin, a share of notional in (0, 0.5] (from 1e-4): below it a position is liquidated',
    ),
    sliceAbove: positive(QUOTE)
      .describe(`a liquidation of more notional than this, ${rangeText(QUOTE)}, is sold in slices`)
      .optional(),
    sliceFraction: fraction01('(0, 1]')
      .describe('the share of a large position sold per round when sliced, in (0, 1] (default 0.2)')
      .default(0.2),
    positions: z
      .array(perpPosition, { error: expecting('an array of perpetual positions') })
      .max(MAX_PERP_POSITIONS, {
        error: `expected at most ${formatCount(MAX_PERP_POSITIONS)} perpetual positions`,
      })
      .describe('the explicit perpetuals')
      .default([]),
    generate: generated.optional(),
    fill: z
      .enum(['oracle', 'venue'], { error: expecting('one of "oracle", "venue"') })
      .describe(
        'the price a perpetual liquidation fills at: "venue" (along the sale venue) or "oracle" (the oracle price, which no venue gives)',
      )
      .optional(),
    adlRank: z
      .enum(['pnl-margin', 'hyperliquid', 'pro-rata'], {
        error: expecting('one of "pnl-margin", "hyperliquid", "pro-rata"'),
      })
      .describe('how auto-deleveraging ranks the winners it closes (default "pnl-margin")')
      .optional(),
    backstop: object(
      {
        capital: number('a number >= 0', (v) => v >= 0, {
          min: 0,
          max: QUOTE.max,
          unit: QUOTE.unit,
        }).describe(`the backstop vault's capital at the start, from 0 to ${QUOTE.max} quote`),
        below: number('a number in (0, 1]', (v) => v > 0 && v <= 1, { min: 1e-6, max: 1, unit: '' })
          .describe(
            'the vault takes a position whose equity is below this share of its maintenance margin, in (0, 1] (default 2/3)',
          )
          .default(2 / 3),
        unwind: number('a number in [0, 1]', (v) => v >= 0 && v <= 1).describe(
          'the share of its inventory the vault sells (buys back) each round, in [0, 1]',
        ),
      },
      'an object {capital, unwind, below?}',
    )
      .describe("a liquidator vault (Hyperliquid's HLP) that takes positions before slices and ADL")
      .optional(),
  },
  'an object {insuranceFund, maintenance, positions?, generate?, liquidationFee?, sliceAbove?, sliceFraction?, fill?, adlRank?, backstop?}',
)
  .superRefine((p, ctx) => {
    checkUniqueIds(p.positions, ['positions'], 'perps.positions', ctx);
    const most = 1 / p.maintenance;
    if (p.generate && p.generate.leverage.max >= most) {
      ctx.addIssue({
        code: 'custom',
        path: ['generate', 'leverage', 'max'],
        message: `expected a leverage below 1 / maintenance (${Number(most.toFixed(4))}), above which a position is liquidatable as it opens, got ${p.generate.leverage.max}`,
      });
    }
  })
  .describe('perpetual futures, an insurance fund and auto-deleveraging');
