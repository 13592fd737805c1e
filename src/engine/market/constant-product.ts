import type { Venue, VenueFactory } from './venue.js';

/** Base reserve that makes selling `depth2pct` of quote value (at p0) move the price down 2%. */
export function constantProductBaseReserve(depth2pct: number, initialPrice: number): number {
  return depth2pct / (initialPrice * (1 / Math.sqrt(0.98) - 1));
}

/**
 * A constant-product pool (x * y = k, price y / x). A sale of q pays the fee Uniswap-v2 style:
 * the whole q enters the base reserve but only q * (1 - fee) is priced, so the fee stays in the pool.
 */
class ConstantProductPool implements Venue {
  constructor(
    readonly base: number,
    readonly quote: number,
    private readonly fee: number,
  ) {}

  get price(): number {
    return this.quote / this.base;
  }

  sell(quantity: number) {
    if (quantity <= 0) return { venue: this, proceeds: 0 };
    const priced = quantity * (1 - this.fee);
    const quoteAfter = (this.base * this.quote) / (this.base + priced);
    return {
      venue: new ConstantProductPool(this.base + quantity, quoteAfter, this.fee),
      proceeds: this.quote - quoteAfter,
    };
  }

  marginalSellPrice(after: number): number {
    const priced = 1 - this.fee;
    const reserve = this.base + after * priced;
    return (this.base * this.quote * priced) / (reserve * reserve);
  }

  proceedsAfter(after: number, quantity: number): number {
    const priced = 1 - this.fee;
    // k/(x + a') − k/(x + a' + q') = k · q' / ((x + a')(x + a' + q')), with a' and q' net of the fee.
    const before = this.base + after * priced;
    return (this.base * this.quote * (quantity * priced)) / (before * (before + quantity * priced));
  }

  buy(quantity: number) {
    const k = this.base * this.quote;
    const base = this.base - quantity;
    if (!(base > 0)) throw new Error(`cannot buy ${quantity} from a pool holding ${this.base}`);
    const quote = k / base;
    return { venue: new ConstantProductPool(base, quote, this.fee), cost: quote - this.quote };
  }

  quantityTo(price: number): number {
    return Math.sqrt((this.base * this.quote) / price) - this.base;
  }

  shift(quantity: number): Venue {
    const k = this.base * this.quote;
    const base = this.base + quantity;
    return new ConstantProductPool(base, k / base, this.fee);
  }

  moveTo(price: number): Venue {
    const k = this.base * this.quote;
    const base = Math.sqrt(k / price);
    return new ConstantProductPool(base, k / base, this.fee);
  }
}

export const constantProduct: VenueFactory = (spec, initialPrice) => {
  const base = constantProductBaseReserve(spec.depth2pct, initialPrice);
  return new ConstantProductPool(base, base * initialPrice, spec.fee);
};
