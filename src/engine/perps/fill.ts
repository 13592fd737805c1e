import type { Venue } from '../market/index.js';

/**
 * The round's trade on the sale venue, walked unit by unit in the order the round binds it: first the
 * lending batch, then each perpetual fill in turn. `value(x)` is Π(x), what a single trade of x net units
 * from the venue's state at the sale would fetch: the proceeds of selling x (x > 0), minus the cost of
 * buying −x (x < 0). A fill of v units in direction d (+1 sell, −1 buy) bound after c units fetches
 * d · (Π(c + d·v) − Π(c)) (proceeds of a sale, cost of a purchase); the fills of a round add up, by
 * telescoping, to Π(batch + net) − Π(batch), what the venue's one net trade gives the perpetuals.
 */
export class VenueCursor {
  // Numbers from the start (not declared bare, which defines them undefined first): a field that has held
  // something else keeps each number it is given in a fresh box, two a fill.
  private at = 0;
  private valueAt = 0;

  constructor(
    private readonly venue: Venue,
    start: number,
  ) {
    this.at = start;
    this.valueAt = this.value(start);
  }

  /** Net units bound for the venue so far (lending batch included). */
  get bound(): number {
    return this.at;
  }

  value(x: number): number {
    if (x > 0) return this.venue.sell(x).proceeds;
    if (x < 0) return -this.venue.buy(-x).cost;
    return 0;
  }

  /** What `units` in `direction` would fetch (sold) or cost (bought) if bound next, without binding them. */
  peek(direction: 1 | -1, units: number): number {
    if (!(units > 0)) return 0;
    return direction * (this.value(this.at + direction * units) - this.valueAt);
  }

  /** Binds `units` in `direction` and returns what they fetched (sold) or cost (bought). */
  fill(direction: 1 | -1, units: number): number {
    if (!(units > 0)) return 0;
    const next = this.at + direction * units;
    const nextValue = this.value(next);
    const fetched = direction * (nextValue - this.valueAt);
    this.at = next;
    this.valueAt = nextValue;
    return fetched;
  }
}

/**
 * The largest v in [0, q] with loss(v) ≤ budget, for a loss convex in v with loss(0) ≤ budget < loss(q)
 * (a venue's fills get worse with every unit, so the loss of the first v units is convex). Bisection to
 * a relative 1e-12 of q: 45 steps.
 */
export function largestWithin(loss: (v: number) => number, q: number, budget: number): number {
  let low = 0;
  let high = q;
  for (let k = 0; k < 45 && high - low > q * 1e-12; k++) {
    const mid = (low + high) / 2;
    if (loss(mid) <= budget) low = mid;
    else high = mid;
  }
  return low;
}
