/**
 * The line behind `PositionBook.takeCandidates`, as parallel typed arrays: positions with their liquidation
 * price, collateral and debt, most under water first. Between rounds it holds the positions skipped; during
 * a round it holds the round's candidates, and the skips are written back over its front as they are
 * decided (a skip's slot is never after the candidate being read). The collateral and debt travel with a
 * position so that a round that skips most of a million positions reads them in order, not scattered.
 */
export class SkipLines {
  readonly index: Int32Array;
  readonly key: Float64Array;
  readonly collateral: Float64Array;
  readonly debt: Float64Array;
  /** Positions in line: the skips so far this round (the waiting line, between rounds). */
  size = 0;

  constructor(capacity: number) {
    this.index = new Int32Array(capacity);
    this.key = new Float64Array(capacity);
    this.collateral = new Float64Array(capacity);
    this.debt = new Float64Array(capacity);
  }

  set(at: number, index: number, key: number, collateral: number, debt: number): void {
    this.index[at] = index;
    this.key[at] = key;
    this.collateral[at] = collateral;
    this.debt[at] = debt;
  }

  /** Moves the entry at `from` to `to` (to ≤ from, or into free space). */
  move(from: number, to: number): void {
    if (from === to) return;
    this.set(to, this.index[from]!, this.key[from]!, this.collateral[from]!, this.debt[from]!);
  }

  /** Candidate k waits for the next round, after the skips so far. */
  skipOne(k: number): void {
    this.move(k, this.size++);
  }

  /** Candidates [from, to) wait for the next round, in order, after the skips so far. */
  skip(from: number, to: number): void {
    const at = this.size;
    if (at !== from) {
      this.index.copyWithin(at, from, to);
      this.key.copyWithin(at, from, to);
      this.collateral.copyWithin(at, from, to);
      this.debt.copyWithin(at, from, to);
    }
    this.size += to - from;
  }
}
