import type { Venue } from './venue.js';

/**
 * The price at which the asset flows between venues net to zero: Σ quantityTo_i(p) = 0. Each quantityTo
 * falls as p rises, so bisection between the lowest and highest venue price finds it.
 */
export function balancingPrice(venues: readonly Venue[]): number {
  let low = Math.min(...venues.map((v) => v.price));
  let high = Math.max(...venues.map((v) => v.price));
  for (let i = 0; i < 200 && high - low > high * 1e-15; i++) {
    const mid = (low + high) / 2;
    const flow = venues.reduce((sum, v) => sum + v.quantityTo(mid), 0);
    if (flow > 0) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** Result of one round's arbitrage: the venues after it and the asset it moved (real volume). */
export interface Arbitrage {
  readonly venues: Venue[];
  readonly volume: number;
}

/**
 * Arbitrage closes `rate` of every venue's gap to the balancing price by trading along each venue's
 * curve: venue i trades rate · quantityTo_i(p*), bought on the cheap venues and sold on the dear ones,
 * so the asset bought equals the asset sold.
 */
export function arbitrage(venues: readonly Venue[], rate: number): Arbitrage {
  if (venues.length < 2 || rate <= 0) return { venues: [...venues], volume: 0 };
  const target = balancingPrice(venues);
  let volume = 0;
  const after = venues.map((v) => {
    const quantity = rate * v.quantityTo(target);
    if (quantity > 0) volume += quantity;
    return v.shift(quantity);
  });
  return { venues: after, volume };
}
