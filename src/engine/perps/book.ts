import { ExplicitOrDefault } from '../explicit-or-default.js';
import { drawPerps } from '../wasm/perps-draws.js';
import { liquidationPriceOf } from './generate.js';
import { RankEntries, RankQueue } from './rank-queue.js';
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
  /** The explicit positions' own maintenance requirements; every generated one has the preset's. */
  private readonly maintenances: ExplicitOrDefault;
  readonly open: Uint8Array;
  readonly liquidated: Uint8Array;
  /**
   * Round 0's sizes and margins, made when first asked for (the dashboard's timeline asks; a headless run
   * never does): copying both up front was 16 MB written for every run of a million positions. Asked
   * before a change, they are copies; after one, the book is drawn again (the same draws, bit for bit).
   */
  private initial?: { readonly size: Float64Array; readonly margin: Float64Array };
  /** Whether a position's size or margin has changed since the book was built. */
  private changed = false;
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

  constructor(
    private readonly spec: PerpsSpec,
    private readonly initialPrice: number,
  ) {
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
    this.maintenances = new ExplicitOrDefault(new Float64Array(explicit), spec.maintenance, n);
    // Each open position filed at its liquidation price as it is written, the longs' and the shorts'
    // (negated) in index order, as `file` would file them one by one.
    const sides = [new RankEntries(n), new RankEntries(n)] as const;
    spec.positions.forEach((p, i) => {
      this.long[i] = p.side === 'long' ? 1 : 0;
      this.size[i] = p.size;
      this.entry[i] = p.entry;
      this.margin[i] = p.margin;
      this.maintenances.explicit[i] = p.maintenance ?? spec.maintenance;
      if (!(p.size > 0)) return;
      const price = this.liquidationPrice(i);
      if (this.long[i]) sides[1].append(i, price);
      else sides[0].append(i, -price);
    });
    if (g) drawPerps(this, explicit, g, spec.maintenance, initialPrice, sides);
    this.open = new Uint8Array(n).fill(1);
    this.liquidated = new Uint8Array(n);
    this.shorts = new RankQueue(sides[0]);
    this.longs = new RankQueue(sides[1]);
  }

  /** Every position's maintenance requirement (made on the first call; never to be written). */
  get maintenance(): Float64Array {
    return this.maintenances.array;
  }

  /** Position i's maintenance requirement. */
  maintenanceOf(i: number): number {
    return this.maintenances.of(i);
  }

  /** Round 0's sizes (never to be written). */
  get initialSize(): Float64Array {
    return this.initialArrays().size;
  }

  /** Round 0's margins (never to be written). */
  get initialMargin(): Float64Array {
    return this.initialArrays().margin;
  }

  private initialArrays(): { readonly size: Float64Array; readonly margin: Float64Array } {
    this.initial ??= this.changed
      ? new PerpBook(this.spec, this.initialPrice).initialArrays()
      : { size: this.size.slice(), margin: this.margin.slice() };
    return this.initial;
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
    return liquidationPriceOf(
      this.long[i]!,
      this.size[i]!,
      this.entry[i]!,
      this.margin[i]!,
      this.maintenanceOf(i),
    );
  }

  /** The price at which the position's equity is zero. */
  bankruptcyPrice(i: number): number {
    return this.entry[i]! - (this.direction(i) * this.margin[i]!) / this.size[i]!;
  }

  /** Equity below maintenance at `price`, as the model states it. */
  isLiquidatable(i: number, price: number): boolean {
    return this.equity(i, price) < this.maintenanceOf(i) * this.size[i]! * price;
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
    // The keys past the boundary's slack are taken at once, as long as they come from the queue's sorted
    // runs; the rest one by one, the top key read once a pop (a call that returns a number boxes it,
    // should it not be inlined).
    n = longs.takeAbove(price * (1 + slack), taken, n);
    for (let top = longs.topKey; top > price * (1 - slack); top = longs.topKey) {
      const near = top <= price * (1 + slack);
      const i = longs.pop();
      if (!near || this.isLiquidatable(i, price)) taken[n++] = i;
      else deferred.push(i);
    }
    n = shorts.takeAbove(-price * (1 - slack), taken, n);
    for (let top = shorts.topKey; top > -price * (1 + slack); top = shorts.topKey) {
      const near = top <= -price * (1 - slack);
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
    this.changed = true;
    this.size[i] = 0;
    this.margin[i] = 0;
    this.open[i] = 0;
  }

  /**
   * A sliced liquidation: closes `quantity` (less than the size) and keeps the margin in the account,
   * credited with what closing realised (`realised`: the slice's profit at its fill, less the fee).
   */
  closeKeepingMargin(i: number, quantity: number, realised: number): void {
    this.changed = true;
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
    const mm = this.maintenanceOf(i);
    if (mm <= feeRate) return Infinity;
    const shortfall = mm * this.size[i]! * price - this.equity(i, price);
    return Math.max(0, (shortfall / ((mm - feeRate) * price)) * (1 + 1e-9));
  }

  /**
   * Closes `quantity` of a position (all of it when equal to its size), taking margin in proportion, which
   * leaves its liquidation and bankruptcy prices unchanged (auto-deleveraging: the owner is paid out).
   */
  reduce(i: number, quantity: number): void {
    this.changed = true;
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

export { healthyEntry } from './generate.js';
