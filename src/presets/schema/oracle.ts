import { z } from 'zod';
import {
  MAX_ROUNDS,
  PRICE,
  TEXT_RULE,
  expecting,
  fraction01,
  number,
  object,
  openShare,
  rangeText,
  rounds,
  venueName,
} from './common.js';

const oracleCommon = {
  venues: z
    .array(venueName().describe(`a venue name; ${TEXT_RULE}`), {
      error: expecting('an array of venue names'),
    })
    .min(1, { error: 'expected at least one venue name' })
    .describe('the venues whose median price the oracle reads (default: the main venue)')
    .optional(),
  maxChange: openShare()
    .describe('a circuit breaker: the most the reported price moves per round, a share in (0, 1)')
    .optional(),
  floor: number('a price > 0 (the oracle never reports below it)', (v) => v > 0, PRICE)
    .describe(`a price the oracle never reports below (Chainlink's minAnswer), ${rangeText(PRICE)}`)
    .optional(),
};

const model = <const Name extends string>(name: Name, what: string) => z.literal(name).describe(what);

export const oracle = z
  .discriminatedUnion(
    'model',
    [
      object(
        { model: model('spot', 'the oracle reports the venue price of the round'), ...oracleCommon },
        'an object {model}',
      ),
      object(
        {
          model: model('twap', 'the oracle reports the mean venue price of the last "window" rounds'),
          window: rounds(1).describe(`the rounds averaged, a whole number from 1 to ${MAX_ROUNDS}`),
          sampling: z
            .enum(['start', 'time-weighted'], { error: expecting('one of "start", "time-weighted"') })
            .describe(
              '"start" averages start-of-round prices (the default), "time-weighted" every price the venue held',
            )
            .optional(),
          mean: z
            .enum(['arithmetic', 'geometric'], { error: expecting('one of "arithmetic", "geometric"') })
            .describe('"arithmetic" (Uniswap v2, the default) or "geometric" (Uniswap v3) mean')
            .optional(),
          ...oracleCommon,
        },
        'an object {model, window, sampling?, mean?}',
      ),
      object(
        {
          model: model('lagged', 'the oracle reports the venue price of "delay" rounds ago'),
          delay: rounds(0).describe(`the rounds of delay, a whole number from 0 to ${MAX_ROUNDS}`),
          ...oracleCommon,
        },
        'an object {model, delay}',
      ),
      object(
        {
          model: model('feed', 'a deviation-and-heartbeat feed (Chainlink style)'),
          deviation: fraction01('[0, 1)').describe(
            'the relative move, in [0, 1), from the last report that triggers a new one',
          ),
          heartbeat: rounds(1).describe(
            `the rounds after which the feed reports anyway, a whole number from 1 to ${MAX_ROUNDS}`,
          ),
          ...oracleCommon,
        },
        'an object {model, deviation, heartbeat}',
      ),
    ],
    { error: expecting('an object whose model is one of "spot", "twap", "lagged", "feed"') },
  )
  .describe('the price the lending protocol sees, from which health factors are computed');
