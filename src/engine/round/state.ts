import { PositionBook } from '../book.js';
import { BackstopVault } from '../perps/backstop.js';
import { PerpBook } from '../perps/book.js';
import { AuctionHouse, createMechanism, scratch, type Mechanism } from '../liquidation/index.js';
import { marketModels, type Venue } from '../market/index.js';
import { createOracle, type Oracle } from '../oracle/index.js';
import type { Scenario } from '../types.js';
import { LiquidatorLedger } from './ledger.js';

/** The name of the venue a preset's `market` describes when it gives none. */
export const MAIN_VENUE = 'main';

/**
 * What a cascade carries from one round to the next: the venues, the oracle's price history, the position
 * book, the sale queue, the auctions, the perpetuals and the attack. The phases of a round advance it.
 * The book is advanced in place, because copying every position each round would make a round cost
 * grow with the book rather than with the positions it liquidates; the venues are immutable values,
 * replaced as they trade.
 */
export class CascadeState {
  readonly book: PositionBook;
  /** The venues, the main one (`market`) first. */
  venues: Venue[];
  readonly venueNames: readonly string[];
  readonly sellVenue: number;
  readonly oracleVenues: readonly number[];
  readonly oracle: Oracle;
  readonly mechanism: Mechanism;
  /** The Dutch auctions in progress, for mechanism "auction". */
  readonly auctions: AuctionHouse | undefined;
  readonly recordEvents: boolean;
  /** S(1), S(2), …: the oracle venues' median price at the start of each round, after the exogenous move. */
  readonly startPrices: number[] = [];
  /** E(1), E(2), …: the oracle venues' median price after each round's sale (a time-weighted TWAP reads them). */
  readonly endPrices: number[] = [];
  /** Seized collateral waiting to be sold (a per-round sale cap). */
  queued = 0;
  /** The perpetuals and their insurance fund, when the scenario has them. */
  readonly perps: PerpBook | undefined;
  fund = 0;
  /** Hyperliquid's liquidator vault, when the scenario has one. */
  readonly vault: BackstopVault | undefined;
  /** The attacker's venue, what it holds from its trade, and what the attack has cost and borrowed so far. */
  readonly attackerVenue: number;
  attackerHeld = 0;
  readonly attack = { cost: 0, borrowed: 0, badDebt: 0 };
  /** Reused for every liquidation of a round: a million liquidations should not be a million objects. */
  readonly outcome = scratch();
  /** The round's liquidations as seized and repaid, for their profit once the sale has priced them. */
  readonly ledger = new LiquidatorLedger();
  /** With `liquidators.recycle`: the liquidators' capital at the start of the next round. */
  liquidatorCapital: number;

  constructor(
    readonly scenario: Scenario,
    recordEvents: boolean,
  ) {
    this.recordEvents = recordEvents;
    this.liquidatorCapital = scenario.liquidators?.capital ?? Infinity;
    const p0 = scenario.asset.price;
    const specs = [
      { ...scenario.market, name: scenario.market.name ?? MAIN_VENUE },
      ...(scenario.venues ?? []),
    ];
    this.venues = specs.map((spec) => marketModels[spec.model](spec, p0));
    this.venueNames = specs.map((spec) => spec.name);
    const indexOf = (name: string) => {
      const index = this.venueNames.indexOf(name);
      if (index < 0) throw new Error(`unknown venue ${JSON.stringify(name)}`);
      return index;
    };
    this.sellVenue = indexOf(scenario.liquidation.sellOn ?? this.venueNames[0]!);
    this.oracleVenues = (scenario.oracle.venues ?? [this.venueNames[0]!]).map(indexOf);
    this.oracle = createOracle(scenario.oracle);
    this.mechanism = createMechanism(scenario.liquidation);
    this.auctions = undefined;
    if (scenario.liquidation.mechanism === 'auction') {
      if (!scenario.liquidation.auction) throw new Error('an auction needs its parameters');
      this.auctions = new AuctionHouse(scenario.liquidation.auction);
    }
    this.perps = undefined;
    this.vault = undefined;
    if (scenario.perps) {
      this.perps = new PerpBook(scenario.perps, p0);
      this.fund = scenario.perps.insuranceFund;
      if (scenario.perps.backstop) this.vault = new BackstopVault(scenario.perps.backstop);
    }
    this.book = new PositionBook({
      positions: scenario.positions,
      generate: scenario.generate,
      initialPrice: p0,
      threshold: scenario.liquidation.threshold,
      borrower: scenario.attacker ? { id: 'attacker', collateral: scenario.attacker.collateral } : undefined,
    });
    this.attackerVenue = scenario.attacker ? indexOf(scenario.attacker.venue ?? this.venueNames[0]!) : 0;
  }

  /** The venue liquidations sell on. */
  get sellingVenue(): Venue {
    return this.venues[this.sellVenue]!;
  }
}
