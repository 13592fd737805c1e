import {
  ASSET,
  MAX_ROUNDS,
  TEXT_RULE,
  number,
  object,
  positive,
  rangeText,
  rounds,
  venueName,
} from './common.js';

const roundsText = `a whole number from 1 to ${MAX_ROUNDS}`;

export const attacker = object(
  {
    venue: venueName()
      .describe(`the venue the attacker trades on (default the main venue); ${TEXT_RULE}`)
      .optional(),
    round: rounds(1).describe(`the round of the manipulating trade, ${roundsText}`),
    trade: number('a number of asset units, not 0 (positive buys, negative sells)', (v) => v !== 0, {
      min: -ASSET.max,
      max: ASSET.max,
      unit: ASSET.unit,
    })
      .refine((v) => Math.abs(v) >= ASSET.min, {
        error: `expected a trade of at least ${ASSET.min} asset units either way`,
      })
      .describe(
        `the asset bought (> 0) or sold (< 0), ${ASSET.min} to ${ASSET.max} units either way; a buy must be smaller than a constant-product pool's reserve`,
      ),
    unwindRound: rounds(1)
      .describe(`the round the trade is reversed, after "round", ${roundsText}`)
      .optional(),
    collateral: positive(ASSET).describe(
      `the attacker's own collateral, borrowed against at the manipulated oracle price, ${rangeText(ASSET)}`,
    ),
    borrowRound: rounds(1)
      .describe(`the round the attacker borrows (default "round"), ${roundsText}`)
      .optional(),
  },
  'an object {round, trade, collateral, venue?, unwindRound?, borrowRound?}',
)
  .refine((a) => a.unwindRound === undefined || a.unwindRound > a.round, {
    error: 'expected an unwind round after the trade round',
    path: ['unwindRound'],
  })
  .describe('an oracle manipulation: a trade, a loan against the price it made, an unwind');
