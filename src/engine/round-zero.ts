/**
 * Round 0's collateral and debt of every lending position, kept by exception: the book writes down a
 * position's numbers just before it first changes them (`keep`), and the whole arrays are made only
 * when someone asks for them (the dashboard's timeline does; a headless run never does). Copying both
 * arrays up front was 16 MB written, and paged in, for every run of a million positions.
 *
 * The notes' arrays are made at the first note with room for every position once (the attacker's loan
 * and liquidation note one position twice: one more place): `keep` runs inside the liquidation loop, and
 * a branch there first taken after V8 optimised the loop (a chunk to add, an array to grow) throws the
 * optimised loop away each time. Only the places written are paged in.
 *
 * The first note of a position is its round-0 state: later notes of it are overwritten by the first when
 * the arrays are made (the notes are applied last to first).
 */
export class RoundZero {
  private index = new Int32Array(0);
  private collateral = new Float64Array(0);
  private debt = new Float64Array(0);
  private notes = 0;
  private made?: { readonly collateral: Float64Array; readonly debt: Float64Array };

  constructor(private readonly count: number) {}

  /**
   * Makes room, ahead of a liquidation loop, for `more` notes (doubling, up to a note for every position
   * once and one more), so that `keep` in the loop never grows the arrays: the room is made where it is
   * needed, not for the whole book at the first note.
   */
  reserve(more: number): void {
    if (this.made) return;
    const want = Math.min(this.count + 1, this.notes + more);
    if (want <= this.index.length) return;
    const size = Math.min(this.count + 1, Math.max(want, 2 * this.index.length));
    const index = new Int32Array(size);
    const collateral = new Float64Array(size);
    const debt = new Float64Array(size);
    index.set(this.index.subarray(0, this.notes));
    collateral.set(this.collateral.subarray(0, this.notes));
    debt.set(this.debt.subarray(0, this.notes));
    this.index = index;
    this.collateral = collateral;
    this.debt = debt;
  }

  /** Notes position `index`'s numbers before a change (nothing to note once the arrays are made). */
  keep(index: number, collateral: number, debt: number): void {
    if (this.made) return;
    if (this.notes === this.index.length) this.room();
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
    }
    return this.made;
  }

  /**
   * Room for a note outside a reserved loop (a kick, the attacker's loan): for every position once and
   * one more, as a position is noted at most once, the attacker twice.
   */
  private room(): void {
    if (this.index.length > this.count)
      throw new Error('a position was noted more often than round 0 allows');
    this.reserve(this.count + 1);
  }
}
