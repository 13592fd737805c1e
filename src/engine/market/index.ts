import type { MarketModelName } from '../types.js';
import { constantProduct } from './constant-product.js';
import { orderbook } from './orderbook.js';
import type { VenueFactory } from './venue.js';

export type { Sale, Venue, VenueFactory } from './venue.js';
export { constantProductBaseReserve } from './constant-product.js';
export { orderbookDepthScale } from './orderbook.js';

/** Market models by the name a preset gives in `market.model`. */
export const marketModels: Readonly<Record<MarketModelName, VenueFactory>> = {
  'constant-product': constantProduct,
  orderbook,
};
export { arbitrage, balancingPrice, type Arbitrage } from './arbitrage.js';
