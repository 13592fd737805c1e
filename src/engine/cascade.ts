import { PositionBook } from './book.js';
import { RoundEvents } from './events.js';
import { createMechanism, liquidate, type Mechanism } from './liquidation/index.js';
import { marketModels, type Venue } from './market/index.js';
import { createOracle, type Oracle, type StartPrices } from './oracle/index.js';
import type { RoundRecord, Scenario } from './types.js';

/** Relative tolerance within which the oracle price counts as equal to the venue price. */
export const CONVERGENCE_TOLERANCE = 1e-9;

/** What one call to `step` returns. */
export interface RoundOutcome {
  readonly record: RoundRecord;
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
 * A cascade in progress: the venue, the oracle's price history and the position book.
 * `step` runs one round of the round contract (README, "The model") and returns its record.
 * The book is advanced in place, because copying every position each round would make a round cost
 * grow with the book rather than with the positions it liquidates; the venue is an immutable value.
 */
export class Cascade {
  readonly book: PositionBook;
  readonly maxRounds: number;
  private venue: Venue;
  private readonly oracle: Oracle;
  private readonly mechanism: Mechanism;
  private readonly recordEvents: boolean;
  /** S(1), S(2), …: the venue price at the start of each round, after its exogenous move. */
  private readonly startPrices: number[] = [];
  private lastRound = 0;
  private hasConverged = false;

  constructor(
    readonly scenario: Scenario,
    options: CascadeOptions = {},
  ) {
    this.maxRounds = options.maxRounds ?? scenario.rounds;
    this.recordEvents = options.recordEvents ?? false;
    const p0 = scenario.asset.price;
    this.venue = marketModels[scenario.market.model](scenario.market, p0);
    this.oracle = createOracle(scenario.oracle);
    this.mechanism = createMechanism(scenario.liquidation);
    this.book = new PositionBook({
      positions: scenario.positions,
      generate: scenario.generate,
      initialPrice: p0,
      threshold: scenario.liquidation.threshold,
    });
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

  get venuePrice(): number {
    return this.venue.price;
  }

  /** The external price after the shock, p0 * (1 - pct), that recovery pulls the venue towards. */
  get externalPrice(): number {
    return this.scenario.asset.price * (1 - this.scenario.shock.pct);
  }

  /** Runs one round. */
  step(): RoundOutcome {
    if (this.done) throw new Error(`the cascade is over after round ${this.lastRound}`);
    const round = this.lastRound + 1;

    // 1. The exogenous move: the shock in round 1, arbitrage recovery after it.
    const target = this.exogenousTarget(round);
    if (target !== this.venue.price) this.venue = this.venue.moveTo(target);
    const startPrice = this.venue.price;
    this.startPrices.push(startPrice);

    // 2. The oracle reads the start-of-round prices.
    const oraclePrice = this.oracle(this.startPriceReader(), round);

    // 3. Every open position with HF < 1 is liquidated once, at the oracle price.
    const events = this.recordEvents ? new RoundEvents() : undefined;
    const { bonus } = this.scenario.liquidation;
    const book = this.book;
    let collateralSold = 0;
    let debtRepaid = 0;
    let badDebt = 0;
    let collateralReturned = 0;
    const taken = book.takeLiquidatable(oraclePrice);
    for (const index of taken) {
      const collateral = book.collateral[index]!;
      const debt = book.debt[index]!;
      const outcome = liquidate(this.mechanism, collateral, debt, oraclePrice, bonus);
      book.update(index, outcome.collateralAfter, outcome.debtAfter, outcome.closed);
      collateralSold += outcome.seized;
      debtRepaid += outcome.repaid;
      badDebt += outcome.badDebt;
      collateralReturned += outcome.returned;
      events?.add(index, collateral, debt, outcome);
    }
    // Positions left open go back only now, so none is liquidated twice in a round.
    for (const index of taken) book.reinsert(index);

    // 4. All seized collateral is sold into the venue as one batch.
    const sale = this.venue.sell(collateralSold);
    this.venue = sale.venue;

    this.lastRound = round;
    this.hasConverged =
      taken.length === 0 && Math.abs(oraclePrice - startPrice) <= CONVERGENCE_TOLERANCE * startPrice;

    const record: RoundRecord = {
      round,
      oraclePrice,
      startPrice,
      price: this.venue.price,
      liquidations: taken.length,
      collateralSold,
      debtRepaid,
      badDebt,
      collateralReturned,
      saleProceeds: sale.proceeds,
      openPositions: book.openCount,
    };
    return events ? { record, events } : { record };
  }

  private exogenousTarget(round: number): number {
    if (round === 1) return this.externalPrice;
    const { recovery } = this.scenario.market;
    const price = this.venue.price;
    return price + recovery * (this.externalPrice - price);
  }

  private startPriceReader(): StartPrices {
    const p0 = this.scenario.asset.price;
    const prices = this.startPrices;
    return { at: (round) => (round <= 0 ? p0 : prices[round - 1]!) };
  }
}
