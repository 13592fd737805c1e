import type { RoundEvents } from './events.js';
import type { BackstopVault } from './perps/backstop.js';
import type { PerpBook } from './perps/book.js';
import type { PerpRound } from './perps/liquidate.js';
import type { PositionBook } from './book.js';
import { beginRound, CascadeState, externalPriceAt, roundRecord, ROUND_PHASES } from './round/index.js';
import type { RoundRecord, Scenario } from './types.js';

export { CONVERGENCE_TOLERANCE, externalPriceAt, MAIN_VENUE, median } from './round/index.js';

/** What one call to `step` returns. */
export interface RoundOutcome {
  readonly record: RoundRecord;
  /** The perpetuals' round, when the scenario has them (with its log of liquidations and deleveraging). */
  readonly perps?: PerpRound;
  /** The round's liquidations, when the cascade records them. */
  readonly events?: RoundEvents;
}

export interface CascadeOptions {
  /** The most rounds to run; the scenario's `rounds` when absent. */
  readonly maxRounds?: number;
  /** Keep every liquidation (for the log and for stepping back); off for headless runs. */
  readonly recordEvents?: boolean;
}

/**
 * A cascade in progress. `step` runs one round of the round contract (README, "The model"): its phases,
 * in order, from `round/` — exogenous move, arbitrage, attack, oracle read, attack loan, lending
 * liquidations, auctions, perpetuals, sale, liquidator books, stop test — over the state carried between rounds.
 */
export class Cascade {
  readonly maxRounds: number;
  private readonly state: CascadeState;
  private lastRound = 0;
  private hasConverged = false;

  constructor(
    readonly scenario: Scenario,
    options: CascadeOptions = {},
  ) {
    this.maxRounds = options.maxRounds ?? scenario.rounds;
    this.state = new CascadeState(scenario, options.recordEvents ?? false);
  }

  get book(): PositionBook {
    return this.state.book;
  }

  /** The perpetuals and their insurance fund, when the scenario has them. */
  get perps(): PerpBook | undefined {
    return this.state.perps;
  }

  /** Hyperliquid's liquidator vault, when the scenario has one. */
  get vault(): BackstopVault | undefined {
    return this.state.vault;
  }

  get venueNames(): readonly string[] {
    return this.state.venueNames;
  }

  /** What the attack has cost and borrowed so far, and the bad debt its own position left. */
  get attack(): { readonly cost: number; readonly borrowed: number; readonly badDebt: number } {
    return this.state.attack;
  }

  /** The number of the last round run (0 before the first). */
  get round(): number {
    return this.lastRound;
  }

  get converged(): boolean {
    return this.hasConverged;
  }

  /** True once the cascade converged or ran its last allowed round. */
  get done(): boolean {
    return this.hasConverged || this.lastRound >= this.maxRounds;
  }

  /** The price of the venue liquidations sell on. */
  get venuePrice(): number {
    return this.state.sellingVenue.price;
  }

  /** The outside price in `round`: the path's (scaled by 1 − pct) when the preset gives one, else p0 · (1 − pct). */
  externalPriceAt(round: number): number {
    return externalPriceAt(this.scenario, round);
  }

  /** Runs one round: every phase of the round contract, in order. */
  step(): RoundOutcome {
    if (this.done) throw new Error(`the cascade is over after round ${this.lastRound}`);
    const round = beginRound(this.state, this.lastRound + 1);
    for (const phase of ROUND_PHASES) phase.run(this.state, round);
    this.lastRound = round.round;
    this.hasConverged = round.converged;
    const record = roundRecord(this.state, round);
    const { events, perps } = round;
    return { record, ...(events ? { events } : {}), ...(perps ? { perps } : {}) };
  }
}
