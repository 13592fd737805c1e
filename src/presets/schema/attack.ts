import { number, object, positive, rounds, venueName } from './common.js';

export const attacker = object(
  {
    venue: venueName.optional(),
    round: rounds(1),
    trade: number('a number of asset units, not 0 (positive buys, negative sells)', (v) => v !== 0),
    unwindRound: rounds(1).optional(),
    collateral: positive(),
    borrowRound: rounds(1).optional(),
  },
  'an object {round, trade, collateral, venue?, unwindRound?, borrowRound?}',
).refine((a) => a.unwindRound === undefined || a.unwindRound > a.round, {
  error: 'expected an unwind round after the trade round',
  path: ['unwindRound'],
});
