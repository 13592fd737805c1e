import type { Venue, VenueFactory } from './venue.js';

/** Depth scale Q: selling Q units multiplies the price by 1/e; selling depth2pct/p0 of it moves it 2%. */
export function orderbookDepthScale(depth2pct: number, initialPrice: number): number {
  return depth2pct / (initialPrice * -Math.log(0.98));
}

/**
 * An order book with exponential impact: selling q multiplies the price by exp(-q / Q).
 * The book has no memory of past trades. The fee is a taker fee: it comes off the
 * seller's proceeds and does not move the price.
 */
class ExponentialBook implements Venue {
  constructor(
    readonly price: number,
    private readonly scale: number,
    private readonly fee: number,
  ) {}

  sell(quantity: number) {
    if (quantity <= 0) return { venue: this, proceeds: 0 };
    const fill = Math.exp(-quantity / this.scale);
    // Proceeds are the integral of the price over the units sold: p * Q * (1 - exp(-q / Q)).
    const gross = this.price * this.scale * (1 - fill);
    return {
      venue: new ExponentialBook(this.price * fill, this.scale, this.fee),
      proceeds: gross * (1 - this.fee),
    };
  }

  marginalSellPrice(after: number): number {
    return this.price * (1 - this.fee) * Math.exp(-after / this.scale);
  }

  proceedsAfter(after: number, quantity: number): number {
    // p·Q·(1 − fee)·(e^(−a/Q) − e^(−(a+q)/Q)) = p·Q·(1 − fee)·e^(−a/Q)·(−expm1(−q/Q)).
    return (
      this.price *
      this.scale *
      (1 - this.fee) *
      Math.exp(-after / this.scale) *
      -Math.expm1(-quantity / this.scale)
    );
  }

  buy(quantity: number) {
    const rise = Math.exp(quantity / this.scale);
    // The integral of the price over the units bought: p · Q · (exp(q / Q) − 1).
    return {
      venue: new ExponentialBook(this.price * rise, this.scale, this.fee),
      cost: this.price * this.scale * (rise - 1),
    };
  }

  quantityTo(price: number): number {
    return -this.scale * Math.log(price / this.price);
  }

  shift(quantity: number): Venue {
    return new ExponentialBook(this.price * Math.exp(-quantity / this.scale), this.scale, this.fee);
  }

  moveTo(price: number): Venue {
    return new ExponentialBook(price, this.scale, this.fee);
  }
}

export const orderbook: VenueFactory = (spec, initialPrice) =>
  new ExponentialBook(initialPrice, orderbookDepthScale(spec.depth2pct, initialPrice), spec.fee);
