/**
 * Round 0's collateral and debt of every lending position, kept by exception: the book writes down a
 * position's numbers just before it first changes them (`keep`), and the whole arrays are made only
 * when someone asks for them (the dashboard's timeline does; a headless run never does). Copying both
 * arrays up front was 16 MB written, and paged in, for every run of a million positions.
 *
 * The first note of a position is its round-0 state: later notes of it are older ones' successors and
 * are overwritten by the first when the arrays are made (the notes are applied last to first).
 */
export class RoundZero {
  private index = new Int32Array(1024);
  private collateral = new Float64Array(1024);
  private debt = new Float64Array(1024);
  private notes = 0;
  private made?: { readonly collateral: Float64Array; readonly debt: Float64Array };

  /** Notes position `index`'s numbers before a change (nothing to note once the arrays are made). */
  keep(index: number, collateral: number, debt: number): void {
    if (this.made) return;
    if (this.notes === this.index.length) this.grow();
    this.index[this.notes] = index;
    this.collateral[this.notes] = collateral;
    this.debt[this.notes++] = debt;
  }

  /** The round-0 arrays, made once from the book's current ones and the notes; never to be written. */
  arrays(
    collateral: Float64Array,
    debt: Float64Array,
  ): { readonly collateral: Float64Array; readonly debt: Float64Array } {
    if (!this.made) {
      const initialCollateral = collateral.slice();
      const initialDebt = debt.slice();
      for (let k = this.notes - 1; k >= 0; k--) {
        const i = this.index[k]!;
        initialCollateral[i] = this.collateral[k]!;
        initialDebt[i] = this.debt[k]!;
      }
      this.made = { collateral: initialCollateral, debt: initialDebt };
      this.index = new Int32Array(0);
      this.collateral = new Float64Array(0);
      this.debt = new Float64Array(0);
      this.notes = 0;
    }
    return this.made;
  }

  private grow(): void {
    const size = this.index.length * 2;
    const index = new Int32Array(size);
    const collateral = new Float64Array(size);
    const debt = new Float64Array(size);
    index.set(this.index);
    collateral.set(this.collateral);
    debt.set(this.debt);
    this.index = index;
    this.collateral = collateral;
    this.debt = debt;
  }
}
