import { drawPeaked, drawSize } from '../book-draws.js';
import { UniformStream } from '../rng.js';
import { RankQueue } from './rank-queue.js';
import type { PerpsSpec, Side } from '../types.js';

/**
 * Perpetual positions in typed arrays. A long's equity at price P is margin + size · (P − entry), a
 * short's margin + size · (entry − P); a position is liquidatable when its equity is below
 * maintenance · size · P. That is, a long when P < (size·entry − margin) / (size · (1 − mm)), a short when
 * P > (size·entry + margin) / (size · (1 + mm)). Longs wait in a max-heap of that price, shorts in a
 * max-heap of its negative, so a round touches only the positions it liquidates.
 */
export class PerpBook {
  readonly count: number;
  private readonly explicitIds: readonly string[];
  private readonly explicit: number;
  private readonly longsGenerated: number;
  readonly long: Uint8Array;
  readonly size: Float64Array;
  readonly entry: Float64Array;
  readonly margin: Float64Array;
  readonly maintenance: Float64Array;
  readonly open: Uint8Array;
  readonly liquidated: Uint8Array;
  readonly initialSize: Float64Array;
  readonly initialMargin: Float64Array;
  liquidatedCount = 0;
  /**
   * Not LazyHeaps: a sliced position is filed back at a liquidation price that is the same, to the last
   * bit, for many positions, and the order of such ties is a whole heap's (its shape decides it). A
   * RankQueue pops in that heap's order exactly, falling back to the heap itself on a tie.
   */
  private readonly longs: RankQueue;
  private readonly shorts: RankQueue;
  /** `takeLiquidatable`'s result, reused round after round. */
  private taken = new Int32Array(0);
  private readonly deferred: number[] = [];

  constructor(spec: PerpsSpec, initialPrice: number) {
    const explicit = spec.positions.length;
    const g = spec.generate;
    const n = explicit + (g ? g.longs + g.shorts : 0);
    this.count = n;
    this.explicitIds = spec.positions.map((p) => p.id);
    this.explicit = explicit;
    this.longsGenerated = g?.longs ?? 0;
    this.long = new Uint8Array(n);
    this.size = new Float64Array(n);
    this.entry = new Float64Array(n);
    this.margin = new Float64Array(n);
    this.maintenance = new Float64Array(n);
    spec.positions.forEach((p, i) => {
      this.long[i] = p.side === 'long' ? 1 : 0;
      this.size[i] = p.size;
      this.entry[i] = p.entry;
      this.margin[i] = p.margin;
      this.maintenance[i] = p.maintenance ?? spec.maintenance;
    });
    if (g) {
      // For each position in turn: size, then leverage, then entry, each one draw shaped by its range.
      const stream = new UniformStream(g.seed);
      for (let k = 0; k < g.longs + g.shorts; k++) {
        const i = explicit + k;
        const size = drawSize(g.size, stream.next());
        const leverage = drawPeaked(g.leverage, stream.next());
        const long = k < g.longs;
        const entry = healthyEntry(
          initialPrice,
          g.entrySpread,
          leverage,
          spec.maintenance,
          long,
          stream.next(),
        );
        this.long[i] = long ? 1 : 0;
        this.size[i] = size;
        this.entry[i] = entry;
        this.margin[i] = (size * entry) / leverage;
        this.maintenance[i] = spec.maintenance;
      }
    }
    this.open = new Uint8Array(n).fill(1);
    this.liquidated = new Uint8Array(n);
    this.initialSize = this.size.slice();
    this.initialMargin = this.margin.slice();
    this.longs = this.filed(1);
    this.shorts = this.filed(0);
  }

  /** Every open position of a side (`long`: 1 or 0) with its key, in index order, as `file` files it. */
  private filed(long: 0 | 1): RankQueue {
    const index = new Int32Array(this.count);
    const key = new Float64Array(this.count);
    let count = 0;
    for (let i = 0; i < this.count; i++) {
      if (this.long[i] !== long || !this.open[i] || !(this.size[i]! > 0)) continue;
      const price = this.liquidationPrice(i);
      index[count] = i;
      key[count++] = long ? price : -price;
    }
    return new RankQueue(index, key, count);
  }

  id(i: number): string {
    if (i < this.explicit) return this.explicitIds[i]!;
    const k = i - this.explicit;
    return k < this.longsGenerated ? `L${k}` : `S${k - this.longsGenerated}`;
  }

  side(i: number): Side {
    return this.long[i] ? 'long' : 'short';
  }

  /** +1 for a long, −1 for a short. */
  direction(i: number): 1 | -1 {
    return this.long[i] ? 1 : -1;
  }

  equity(i: number, price: number): number {
    return this.margin[i]! + this.direction(i) * this.size[i]! * (price - this.entry[i]!);
  }

  /** The price at which the position is liquidatable (below it for a long, above it for a short). */
  liquidationPrice(i: number): number {
    const s = this.size[i]!;
    const mm = this.maintenance[i]!;
    return this.long[i]
      ? (s * this.entry[i]! - this.margin[i]!) / (s * (1 - mm))
      : (s * this.entry[i]! + this.margin[i]!) / (s * (1 + mm));
  }

  /** The price at which the position's equity is zero. */
  bankruptcyPrice(i: number): number {
    return this.entry[i]! - (this.direction(i) * this.margin[i]!) / this.size[i]!;
  }

  /** Equity below maintenance at `price`, as the model states it. */
  isLiquidatable(i: number, price: number): boolean {
    return this.equity(i, price) < this.maintenance[i]! * this.size[i]! * price;
  }

  /**
   * Takes every liquidatable open position off its heap: longs first (most under water first), then
   * shorts, into a buffer reused every round (valid until the next call). Plain loops over typed arrays:
   * they run once per position liquidated.
   */
  takeLiquidatable(price: number): Int32Array {
    const slack = 1e-9;
    if (this.taken.length < this.count) this.taken = new Int32Array(this.count);
    const { taken, deferred, longs, shorts } = this;
    let n = 0;
    // A key clearly past the price is liquidatable by the same rule; only near the boundary (within the
    // slack) is the rule evaluated exactly, which spares a million-position cascade a second pass of
    // scattered reads.
    while (longs.topKey > price * (1 - slack)) {
      const near = longs.topKey <= price * (1 + slack);
      const i = longs.pop();
      if (!near || this.isLiquidatable(i, price)) taken[n++] = i;
      else deferred.push(i);
    }
    while (shorts.topKey > -price * (1 + slack)) {
      const near = shorts.topKey <= -price * (1 - slack);
      const i = shorts.pop();
      if (!near || this.isLiquidatable(i, price)) taken[n++] = i;
      else deferred.push(i);
    }
    for (const i of deferred) this.file(i);
    deferred.length = 0;
    return taken.subarray(0, n);
  }

  /** Puts an open position (back) on its heap. */
  file(i: number): void {
    if (!this.open[i] || !(this.size[i]! > 0)) return;
    const key = this.liquidationPrice(i);
    if (this.long[i]) this.longs.push(i, key);
    else this.shorts.push(i, -key);
  }

  markLiquidated(i: number): void {
    if (!this.liquidated[i]) {
      this.liquidated[i] = 1;
      this.liquidatedCount++;
    }
  }

  /** Closes a position whole: nothing is left in it. */
  close(i: number): void {
    this.size[i] = 0;
    this.margin[i] = 0;
    this.open[i] = 0;
  }

  /**
   * A sliced liquidation: closes `quantity` (less than the size) and keeps the margin in the account,
   * credited with what closing realised (`realised`: the slice's profit at its fill, less the fee).
   */
  closeKeepingMargin(i: number, quantity: number, realised: number): void {
    this.size[i] = this.size[i]! - quantity;
    this.margin[i] = this.margin[i]! + realised;
  }

  /**
   * The least quantity whose closing at `price`, with the margin kept and a fee of `feeRate` of the notional
   * closed, brings the equity back to the maintenance requirement of what is left:
   * E − f·q·P ≥ mm·(s − q)·P, so q = (mm·s·P − E) / ((mm − f)·P), a billionth more so that the rest is not
   * liquidatable at the same price; Infinity when closing cannot restore it (mm ≤ f).
   */
  restoringQuantity(i: number, price: number, feeRate: number): number {
    const mm = this.maintenance[i]!;
    if (mm <= feeRate) return Infinity;
    const shortfall = mm * this.size[i]! * price - this.equity(i, price);
    return Math.max(0, (shortfall / ((mm - feeRate) * price)) * (1 + 1e-9));
  }

  /**
   * Closes `quantity` of a position (all of it when equal to its size), taking margin in proportion, which
   * leaves its liquidation and bankruptcy prices unchanged (auto-deleveraging: the owner is paid out).
   */
  reduce(i: number, quantity: number): void {
    const s = this.size[i]!;
    if (quantity >= s) {
      this.size[i] = 0;
      this.margin[i] = 0;
      this.open[i] = 0;
    } else {
      this.margin[i] = this.margin[i]! * (1 - quantity / s);
      this.size[i] = s - quantity;
    }
  }
}

/**
 * A generated entry: uniform in p0 · (1 ± spread), narrowed so that the position is not liquidatable at
 * p0 (a book is drawn as it stands before the shock). A long of leverage L is liquidatable at p0 once
 * its entry is above p0 · (1 − mm) / (1 − 1/L); a short once its entry is below p0 · (1 + mm) / (1 + 1/L).
 * Both bounds lie beyond p0 when L < 1 / mm, which the preset schema requires.
 */
export function healthyEntry(
  p0: number,
  spread: number,
  leverage: number,
  maintenance: number,
  long: boolean,
  u: number,
): number {
  let low = p0 * (1 - spread);
  let high = p0 * (1 + spread);
  if (long) high = Math.min(high, (p0 * (1 - maintenance)) / (1 - 1 / leverage));
  else low = Math.max(low, (p0 * (1 + maintenance)) / (1 + 1 / leverage));
  return low + (high - low) * u;
}
