import { z } from 'zod';
import { formatCount } from '../../format.js';
import {
  ASSET,
  MAX_GENERATED_POSITIONS,
  MAX_ROUNDS,
  QUOTE,
  TEXT_RULE,
  expecting,
  fraction01,
  nonEmptyText,
  number,
  object,
  openShare,
  peakedRange,
  positionCount,
  positive,
  rangeText,
  rounds,
  scaledRange,
  seed,
  venueName,
} from './common.js';

/** Health factors a generated book may be drawn with. */
const HEALTH = { min: 1e-3, max: 1e3, unit: '' };

const auction = object(
  {
    startAbove: number('a number from 1 to 10', (v) => v >= 1 && v <= 10).describe(
      'the first ask as a multiple of the oracle price, from 1 to 10',
    ),
    decay: openShare().describe(
      'the share of the ask kept each round, in (0, 1): the ask falls by 1 − decay',
    ),
    tail: rounds(1).describe(`the rounds an auction runs at most, a whole number from 1 to ${MAX_ROUNDS}`),
    cusp: openShare().describe(
      'the ask, as a share of the oracle price at the start, below which the auction stops falling, in (0, 1)',
    ),
    zeroBids: z
      .boolean({ error: expecting('true or false') })
      .describe('true: keepers bid nothing when they cannot pay (Black Thursday)')
      .optional(),
    accounting: z
      .enum(['pro-rata', 'maker'], { error: expecting('one of "pro-rata", "maker"') })
      .describe('where what an auction raises goes: "pro-rata" (the default) or "maker" (all to the Vow)')
      .optional(),
    hole: positive(QUOTE)
      .describe(`the most debt (tabs) in auction at once, ${rangeText(QUOTE)} (Maker's Dog hole)`)
      .optional(),
    tip: number('a finite number >= 0', (v) => v >= 0, { min: 0, max: QUOTE.max, unit: QUOTE.unit })
      .describe(`the flat reward paid to the keeper at each kick, from 0 to ${QUOTE.max} quote`)
      .optional(),
    chip: fraction01('[0, 1)')
      .describe("the keeper's reward at each kick as a share of the tab, in [0, 1)")
      .optional(),
    dust: number('a finite number >= 0', (v) => v >= 0, { min: 0, max: QUOTE.max, unit: QUOTE.unit })
      .describe(`the smallest debt a kick or a purchase may leave, from 0 to ${QUOTE.max} quote`)
      .optional(),
  },
  'an object {startAbove, decay, tail, cusp, zeroBids?, accounting?, hole?, tip?, chip?, dust?}',
).describe('the parameters of a falling-price (Dutch) auction of seized collateral');

export const liquidation = object(
  {
    mechanism: z
      .enum(['full', 'partial', 'auction'], {
        error: expecting('one of "full", "partial", "auction"'),
      })
      .describe('"full" repays all the debt, "partial" a closeFactor of it, "auction" sells by auction'),
    closeFactor: fraction01('(0, 1]')
      .describe('partial: the share of the debt repaid per liquidation, in (0, 1] (from 1e-6)')
      .optional(),
    bonus: number('a number >= 0 and <= 1', (v) => v >= 0 && v <= 1)
      .describe("the liquidator's bonus, a share of the repaid debt in [0, 1] (default 0)")
      .default(0),
    threshold: fraction01('(0, 1]').describe(
      'LT, the liquidation threshold, in (0, 1] (from 1e-6): a position is liquidatable below health factor 1',
    ),
    fullBelowHealth: number('a health factor in (0, 1]', (v) => v > 0 && v <= 1, {
      min: 1e-6,
      max: 1,
      unit: '',
    })
      .describe('partial only: repay the whole debt at or below this health factor, in (0, 1]')
      .optional(),
    sellOn: venueName()
      .describe(`the venue seized collateral is sold on (default the main venue); ${TEXT_RULE}`)
      .optional(),
    maxSellPerRound: positive(ASSET)
      .describe(`the most seized collateral sold per round, ${rangeText(ASSET)}; the rest queues`)
      .optional(),
    auction: auction.optional(),
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
  })
  .refine(
    (l) => {
      const { hole, dust = 0 } = l.auction ?? {};
      // Only once both are valid numbers (a bad one has its own message).
      if (!(typeof hole === 'number' && hole > 0 && typeof dust === 'number' && dust >= 0)) return true;
      return hole > dust * (1 + l.bonus);
    },
    {
      error: (issue) => {
        const l = issue.input as { bonus: number; auction: { hole: number; dust?: number } };
        const least = (l.auction.dust ?? 0) * (1 + l.bonus);
        return `expected a number > dust · (1 + bonus) = ${least} (below it no position could be kicked in part), got ${l.auction.hole}`;
      },
      path: ['auction', 'hole'],
    },
  )
  .describe('how under-water positions are liquidated and their collateral sold');

export const liquidators = object(
  {
    capital: positive(QUOTE)
      .describe(`the quote liquidators can spend per round, ${rangeText(QUOTE)} (default unlimited)`)
      .optional(),
    requireProfit: z
      .boolean({ error: expecting('true or false') })
      .describe('true: a liquidator skips a liquidation the sale would lose money on')
      .optional(),
    gasCost: number('a finite number >= 0 (quote per liquidation)', (v) => v >= 0, {
      min: 0,
      max: QUOTE.max,
      unit: QUOTE.unit,
    })
      .describe(`the cost of one liquidation to its liquidator, from 0 to ${QUOTE.max} quote (default 0)`)
      .optional(),
    partialFills: z
      .boolean({ error: expecting('true or false') })
      .describe(
        'true: a liquidation capital cannot fully pay is filled with what is left, instead of skipped',
      )
      .optional(),
    recycle: z
      .boolean({ error: expecting('true or false') })
      .describe(
        "true: capital is a stock, and a sale's proceeds are the next round's capital (needs capital)",
      )
      .optional(),
  },
  'an object {capital?, requireProfit?, gasCost?, partialFills?, recycle?}',
)
  .refine((l) => !l.recycle || l.capital !== undefined, {
    error:
      'expected capital beside it: recycle makes liquidators.capital a stock, so it needs a capital to start from',
    path: ['recycle'],
  })
  .describe('what limits the liquidators');

export const position = object(
  {
    id: nonEmptyText('a non-empty string').describe(`the position's id, unique; ${TEXT_RULE}`),
    collateral: positive(ASSET).describe(`the collateral, ${rangeText(ASSET)}`),
    debt: positive(QUOTE).describe(`the debt, ${rangeText(QUOTE)}`),
    threshold: fraction01('(0, 1]')
      .describe("this position's own liquidation threshold, in (0, 1], instead of the preset's")
      .optional(),
  },
  'an object {id, collateral, debt, threshold?}',
).describe('one loan: collateral in the asset, debt in the quote currency');

export const positions = z
  .array(position, { error: expecting('an array of positions') })
  .max(MAX_GENERATED_POSITIONS, {
    error: `expected at most ${formatCount(MAX_GENERATED_POSITIONS)} positions`,
  })
  .describe(`the explicit loans, at most ${formatCount(MAX_GENERATED_POSITIONS)}`);

export const generate = object(
  {
    count: positionCount(1).describe(
      `the positions drawn, a whole number from 1 to ${formatCount(MAX_GENERATED_POSITIONS)}`,
    ),
    seed: seed(),
    collateral: scaledRange('a collateral range', ASSET).describe(
      `the collateral drawn, ${rangeText(ASSET)}`,
    ),
    healthFactor: peakedRange(
      'a health-factor range',
      () => positive(HEALTH),
      'health factor at p0',
    ).describe('the health factor at p0 drawn, from 0.001 to 1,000; debt = collateral · p0 · LT / HF'),
  },
  'an object {count, seed, collateral, healthFactor}',
).describe('a book of positions drawn from a seeded generator, named g0, g1, …');
