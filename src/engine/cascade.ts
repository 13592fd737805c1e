import { PositionBook } from './book.js';
import { PerpBook } from './perps/book.js';
import { liquidatePerps, type PerpRound } from './perps/liquidate.js';
import { BackstopVault } from './perps/backstop.js';
import { RoundEvents } from './events.js';
import {
  AuctionHouse,
  createMechanism,
  liquidateInto,
  scratch,
  type Liquidation,
  type Mechanism,
} from './liquidation/index.js';
import { arbitrage, marketModels, type Venue } from './market/index.js';
import { createOracle, type Oracle, type StartPrices } from './oracle/index.js';
import type { RoundRecord, Scenario } from './types.js';

/** Relative tolerance within which the oracle price counts as equal to the venue price. */
export const CONVERGENCE_TOLERANCE = 1e-9;

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
 * A cascade in progress: the venue, the oracle's price history and the position book.
 * `step` runs one round of the round contract (README, "The model") and returns its record.
 * The book is advanced in place, because copying every position each round would make a round cost
 * grow with the book rather than with the positions it liquidates; the venue is an immutable value.
 */
export class Cascade {
  readonly book: PositionBook;
  readonly maxRounds: number;
  /** The venues, the main one (`market`) first; immutable values replaced as they trade. */
  private venues: Venue[];
  readonly venueNames: readonly string[];
  private readonly sellVenue: number;
  private readonly oracleVenues: readonly number[];
  private readonly oracle: Oracle;
  private readonly mechanism: Mechanism;
  /** The Dutch auctions in progress, for mechanism "auction". */
  private readonly auctions?: AuctionHouse;
  private readonly recordEvents: boolean;
  /** S(1), S(2), …: the oracle venues' median price at the start of each round, after the exogenous move. */
  private readonly startPrices: number[] = [];
  private queued = 0;
  /** The perpetuals and their insurance fund, when the scenario has them. */
  readonly perps?: PerpBook;
  private fund = 0;
  /** Hyperliquid's liquidator vault, when the scenario has one. */
  readonly vault?: BackstopVault;
  /** The attacker's venue, and what the attack has cost and borrowed so far. */
  private attackerVenue = 0;
  private attackerHeld = 0;
  readonly attack = { cost: 0, borrowed: 0, badDebt: 0 };
  /** Reused for every liquidation of a round: a million liquidations should not be a million objects. */
  private readonly outcome = scratch();
  private lastRound = 0;
  private hasConverged = false;

  constructor(
    readonly scenario: Scenario,
    options: CascadeOptions = {},
  ) {
    this.maxRounds = options.maxRounds ?? scenario.rounds;
    this.recordEvents = options.recordEvents ?? false;
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
    if (scenario.liquidation.mechanism === 'auction') {
      if (!scenario.liquidation.auction) throw new Error('an auction needs its parameters');
      this.auctions = new AuctionHouse(scenario.liquidation.auction);
    }
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
    if (scenario.attacker) this.attackerVenue = indexOf(scenario.attacker.venue ?? this.venueNames[0]!);
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

  /**
   * The oracle reports its floor while the market trades at or below it, and every start price it may
   * still read (a lagged oracle's delay, a TWAP's window) is at or below the floor too: it will keep
   * reporting the floor whatever the market does, so, with nothing else moving, no later round differs.
   */
  private heldAtFloor(oraclePrice: number, startPrice: number): boolean {
    const { oracle } = this.scenario;
    if (oracle.floor === undefined || oraclePrice !== oracle.floor || startPrice > oracle.floor) return false;
    const memory = oracle.model === 'lagged' ? oracle.delay : oracle.model === 'twap' ? oracle.window : 0;
    const prices = this.startPrices;
    for (let k = Math.max(0, prices.length - 1 - memory); k < prices.length; k++)
      if (prices[k]! > oracle.floor) return false;
    return memory < prices.length || this.scenario.asset.price <= oracle.floor;
  }

  /** The price of the venue liquidations sell on. */
  get venuePrice(): number {
    return this.venues[this.sellVenue]!.price;
  }

  /** The outside price in `round`: the path's (scaled by 1 − pct) when the preset gives one, else p0 · (1 − pct). */
  externalPriceAt(round: number): number {
    return externalPriceAt(this.scenario, round);
  }

  /** Runs one round. */
  step(): RoundOutcome {
    if (this.done) throw new Error(`the cascade is over after round ${this.lastRound}`);
    const round = this.lastRound + 1;

    // 1. The exogenous move: the shock in round 1, arbitrage recovery towards the outside market after it.
    this.venues = this.venues.map((venue) => {
      const target = this.exogenousTarget(round, venue.price);
      return target !== venue.price ? venue.moveTo(target) : venue;
    });
    // 2. Arbitrage between venues closes part of the gaps the last round's sale opened.
    const arbitraged = arbitrage(this.venues, this.scenario.arbitrage?.rate ?? 0);
    this.venues = arbitraged.venues;
    // 2'. The attacker trades on its venue, so that the oracle reads the price it made.
    this.manipulate(round);
    const startPrice = median(this.oracleVenues.map((i) => this.venues[i]!.price));
    this.startPrices.push(startPrice);

    // 3. The oracle reads the start-of-round prices.
    const oraclePrice = this.oracle(this.startPriceReader(), round);

    // 3'. The attacker borrows against its collateral at the oracle's price, just under the limit.
    const attacker = this.scenario.attacker;
    if (attacker && round === (attacker.borrowRound ?? attacker.round)) {
      const amount = attacker.collateral * oraclePrice * this.scenario.liquidation.threshold * (1 - 1e-9);
      this.book.borrow(this.book.count - 1, amount);
      this.attack.borrowed += amount;
    }

    // 4. Every open position with HF < 1 is liquidated once, at the oracle price, if liquidators will.
    const events = this.recordEvents ? new RoundEvents() : undefined;
    const { bonus } = this.scenario.liquidation;
    const liquidators = this.scenario.liquidators;
    let capital = liquidators?.capital ?? Infinity;
    const sellVenue = this.venues[this.sellVenue]!;
    const book = this.book;
    let collateralSold = 0;
    let debtRepaid = 0;
    let badDebt = 0;
    let collateralReturned = 0;
    let skippedForCapital = 0;
    let skippedUnprofitable = 0;
    let underwaterDebt = 0;
    const needsHealth = this.scenario.liquidation.fullBelowHealth !== undefined;
    const taken = book.takeLiquidatable(oraclePrice);
    const liquidated: number[] = [];
    const auctions = this.auctions;
    for (const index of taken) {
      const collateral = book.collateral[index]!;
      const debt = book.debt[index]!;
      if (auctions) {
        // 4'. An auction takes the whole position; bidders pay for it below, over this and later rounds.
        auctions.kick(index, collateral, debt, bonus, oraclePrice, round);
        book.update(index, 0, 0, true);
        liquidated.push(index);
        events?.add(index, collateral, debt, KICKED(collateral));
        continue;
      }
      // Only Aave-style caps look at the health factor; skip the division otherwise.
      const healthFactor = needsHealth ? book.healthFactor(index, oraclePrice) : 0;
      const outcome = liquidateInto(
        this.outcome,
        this.mechanism,
        collateral,
        debt,
        oraclePrice,
        bonus,
        healthFactor,
      );
      if (outcome.repaid > capital) {
        skippedForCapital++;
        underwaterDebt += debt;
        continue;
      }
      if (liquidators?.requireProfit) {
        // What selling this seizure would raise on top of everything already bound for the venue.
        const before = this.queued + collateralSold;
        const proceeds = sellVenue.sell(before + outcome.seized).proceeds - sellVenue.sell(before).proceeds;
        if (proceeds <= outcome.repaid) {
          skippedUnprofitable++;
          underwaterDebt += debt;
          continue;
        }
      }
      capital -= outcome.repaid;
      liquidated.push(index);
      book.update(index, outcome.collateralAfter, outcome.debtAfter, outcome.closed);
      collateralSold += outcome.seized;
      debtRepaid += outcome.repaid;
      badDebt += outcome.badDebt;
      collateralReturned += outcome.returned;
      if (attacker && index === book.count - 1) this.attack.badDebt += outcome.badDebt;
      if (!outcome.closed && book.healthFactor(index, oraclePrice) < 1) underwaterDebt += outcome.debtAfter;
      events?.add(index, collateral, debt, outcome);
    }
    let wonForZero = 0;
    let valueWonForZero = 0;
    if (auctions) {
      const sold = auctions.run(round, oraclePrice, sellVenue, this.queued, capital);
      wonForZero = sold.wonForZero;
      valueWonForZero = sold.valueWonForZero;
      collateralSold = sold.bought;
      debtRepaid = sold.debtRepaid;
      badDebt = sold.badDebt;
      collateralReturned = sold.returned;
      underwaterDebt = auctions.outstandingDebt;
    }
    // Positions left open (and those skipped) go back only now, so none is liquidated twice in a round.
    for (const index of taken) book.reinsert(index);

    // 5. The seized collateral joins the queue; up to the per-round cap of it is sold as one batch, together
    // with what the perpetuals' liquidation engine sells (or, net, buys).
    this.queued += collateralSold;
    const cap = this.scenario.liquidation.maxSellPerRound ?? Infinity;
    const batch = Math.min(this.queued, cap);

    // 4''. Perpetuals: the backstop, liquidations, the insurance fund, auto-deleveraging; their fills come
    // after the lending batch in the round's trade.
    const perps = this.perps
      ? liquidatePerps(
          this.perps,
          this.scenario.perps!,
          oraclePrice,
          this.fund,
          { venue: sellVenue, bound: batch },
          this.vault,
          this.recordEvents,
        )
      : undefined;
    if (perps) this.fund = perps.fund;

    const trade = batch + (perps?.netSold ?? 0);
    const sale = trade >= 0 ? sellVenue.sell(trade) : { venue: sellVenue.shift(trade), proceeds: 0 };
    this.queued = batch === this.queued ? 0 : this.queued - batch;
    this.venues[this.sellVenue] = sale.venue;

    this.lastRound = round;
    this.hasConverged =
      liquidated.length === 0 &&
      trade === 0 &&
      (perps?.liquidations ?? 0) === 0 &&
      skippedForCapital === 0 &&
      (auctions?.active ?? 0) === 0 &&
      (Math.abs(oraclePrice - startPrice) <= CONVERGENCE_TOLERANCE * startPrice ||
        this.heldAtFloor(oraclePrice, startPrice)) &&
      this.pathSettled(round, startPrice) &&
      round >= Math.max(attacker?.round ?? 0, attacker?.unwindRound ?? 0, attacker?.borrowRound ?? 0) &&
      this.venuesAgree();

    const record: RoundRecord = {
      round,
      oraclePrice,
      startPrice,
      price: sale.venue.price,
      liquidations: liquidated.length + (perps?.liquidations ?? 0),
      collateralSold,
      debtRepaid,
      badDebt,
      collateralReturned,
      saleProceeds: sale.proceeds,
      openPositions: book.openCount,
      batchSold: batch,
      queued: this.queued,
      skippedForCapital,
      skippedUnprofitable,
      underwaterDebt,
      arbitrageVolume: arbitraged.volume,
      perpLiquidations: perps?.liquidations ?? 0,
      perpNotional: perps?.notional ?? 0,
      perpLongNotional: perps?.longNotional ?? 0,
      insuranceFund: this.fund,
      fundDrawn: perps?.drawn ?? 0,
      fundFees: perps?.fees ?? 0,
      deleveraged: perps?.deleveraged ?? 0,
      adlCovered: perps?.adlCovered ?? 0,
      uncoveredLoss: perps?.uncovered ?? 0,
      perpNetSold: perps?.netSold ?? 0,
      perpSlippage: perps?.slippage ?? 0,
      adlOvershoot: perps?.overshoot ?? 0,
      backstopTaken: perps?.backstopTaken ?? 0,
      backstopNotional: perps?.backstopNotional ?? 0,
      backstopEquity: perps?.backstopEquity ?? 0,
      auctions: auctions?.active ?? 0,
      collateralInAuction: auctions?.collateral ?? 0,
      wonForZero,
      valueWonForZero,
      venuePrices: this.venues.map((v) => v.price),
    };
    return { record, ...(events ? { events } : {}), ...(perps ? { perps } : {}) };
  }

  /** The attacker's trade in its round, and its reversal in the unwind round. */
  private manipulate(round: number): void {
    const attacker = this.scenario.attacker;
    if (!attacker) return;
    const trade =
      round === attacker.round ? attacker.trade : round === attacker.unwindRound ? -this.attackerHeld : 0;
    if (trade === 0) return;
    const venue = this.venues[this.attackerVenue]!;
    if (trade > 0) {
      const bought = venue.buy(trade);
      this.venues[this.attackerVenue] = bought.venue;
      this.attack.cost += bought.cost;
    } else {
      const sold = venue.sell(-trade);
      this.venues[this.attackerVenue] = sold.venue;
      this.attack.cost -= sold.proceeds;
    }
    this.attackerHeld += trade;
  }

  /** With a price path, convergence also needs the path to have ended and the venue to have reached it. */
  private pathSettled(round: number, startPrice: number): boolean {
    const path = this.scenario.path;
    if (!path) return true;
    const external = this.externalPriceAt(round);
    return round >= path.prices.length && Math.abs(startPrice - external) <= CONVERGENCE_TOLERANCE * external;
  }

  /** With several venues, convergence also needs their prices within the tolerance of each other. */
  private venuesAgree(): boolean {
    if (this.venues.length < 2) return true;
    const prices = this.venues.map((v) => v.price);
    const high = Math.max(...prices);
    return high - Math.min(...prices) <= CONVERGENCE_TOLERANCE * high;
  }

  private exogenousTarget(round: number, price: number): number {
    const external = this.externalPriceAt(round);
    const path = this.scenario.path;
    if (path) return price + (path.follow ?? 1) * (external - price);
    if (round === 1) return external;
    return price + this.scenario.market.recovery * (external - price);
  }

  private startPriceReader(): StartPrices {
    const p0 = this.scenario.asset.price;
    const prices = this.startPrices;
    return { at: (round) => (round <= 0 ? p0 : prices[round - 1]!) };
  }
}

/** A position handed to an auction: all its collateral and debt leave the book, nothing repaid yet. */
const KICKED = (collateral: number): Liquidation => ({
  repaid: 0,
  seized: collateral,
  badDebt: 0,
  returned: 0,
  collateralAfter: 0,
  debtAfter: 0,
  closed: true,
});

/**
 * The outside price in `round` (p0 for round 0): a path's price scaled by 1 − pct, or p0 · (1 − pct)
 * without a path. A path holds its last price after it ends.
 */
export function externalPriceAt(scenario: Scenario, round: number): number {
  const { price } = scenario.asset;
  const scale = 1 - scenario.shock.pct;
  const prices = scenario.path?.prices;
  if (!prices) return round <= 0 ? price : price * scale;
  if (round <= 0) return price;
  return prices[Math.min(round, prices.length) - 1]! * scale;
}

/** The name of the venue a preset's `market` describes when it gives none. */
export const MAIN_VENUE = 'main';

/** The median of a few prices (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 1) return values[0]!;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
