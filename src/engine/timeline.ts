import { Cascade, type CascadeOptions } from './cascade.js';
import { ModelRangeError } from './range.js';
import type { RoundEvents } from './events.js';
import type { PerpEvent } from './perps/liquidate.js';
import type { CascadeRun } from './run.js';
import type { RoundRecord, Scenario } from './types.js';

/** The positions as they stood after some round. Read it at once: the next `positionsAt` moves it. */
export interface PositionsView {
  readonly round: number;
  readonly count: number;
  readonly collateral: Float64Array;
  readonly debt: Float64Array;
  readonly threshold: Float64Array;
  /** 1 while a position is open. */
  readonly open: Uint8Array;
  id(index: number): string;
  /** The perpetuals after the round, when the scenario has them. */
  readonly perps?: PerpsView;
}

/** The perpetual positions as they stood after some round. */
export interface PerpsView {
  readonly count: number;
  readonly long: Uint8Array;
  readonly size: Float64Array;
  readonly margin: Float64Array;
  readonly entry: Float64Array;
  readonly maintenance: Float64Array;
  id(index: number): string;
}

/** Running totals after a round, for headers that show "so far". */
export interface Totals {
  readonly positionsLiquidated: number;
  readonly collateralSold: number;
  readonly debtRepaid: number;
  readonly badDebt: number;
}

const NO_TOTALS: Totals = { positionsLiquidated: 0, collateralSold: 0, debtRepaid: 0, badDebt: 0 };

/**
 * A cascade's rounds, computed the first time they are asked for and kept, so a viewer can step
 * forwards and backwards exactly. Reading round n always gives the same result, whenever it is
 * computed: the timeline is a memoised, deterministic sequence.
 */
export class Timeline {
  private readonly cascade: Cascade;
  /** Why the run stopped early, when a round left the model's numeric range (README, "Ranges"). */
  failure: ModelRangeError | undefined;
  private readonly records: RoundRecord[] = [];
  private readonly roundEvents: RoundEvents[] = [];
  private readonly perpEvents: (readonly PerpEvent[])[] = [];
  private readonly totals: Totals[] = [NO_TOTALS];
  private readonly view: {
    round: number;
    collateral: Float64Array;
    debt: Float64Array;
    open: Uint8Array;
    perpSize?: Float64Array;
    perpMargin?: Float64Array;
  };

  constructor(
    readonly scenario: Scenario,
    options: Omit<CascadeOptions, 'recordEvents'> = {},
  ) {
    this.cascade = new Cascade(scenario, { ...options, recordEvents: true });
    const book = this.cascade.book;
    this.view = {
      round: 0,
      collateral: book.initialCollateral.slice(),
      debt: book.initialDebt.slice(),
      open: new Uint8Array(book.count).fill(1),
      perpSize: this.cascade.perps?.initialSize.slice(),
      perpMargin: this.cascade.perps?.initialMargin.slice(),
    };
  }

  /** Rounds computed so far. */
  get computed(): number {
    return this.records.length;
  }

  /** True once every round the cascade will run has been computed. */
  get finished(): boolean {
    return this.cascade.done;
  }

  /** Whether the cascade converged (known once finished). */
  get converged(): boolean {
    return this.cascade.converged;
  }

  /** Every position: lending and perpetual. */
  get positions(): number {
    return this.cascade.book.count + (this.cascade.perps?.count ?? 0);
  }

  positionId(index: number): string {
    return this.cascade.book.id(index);
  }

  perpId(index: number): string {
    return this.cascade.perps?.id(index) ?? String(index);
  }

  perpSide(index: number): 'long' | 'short' {
    return this.cascade.perps?.side(index) ?? 'long';
  }

  /**
   * Round 0's collateral, debt and threshold of every lending position: the book's own arrays, to read
   * and never write (a viewer's incremental health summary starts from them).
   */
  initialPositions(): {
    readonly collateral: Float64Array;
    readonly debt: Float64Array;
    readonly threshold: Float64Array;
  } {
    const book = this.cascade.book;
    return { collateral: book.initialCollateral, debt: book.initialDebt, threshold: book.threshold };
  }

  /** Computes rounds up to `round` unless the cascade ends first; returns the last round available up to it. */
  reach(round: number): number {
    while (this.records.length < round && !this.cascade.done) {
      let outcome: ReturnType<Cascade['step']>;
      try {
        outcome = this.cascade.step();
      } catch (error) {
        // The run ends at the last round inside the model's range; `failure` says why.
        if (!(error instanceof ModelRangeError)) throw error;
        this.failure = error;
        break;
      }
      const { record, events, perps } = outcome;
      this.perpEvents.push(perps?.log ?? []);
      const previous = this.totals.at(-1)!;
      this.records.push(record);
      this.roundEvents.push(events!);
      this.totals.push({
        positionsLiquidated: this.cascade.book.liquidatedCount + (this.cascade.perps?.liquidatedCount ?? 0),
        collateralSold: previous.collateralSold + record.collateralSold,
        debtRepaid: previous.debtRepaid + record.debtRepaid,
        badDebt: previous.badDebt + record.badDebt,
      });
    }
    return Math.min(round, this.records.length);
  }

  /** The whole run, as `runCascade` gives it, once finished (for its summary); undefined before. */
  run(): CascadeRun | undefined {
    if (!this.cascade.done) return undefined;
    const { scenario } = this;
    return {
      scenario,
      rounds: this.records,
      converged: this.cascade.converged,
      book: this.cascade.book,
      perps: this.cascade.perps,
      attack: scenario.attacker ? { ...this.cascade.attack } : undefined,
    };
  }

  /** Runs the cascade to its end and returns its last round. */
  finish(): number {
    return this.reach(Number.POSITIVE_INFINITY);
  }

  /** The record of `round` (1-based), computing it if needed; undefined past the end. */
  record(round: number): RoundRecord | undefined {
    if (round < 1 || this.reach(round) < round) return undefined;
    return this.records[round - 1];
  }

  /** The records of rounds 1 … `round`. */
  recordsTo(round: number): readonly RoundRecord[] {
    return this.records.slice(0, this.reach(round));
  }

  /** The perpetuals' liquidations and deleveraging in `round`, in the order they happened. */
  perpEventsOf(round: number): readonly PerpEvent[] {
    if (round < 1 || this.reach(round) < round) return [];
    return this.perpEvents[round - 1]!;
  }

  events(round: number): RoundEvents | undefined {
    if (round < 1 || this.reach(round) < round) return undefined;
    return this.roundEvents[round - 1];
  }

  totalsAt(round: number): Totals {
    return this.totals[this.reach(Math.max(0, round))]!;
  }

  private perpsView(): PerpsView | undefined {
    const perps = this.cascade.perps;
    if (!perps || !this.view.perpSize || !this.view.perpMargin) return undefined;
    return {
      count: perps.count,
      long: perps.long,
      size: this.view.perpSize,
      margin: this.view.perpMargin,
      entry: perps.entry,
      maintenance: perps.maintenance,
      id: (index) => perps.id(index),
    };
  }

  /**
   * The positions after `round`, reached from the last view by replaying (forwards) or undoing
   * (backwards) the liquidations in between: the cost is the liquidations crossed, not the book.
   */
  positionsAt(round: number): PositionsView {
    const target = this.reach(Math.max(0, round));
    const view = this.view;
    // The attacker's loan appears in its borrow round, before that round's liquidations.
    const borrower = this.scenario.attacker ? this.cascade.book.count - 1 : -1;
    const borrowRound = this.scenario.attacker
      ? (this.scenario.attacker.borrowRound ?? this.scenario.attacker.round)
      : -1;
    while (view.round < target) {
      if (view.round + 1 === borrowRound) view.debt[borrower] = this.cascade.attack.borrowed;
      const events = this.roundEvents[view.round]!;
      for (let i = 0; i < events.length; i++) {
        const p = events.position[i]!;
        view.collateral[p] = events.collateralAfter[i]!;
        view.debt[p] = events.debtAfter[i]!;
        if (events.closed[i]) view.open[p] = 0;
      }
      const book = this.cascade.perps;
      if (book && view.perpSize && view.perpMargin) {
        for (const e of this.perpEvents[view.round]!) {
          const left = e.sizeBefore - e.quantity;
          view.perpSize[e.position] = left > 0 ? left : 0;
          view.perpMargin[e.position] = left > 0 ? e.marginAfter : 0;
        }
      }
      view.round++;
    }
    while (view.round > target) {
      const events = this.roundEvents[view.round - 1]!;
      for (let i = events.length - 1; i >= 0; i--) {
        const p = events.position[i]!;
        view.collateral[p] = events.collateralBefore[i]!;
        view.debt[p] = events.debtBefore[i]!;
        view.open[p] = 1;
      }
      if (view.perpSize && view.perpMargin) {
        const perpEvents = this.perpEvents[view.round - 1]!;
        for (let i = perpEvents.length - 1; i >= 0; i--) {
          const e = perpEvents[i]!;
          view.perpSize[e.position] = e.sizeBefore;
          view.perpMargin[e.position] = e.marginBefore;
        }
      }
      if (view.round === borrowRound) view.debt[borrower] = 0;
      view.round--;
    }
    const book = this.cascade.book;
    return {
      round: view.round,
      count: book.count,
      collateral: view.collateral,
      debt: view.debt,
      threshold: book.threshold,
      open: view.open,
      id: (index) => book.id(index),
      perps: this.perpsView(),
    };
  }
}
