import { z } from 'zod';
import {
  expecting,
  fraction01,
  nonEmptyText,
  number,
  object,
  peakedRange,
  positionCount,
  positive,
  rounds,
  scaledRange,
  seed,
  venueName,
} from './common.js';

export const liquidation = object(
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
        tail: rounds(1),
        cusp: number('a number in (0, 1)', (v) => v > 0 && v < 1),
        zeroBids: z.boolean({ error: expecting('true or false') }).optional(),
        accounting: z
          .enum(['pro-rata', 'maker'], { error: expecting('one of "pro-rata", "maker"') })
          .optional(),
        hole: positive().optional(),
        tip: number('a finite number >= 0', (v) => v >= 0).optional(),
        chip: fraction01('[0, 1)').optional(),
        dust: number('a finite number >= 0', (v) => v >= 0).optional(),
      },
      'an object {startAbove, decay, tail, cusp, zeroBids?, accounting?, hole?, tip?, chip?, dust?}',
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
  );

export const liquidators = object(
  {
    capital: positive().optional(),
    requireProfit: z.boolean({ error: expecting('true or false') }).optional(),
    gasCost: number('a finite number >= 0 (quote per liquidation)', (v) => v >= 0).optional(),
    partialFills: z.boolean({ error: expecting('true or false') }).optional(),
    recycle: z.boolean({ error: expecting('true or false') }).optional(),
  },
  'an object {capital?, requireProfit?, gasCost?, partialFills?, recycle?}',
).refine((l) => !l.recycle || l.capital !== undefined, {
  error:
    'expected capital beside it: recycle makes liquidators.capital a stock, so it needs a capital to start from',
  path: ['recycle'],
});

export const position = object(
  {
    id: nonEmptyText('a non-empty string'),
    collateral: positive(),
    debt: positive(),
    threshold: fraction01('(0, 1]').optional(),
  },
  'an object {id, collateral, debt, threshold?}',
);

export const generate = object(
  {
    count: positionCount(1),
    seed: seed(),
    collateral: scaledRange('a collateral range'),
    healthFactor: peakedRange('a health-factor range', positive),
  },
  'an object {count, seed, collateral, healthFactor}',
);
