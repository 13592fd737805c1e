/**
 * The engine's types, split by concern under ./types/ and re-exported here so that every import of
 * `engine/types.js` keeps working.
 */
export type * from './types/market.js';
export type * from './types/lending.js';
export type * from './types/perps.js';
export type * from './types/scenario.js';
export type * from './types/round.js';
