import type { Venue } from '../market/index.js';

/**
 * The largest q in [0, most] such that selling q on `venue` after `bound` raises at least q · price, and 0
 * unless the venue's marginal price after `bound` is above `price` (the first unit must be worth buying).
 * The average price of the q units, proceedsAfter(bound, q) / q, falls as q grows, so bisection finds it.
 */
export function affordable(venue: Venue, bound: number, price: number, most: number): number {
  if (!(most > 0)) return 0;
  if (!(venue.marginalSellPrice(bound) > price)) return 0;
  if (venue.proceedsAfter(bound, most) >= most * price) return most;
  let low = 0;
  let high = most;
  for (let i = 0; i < 80 && high - low > most * 1e-13; i++) {
    const mid = (low + high) / 2;
    if (venue.proceedsAfter(bound, mid) >= mid * price) low = mid;
    else high = mid;
  }
  return low;
}
