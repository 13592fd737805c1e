import type { BackstopSpec } from '../types.js';
import type { PerpBook } from './book.js';
import type { VenueCursor } from './fill.js';

/**
 * Hyperliquid's liquidator vault (HLP) as a backstop: it takes over a position whose equity is below
 * `below` × its maintenance requirement, with the margin left in it (the owner keeps nothing, as in a
 * backstop liquidation the maintenance margin is not returned), off the venue. The vault's state is its
 * cash and its net inventory (asset units, negative: short); its equity at P is cash + inventory · P.
 * Taking a position of size s, entry e, margin m and direction d adds d·s to the inventory and m − d·s·e
 * to the cash, so its equity grows by exactly the position's equity at P (negative for a bankrupt one).
 * It takes a position only while its equity after the take stays ≥ 0; a position it cannot take is
 * liquidated on the venue like any other. Each round it sells (buys back) `unwind` of its inventory on
 * the venue, after the round's liquidations. Its equity can fall below zero afterwards (the price moves on
 * against what it holds): that loss is reported, not passed on (Hyperliquid would auto-deleverage it).
 */
export class BackstopVault {
  /** A number from the start, not declared bare (see `VenueCursor.at`): written at every take-over. */
  cash = 0;
  inventory = 0;
  /** Units taken over so far, all sides. */
  private taken = 0;

  constructor(readonly spec: BackstopSpec) {
    this.cash = spec.capital;
  }

  equity(price: number): number {
    return this.cash + this.inventory * price;
  }

  /** Whether position `i`, with equity `equity` at P, goes to the vault rather than to the venue. */
  takes(book: PerpBook, i: number, equity: number, price: number): boolean {
    return (
      equity < this.spec.below * book.maintenanceOf(i) * book.size[i]! * price &&
      this.equity(price) + equity >= 0
    );
  }

  /** Takes position `i` over; the book closes it. */
  take(book: PerpBook, i: number): void {
    const d = book.direction(i);
    const s = book.size[i]!;
    this.inventory += d * s;
    this.taken += s;
    this.cash += book.margin[i]! - d * s * book.entry[i]!;
    book.close(i);
  }

  /**
   * Trades `unwind` of the inventory on the venue, all of it once what would be left is under a billionth
   * of what the vault ever took (so that a run can end); returns the units sold (negative: bought).
   */
  unwindInto(cursor: VenueCursor): number {
    const held = Math.abs(this.inventory);
    let units = this.spec.unwind * held;
    if (!(units > 0)) return 0;
    if (held - units <= this.taken * 1e-9) units = held;
    const d: 1 | -1 = this.inventory > 0 ? 1 : -1;
    const fetched = cursor.fill(d, units);
    this.cash += d * fetched;
    this.inventory = units === held ? 0 : this.inventory - d * units;
    return d * units;
  }
}
