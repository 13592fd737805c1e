import type { PositionBook } from './book.js';

/**
 * The positions found liquidatable that wait their turn (an auction's hole is full), most under water
 * first: a ring of indices, off the book's heap while they wait, so that a round does not pop and push
 * them. The book owns one and answers for it (`PositionBook.lineUp`, `front`, `kickFront`).
 */
export class WaitingLine {
  private line = new Int32Array(0);
  private head = 0;
  /** Positions in line. */
  size = 0;
  /** The debt of the positions in line (a running total). */
  private total = 0;

  constructor(private readonly book: PositionBook) {}

  /** The debt of the positions in line. */
  get debt(): number {
    return this.size > 0 ? this.total : 0;
  }

  /** The first position in line (−1 when it is empty). */
  get front(): number {
    return this.size > 0 ? this.line[this.head]! : -1;
  }

  /**
   * Brings the line up to date at oracle `price`: from its end, positions no longer liquidatable go back
   * to the heap; then every open position newly liquidatable joins it, most under water first. Those in
   * line were taken at a higher price than any left on the heap, so the line stays in order.
   */
  lineUp(price: number): void {
    const { book } = this;
    if (this.line.length === 0) this.line = new Int32Array(book.count);
    const capacity = this.line.length;
    while (this.size > 0) {
      const index = this.line[(this.head + this.size - 1) % capacity]!;
      if (book.healthFactor(index, price) < 1) break;
      this.size--;
      this.total -= book.debt[index]!;
      book.file(index);
    }
    for (const index of book.takeLiquidatable(price)) {
      this.line[(this.head + this.size++) % capacity] = index;
      this.total += book.debt[index]!;
    }
  }

  /**
   * Records the front position's state after its kick: whole, it leaves the line; in part, it stays first
   * with what is left.
   */
  kickFront(collateral: number, debt: number, closed: boolean): void {
    const index = this.front;
    this.total -= this.book.debt[index]! - debt;
    this.book.update(index, collateral, debt, closed);
    if (closed) {
      this.head = (this.head + 1) % this.line.length;
      this.size--;
    }
  }
}
