/** The round contract as data: its phases, in the order the README's model section lists them. */
import { attackLoan, attackTrade } from './attack.js';
import { auctions } from './auctions.js';
import type { Phase } from './context.js';
import { lendingLiquidations } from './lending.js';
import { liquidatorBooks } from './liquidators.js';
import { arbitrage, exogenousMove } from './market.js';
import { oracleRead } from './oracle.js';
import { perpetuals } from './perpetuals.js';
import { sale } from './sale.js';
import { stopTest } from './stop.js';

export const ROUND_PHASES: readonly Phase[] = [
  exogenousMove,
  arbitrage,
  attackTrade,
  oracleRead,
  attackLoan,
  lendingLiquidations,
  auctions,
  perpetuals,
  sale,
  liquidatorBooks,
  stopTest,
];

export { beginRound, type Phase, type RoundContext } from './context.js';
export { roundRecord } from './record.js';
export { CascadeState, MAIN_VENUE } from './state.js';
export { CONVERGENCE_TOLERANCE } from './stop.js';
export { externalPriceAt } from './market.js';
export { median } from './oracle.js';
