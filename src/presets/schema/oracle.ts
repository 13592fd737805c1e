import { z } from 'zod';
import { expecting, fraction01, number, object, rounds, venueName } from './common.js';

const oracleCommon = {
  venues: z
    .array(venueName, { error: expecting('an array of venue names') })
    .min(1, { error: 'expected at least one venue name' })
    .optional(),
  maxChange: number('a number in (0, 1)', (v) => v > 0 && v < 1).optional(),
  floor: number('a price > 0 (the oracle never reports below it)', (v) => v > 0).optional(),
};

export const oracle = z.discriminatedUnion(
  'model',
  [
    object({ model: z.literal('spot'), ...oracleCommon }, 'an object {model}'),
    object(
      {
        model: z.literal('twap'),
        window: rounds(1),
        sampling: z
          .enum(['start', 'time-weighted'], { error: expecting('one of "start", "time-weighted"') })
          .optional(),
        mean: z
          .enum(['arithmetic', 'geometric'], { error: expecting('one of "arithmetic", "geometric"') })
          .optional(),
        ...oracleCommon,
      },
      'an object {model, window, sampling?, mean?}',
    ),
    object({ model: z.literal('lagged'), delay: rounds(0), ...oracleCommon }, 'an object {model, delay}'),
    object(
      { model: z.literal('feed'), deviation: fraction01('[0, 1)'), heartbeat: rounds(1), ...oracleCommon },
      'an object {model, deviation, heartbeat}',
    ),
  ],
  { error: expecting('an object whose model is one of "spot", "twap", "lagged", "feed"') },
);
