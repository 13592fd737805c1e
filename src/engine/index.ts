/** The engine's public surface: pure model code, no I/O, no clock, no ambient randomness. */
export type * from './types.js';
export {
  Cascade,
  CONVERGENCE_TOLERANCE,
  MAX_ATTACK_RISE,
  externalPriceAt,
  MAIN_VENUE,
  type CascadeOptions,
  type RoundOutcome,
} from './cascade.js';
export { runCascade, type CascadeRun } from './run.js';
export { ModelRangeError } from './range.js';
export { summarize, type Summary } from './metrics.js';
export { PositionBook, generatedId, type BookSource } from './book.js';
export { drawPeaked, drawSize } from './book-draws.js';
export { keepGeneratedDraws } from './kept-draws.js';
export { RoundEvents, eventAt, type LiquidationEvent } from './events.js';
export { marketModels, constantProductBaseReserve, orderbookDepthScale, type Venue } from './market/index.js';
export { createOracle, type Oracle, type StartPrices } from './oracle/index.js';
export { createMechanism, liquidate, type Liquidation, type Mechanism } from './liquidation/index.js';
export { seededUniform, type UniformSource } from './rng.js';
export { Timeline, type PerpsView, type PositionsView, type Totals } from './timeline.js';
export type { PerpEvent, PerpRound } from './perps/liquidate.js';
export { shockTo, troughOf, type Trough } from './trough.js';
export { hasLending } from './book-kind.js';
