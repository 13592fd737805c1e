/**
 * The auctions' lots, one slot each in kick order, as parallel typed arrays (a million auctions are a few
 * tens of megabytes, not a million objects), with a "next live slot" pointer per slot so that scans skip
 * finished auctions in amortised constant time (path halving, as in a disjoint-set forest).
 */
export class AuctionLots {
  count = 0;
  /** Collateral still for sale. */
  lot = new Float64Array(0);
  /** Quote still to raise: the debt times (1 + penalty), less what bidders paid. */
  tab = new Float64Array(0);
  /** The debt the auction covers, and its tab at the kick (to share a payment between debt and penalty). */
  debt = new Float64Array(0);
  initialTab = new Float64Array(0);
  /** Debt repaid so far (kept for Maker accounting, where a payment repays debt first). */
  repaid = new Float64Array(0);
  /** 1 once any bidder has bought from the auction. */
  bid = new Uint8Array(0);
  /** The first live slot at or after each slot (a slot points past itself once its auction is over). */
  private next = new Int32Array(1);

  add(lot: number, tab: number, debt: number): number {
    if (this.count === this.lot.length) this.grow();
    const slot = this.count++;
    this.lot[slot] = lot;
    this.tab[slot] = tab;
    this.debt[slot] = debt;
    this.initialTab[slot] = tab;
    this.repaid[slot] = 0;
    this.bid[slot] = 0;
    this.next[slot] = slot;
    this.next[slot + 1] = slot + 1;
    return slot;
  }

  /** The first live slot at or after `slot` (`count` when there is none). */
  live(slot: number): number {
    const next = this.next;
    let at = slot;
    while (next[at] !== at) {
      const skip = next[at]!;
      next[at] = next[skip]!;
      at = next[at]!;
    }
    return at;
  }

  /** Ends a slot's auction: scans step over it from now on. */
  close(slot: number): void {
    this.lot[slot] = 0;
    this.tab[slot] = 0;
    this.next[slot] = slot + 1;
  }

  /** Pro-rata: what the auction still owes of the debt it covers, in proportion to the tab left. */
  owedProRata(slot: number): number {
    return (this.tab[slot]! * this.debt[slot]!) / this.initialTab[slot]!;
  }

  /** Maker: the debt not yet repaid (payments repay debt first). */
  owedDebtFirst(slot: number): number {
    return this.debt[slot]! - this.repaid[slot]!;
  }

  private grow(): void {
    const capacity = Math.max(1024, this.lot.length * 2);
    const widen = (a: Float64Array) => {
      const b = new Float64Array(capacity);
      b.set(a);
      return b;
    };
    this.lot = widen(this.lot);
    this.tab = widen(this.tab);
    this.debt = widen(this.debt);
    this.initialTab = widen(this.initialTab);
    this.repaid = widen(this.repaid);
    const bid = new Uint8Array(capacity);
    bid.set(this.bid);
    this.bid = bid;
    const next = new Int32Array(capacity + 1);
    next.set(this.next.subarray(0, this.count + 1));
    this.next = next;
  }
}
