import { drawRoundZero, fillBook, writeGiven, type BookSource } from './book-fill.js';
import { ExplicitOrDefault } from './explicit-or-default.js';
import type { LazyHeap } from './lazy-heap.js';
import { SkipLines } from './skip-lines.js';
import { WaitingLine } from './waiting-line.js';

/** Relative slack when taking candidates off the heap; each candidate is then checked by the exact HF rule. */
const CANDIDATE_SLACK = 1e-9;

export type { BookSource } from './book-fill.js';

/** The id a generated position gets: `g0`, `g1`, … in the order they are drawn. */
export const generatedId = (index: number): string => `g${index}`;

/**
 * The positions, held as parallel typed arrays (a million positions cost tens of megabytes, not objects),
 * with a max-heap of open positions keyed by liquidation price debt / (collateral * LT), so that a round
 * touches only the positions whose liquidation price is above the oracle price.
 *
 * The book is advanced in place by the cascade; `initialCollateral` and `initialDebt` give round 0.
 */
export class PositionBook {
  readonly count: number;
  readonly collateral: Float64Array;
  readonly debt: Float64Array;
  /** The explicit positions' own thresholds, and the default LT every other position has. */
  private readonly thresholds: ExplicitOrDefault;
  /** 1 while a position is open. */
  readonly open: Uint8Array;
  /** 1 once a position has been liquidated at least once. */
  readonly liquidated: Uint8Array;
  openCount: number;
  liquidatedCount = 0;

  /** What the book is built from: round 0 is drawn from it again when asked for after a change. */
  private readonly source: BookSource;
  /** Whether the attacker's loan has changed its position since round 0. */
  private borrowed = false;
  /** Round 0's collateral and debt, once asked for. */
  private roundZero?: { readonly collateral: Float64Array; readonly debt: Float64Array };
  private readonly explicitIds: readonly string[];
  private readonly borrowerId?: string;
  /** Open positions with debt, by liquidation price, highest first (ordered lazily, see LazyHeap). */
  private readonly heap: LazyHeap;
  /** `takeLiquidatable`'s result, reused round after round (a round may take a million positions). */
  private taken = new Int32Array(0);
  /** The collateral and debt of `takeLiquidatable`'s positions, side by side with them. */
  takenCollateral = new Float64Array(0);
  takenDebt = new Float64Array(0);
  /** Positions near the floor that turned out not liquidatable (few): they go back on the heap. */
  private readonly deferred: number[] = [];
  /** Positions found liquidatable that wait their turn (an auction's hole is full). */
  private readonly line = new WaitingLine(this);
  /** Positions skipped last round and their keys, this round's candidates, this round's skips (`takeCandidates`). */
  private skipped?: SkipLines;

  constructor(source: BookSource) {
    const explicit = source.positions;
    const generated = source.generate?.count ?? 0;
    const count = explicit.length + generated + (source.borrower ? 1 : 0);
    this.count = count;
    this.source = source;
    this.explicitIds = explicit.map((p) => p.id);
    this.borrowerId = source.borrower?.id;
    this.collateral = new Float64Array(count);
    this.debt = new Float64Array(count);
    this.thresholds = new ExplicitOrDefault(new Float64Array(explicit.length), source.threshold, count);
    explicit.forEach((p, i) => {
      this.thresholds.explicit[i] = p.threshold ?? source.threshold;
    });
    writeGiven(this, source);
    this.open = new Uint8Array(count).fill(1);
    this.liquidated = new Uint8Array(count);
    this.openCount = count;
    this.heap = fillBook(this, this.thresholds, source);
  }

  /** Every position's liquidation threshold (made on the first call; not to be written). */
  get threshold(): Float64Array {
    return this.thresholds.array;
  }

  /** Position i's liquidation threshold. */
  thresholdOf(index: number): number {
    return this.thresholds.of(index);
  }

  /** Round 0's collateral of every position (made on the first call; not to be written). */
  get initialCollateral(): Float64Array {
    return this.roundZeroArrays().collateral;
  }

  /** Round 0's debt of every position. */
  get initialDebt(): Float64Array {
    return this.roundZeroArrays().debt;
  }

  /**
   * Round 0, made once: a copy of the book while nothing has changed (the dashboard asks before the first
   * round), else the book drawn again from its source (the same draws, bit for bit), as the perpetuals'
   * book does. Round 0 used to be kept by exception, each position's numbers noted at its first change:
   * three writes a liquidation and their pages, for arrays a headless run never asks for (issue 15: the
   * 1M bench book 233.2 -> 220.8 ms a run, medians of 12 interleaved; peak RSS 125 -> 112 MB).
   */
  private roundZeroArrays(): { readonly collateral: Float64Array; readonly debt: Float64Array } {
    this.roundZero ??=
      this.liquidatedCount > 0 || this.borrowed
        ? drawRoundZero(this.source, this.count)
        : { collateral: this.collateral.slice(), debt: this.debt.slice() };
    return this.roundZero;
  }

  id(index: number): string {
    if (this.borrowerId !== undefined && index === this.count - 1) return this.borrowerId;
    return index < this.explicitIds.length
      ? this.explicitIds[index]!
      : generatedId(index - this.explicitIds.length);
  }

  /** The oracle price below which the position is liquidatable. */
  liquidationPrice(index: number): number {
    return this.debt[index]! / (this.collateral[index]! * this.thresholdOf(index));
  }

  /** HF = collateral * P * LT / debt, exactly as the round contract writes it. */
  healthFactor(index: number, price: number): number {
    return (this.collateral[index]! * price * this.thresholdOf(index)) / this.debt[index]!;
  }

  /**
   * `healthFactor` from the position's collateral and debt as the caller holds them (a candidate's carried
   * numbers, equal to the book's): the same value, without reading the book at a scattered index.
   */
  healthFactorOf(index: number, collateral: number, debt: number, price: number): number {
    return (collateral * price * this.thresholdOf(index)) / debt;
  }

  /**
   * Takes off the heap every open position with HF < 1 at `price`, most under water first, into a buffer
   * reused every round (valid until the next call). The caller puts back, with `reinsert`, those that stay open.
   *
   * Shaped as one loop over typed arrays with the health factor written out: it runs once per position
   * liquidated, and a result array of numbers grown a million times was a large share of a run's garbage.
   */
  takeLiquidatable(price: number): Int32Array {
    const floor = price * (1 - CANDIDATE_SLACK);
    const { heap, deferred } = this;
    const { explicit, fallback: lt } = this.thresholds;
    // Room for every pop this call can make, made before the loop: sized to the book at once, a
    // million-position book allocated 20 MB in its first round whatever it liquidated, which a process
    // running many cascades got back zeroed (issue 15: the bench's round-cost section).
    const bound = heap.countAbove(floor);
    if (this.taken.length < bound) {
      const size = Math.min(this.count, Math.max(bound, 2 * this.taken.length));
      this.taken = new Int32Array(size);
      this.takenCollateral = new Float64Array(size);
      this.takenDebt = new Float64Array(size);
    }
    const { taken, takenCollateral, takenDebt } = this;
    let n = 0;
    // Above `surely` a key's health factor is certainly below 1 (the two roundings differ by a few ulps):
    // the position is taken on its key alone. Near the price, and for keys so large that an underflow
    // could hide in them, the health factor is computed exactly as the round contract writes it.
    const surely = price * (1 + 1e-6);
    for (let key = heap.peek(floor); key > floor; key = heap.peek(floor)) {
      const index = heap.pop();
      const collateral = heap.poppedA;
      const debt = heap.poppedB;
      if (
        (key > surely && key < 1e300) ||
        (collateral * price * (index < explicit.length ? explicit[index]! : lt)) / debt < 1
      ) {
        taken[n] = index;
        takenCollateral[n] = collateral;
        takenDebt[n++] = debt;
      } else deferred.push(index);
    }
    for (const index of deferred) this.file(index);
    deferred.length = 0;
    return taken.subarray(0, n);
  }

  /**
   * `takeLiquidatable` for a round whose liquidators may skip positions (for capital or profit): the
   * positions skipped last round, which waited off the heap, merged by liquidation price with those newly
   * taken off it, most under water first (the order in which the heap would have given them all). Those no
   * longer liquidatable go back on the heap. The caller hands each candidate back with `skip(k)` or
   * `skipFrom(k)` (skipped again: it waits off the heap) or `reinsert`. Issue 16: a position skipped round
   * after round was popped and pushed every round; liquidators-profit-seeking at 2,000,000 positions spent
   * most of its time doing that.
   */
  takeCandidates(price: number): Int32Array {
    const lines = (this.skipped ??= new SkipLines(this.count));
    const fresh = this.takeLiquidatable(price);
    const { key } = lines;
    const floor = price * (1 - CANDIDATE_SLACK);
    // Above this a key's health factor is certainly below 1; at or below it (the line's tail, as keys
    // fall along the line) the health factor is computed, and those no longer liquidatable leave.
    const surely = price * (1 + 1e-6);
    let kept = lines.size;
    let tail = kept;
    while (tail > 0 && !(key[tail - 1]! > surely)) tail--;
    for (let at = tail, end = kept; at < end; at++) {
      const index = lines.index[at]!;
      if (key[at]! > floor && this.healthFactor(index, price) < 1) lines.move(at, tail++);
      else this.heap.push(index, key[at]!, lines.collateral[at]!, lines.debt[at]!);
    }
    kept = tail;
    // The newly taken, most under water first, merged in from the back (they mostly belong near the end);
    // on equal keys the one that waited comes first.
    const total = kept + fresh.length;
    let w = kept - 1;
    for (let at = total - 1, f = fresh.length - 1; f >= 0; at--) {
      const index = fresh[f]!;
      const freshKey = this.liquidationPrice(index);
      if (w >= 0 && key[w]! < freshKey) lines.move(w--, at);
      else {
        lines.set(at, index, freshKey, this.takenCollateral[f]!, this.takenDebt[f]!);
        f--;
      }
    }
    lines.size = 0;
    return lines.index.subarray(0, total);
  }

  /** The collateral and debt of `takeCandidates`' candidates, side by side with them (read in order). */
  get candidateCollateral(): Float64Array {
    return this.skipped!.collateral;
  }

  get candidateDebt(): Float64Array {
    return this.skipped!.debt;
  }

  /** Candidate k of `takeCandidates` was skipped: it waits off the heap for the next round. */
  skip(k: number): void {
    this.skipped!.skipOne(k);
  }

  /** Every candidate from k on was skipped. */
  skipFrom(k: number, end: number): void {
    this.skipped!.skip(k, end);
  }

  /** Records a position's state after a liquidation. */
  update(index: number, collateral: number, debt: number, closed: boolean): void {
    this.collateral[index] = collateral;
    this.debt[index] = debt;
    if (!this.liquidated[index]) {
      this.liquidated[index] = 1;
      this.liquidatedCount++;
    }
    if (closed) {
      this.open[index] = 0;
      this.openCount--;
    }
  }

  /** Adds debt to an open position with none yet (it was not on the heap) and files it under its price. */
  borrow(index: number, amount: number): void {
    if (this.debt[index]! > 0 || !this.open[index])
      throw new Error('borrow is for an open position with no debt');
    this.borrowed = true;
    this.debt[index] = amount;
    this.file(index);
  }

  /** Positions waiting in line, and their debt. */
  get waiting(): number {
    return this.line.size;
  }

  get waitingDebt(): number {
    return this.line.debt;
  }

  /** The first position in line (−1 when it is empty). */
  get front(): number {
    return this.line.front;
  }

  /** Brings the line up to date at oracle `price` (`WaitingLine.lineUp`). */
  lineUp(price: number): void {
    this.line.lineUp(price);
  }

  /** Records the front position's state after its kick (`WaitingLine.kickFront`). */
  kickFront(collateral: number, debt: number, closed: boolean): void {
    this.line.kickFront(collateral, debt, closed);
  }

  /** Puts an open position back on the heap under its new liquidation price. */
  reinsert(index: number): void {
    if (this.open[index] && this.debt[index]! > 0) this.file(index);
  }

  /** Puts a position on the heap under its liquidation price, carrying its collateral and debt. */
  file(index: number): void {
    this.heap.push(index, this.liquidationPrice(index), this.collateral[index]!, this.debt[index]!);
  }
}
