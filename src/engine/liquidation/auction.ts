import type { Venue } from '../market/index.js';
import { AuctionLots } from './auction-lots.js';

/** The parameters of a Dutch auction in the manner of MakerDAO's Liquidations 2.0 (Clipper). */
export interface AuctionSpec {
  /** The starting price as a multiple of the oracle price at the kick (Maker's buf, 1.2–1.3). */
  readonly startAbove: number;
  /** The auction price is multiplied by this each round (Maker: 0.99 every 90 s). */
  readonly decay: number;
  /** Rounds after which an auction restarts from the current oracle price (Maker's tail). */
  readonly tail: number;
  /** An auction also restarts once its price falls below this fraction of its start (Maker's cusp). */
  readonly cusp: number;
  /**
   * Black Thursday's English auctions: an auction that reaches its restart without a single purchase is
   * won instead by a lone bid of zero (the bidder takes the lot; its debt is bad debt).
   */
  readonly zeroBids?: boolean;
}

/** What one round of the auction house did. */
export interface AuctionRound {
  /** Collateral bought by bidders this round (they sell it into the venue). */
  readonly bought: number;
  /** Quote bidders paid. */
  readonly raised: number;
  /** The share of the payments that repays debt (the rest is the penalty). */
  readonly debtRepaid: number;
  /** Debt left when an auction ran out of collateral. */
  readonly badDebt: number;
  /** Collateral handed back to owners once their tab was raised. */
  readonly returned: number;
  /** Auctions restarted this round (tail or cusp). */
  readonly resets: number;
  /** With `zeroBids`: auctions won by a bid of zero this round, their collateral, and its value at the oracle price. */
  readonly wonForZero: number;
  readonly collateralWonForZero: number;
  readonly valueWonForZero: number;
}

/** Below this, a lot or tab counts as used up (rounding dust). */
const DUST = 1e-12;

/**
 * The auctions kicked in one round. They share a start price and a start round, so they share their price
 * in every later round and restart together: a restart is one change to the cohort, not one per auction.
 * Their slots are contiguous in kick order.
 */
interface Cohort {
  readonly first: number;
  end: number;
  readonly kickedAt: number;
  top: number;
  startedAt: number;
  /** Auctions still running, and those of them nobody has bought from. */
  live: number;
  unbid: number;
}

/** The round's running totals, written in place by the house's helpers. */
interface Tally {
  bought: number;
  raised: number;
  debtRepaid: number;
  badDebt: number;
  returned: number;
  resets: number;
  wonForZero: number;
  collateralWonForZero: number;
  budget: number;
}

const tally = (budget: number): Tally => ({
  bought: 0,
  raised: 0,
  debtRepaid: 0,
  badDebt: 0,
  returned: 0,
  resets: 0,
  wonForZero: 0,
  collateralWonForZero: 0,
  budget,
});

/**
 * The auctions in progress. Each round every auction (oldest first) restarts if it ran `tail` rounds or
 * fell below `cusp` of its start (or, with `zeroBids`, is won for zero if nobody has bought from it), then
 * offers its lot at top · decay^(rounds since start). Bidders buy from it only while the venue's marginal
 * price, after everything already bound for it, is above the auction price; then the largest quantity
 * whose sale raises at least what they pay, capped by the lot, the tab and their capital.
 *
 * Why it is shaped so: an auction whose price is at or above the marginal price buys nothing, and every
 * auction of a cohort has the same price, while the marginal price only falls as a round's purchases add
 * up. So a round visits each cohort once, and within a cohort only the auctions that buy, plus one: the
 * cost of a round grows with the purchases and the cohorts, not with the auctions waiting (issue 16: the
 * old scan of every auction every round made a 2,000,000-position run quadratic).
 */
export class AuctionHouse {
  private readonly lots = new AuctionLots();
  private cohorts: Cohort[] = [];
  private running = 0;
  private lotTotal = 0;
  private owedTotal = 0;

  constructor(private readonly spec: AuctionSpec) {}

  get active(): number {
    return this.running;
  }

  /** Collateral waiting in auctions (a running total, exactly 0 once none runs). */
  get collateral(): number {
    return this.running > 0 ? this.lotTotal : 0;
  }

  /** Debt still owed by positions in auction (a running total, exactly 0 once none runs). */
  get outstandingDebt(): number {
    return this.running > 0 ? this.owedTotal : 0;
  }

  /** Starts an auction for a liquidated position's whole collateral. */
  kick(
    _position: number,
    collateral: number,
    debt: number,
    penalty: number,
    oraclePrice: number,
    round: number,
  ) {
    const tab = debt * (1 + penalty);
    const top = oraclePrice * this.spec.startAbove;
    const slot = this.lots.add(collateral, tab, debt);
    const last = this.cohorts.at(-1);
    if (last && last.kickedAt === round && last.top === top && last.end === slot) {
      last.end++;
      last.live++;
      last.unbid++;
    } else {
      this.cohorts.push({
        first: slot,
        end: slot + 1,
        kickedAt: round,
        top,
        startedAt: round,
        live: 1,
        unbid: 1,
      });
    }
    this.running++;
    this.lotTotal += collateral;
    this.owedTotal += this.lots.owed(slot);
  }

  /** Runs every auction once. `bound` is collateral already on its way to the venue this round. */
  run(round: number, oraclePrice: number, venue: Venue, bound: number, capital: number): AuctionRound {
    const { decay, tail, cusp, startAbove, zeroBids } = this.spec;
    const t = tally(capital);
    for (const cohort of this.cohorts) {
      let price = cohort.top * decay ** (round - cohort.startedAt);
      if (round - cohort.startedAt >= tail || price < cusp * cohort.top) {
        cohort.top = oraclePrice * startAbove;
        cohort.startedAt = round;
        price = cohort.top;
        if (zeroBids && cohort.unbid > 0) {
          // Each auction in turn: won for zero if nobody ever bought from it, else restarted and offered.
          this.restartOneByOne(cohort, price, venue, bound, t);
          continue;
        }
        t.resets += cohort.live;
      }
      this.offer(cohort, price, venue, bound, t);
    }
    if (this.cohorts.some((c) => c.live === 0)) this.cohorts = this.cohorts.filter((c) => c.live > 0);
    return {
      bought: t.bought,
      raised: t.raised,
      debtRepaid: t.debtRepaid,
      badDebt: t.badDebt,
      returned: t.returned,
      resets: t.resets,
      wonForZero: t.wonForZero,
      collateralWonForZero: t.collateralWonForZero,
      valueWonForZero: t.collateralWonForZero * oraclePrice,
    };
  }

  /** Offers a cohort's auctions, oldest first, while bidders still buy at `price`. */
  private offer(cohort: Cohort, price: number, venue: Venue, bound: number, t: Tally): void {
    const lots = this.lots;
    let slot = lots.live(cohort.first);
    while (slot < cohort.end && t.budget / price > 0 && venue.marginalSellPrice(bound + t.bought) > price) {
      this.buy(cohort, slot, price, venue, bound, t);
      slot = lots.live(slot + (lots.tab[slot] === 0 ? 0 : 1));
    }
  }

  /** A restart with zeroBids where some auction was never bought from: each auction in kick order. */
  private restartOneByOne(cohort: Cohort, price: number, venue: Venue, bound: number, t: Tally): void {
    const lots = this.lots;
    for (let slot = lots.live(cohort.first); slot < cohort.end; slot = lots.live(slot + 1)) {
      if (!lots.bid[slot]) {
        // Nobody bought in the whole run: a lone bid of zero wins the lot, which the bidder resells.
        t.wonForZero++;
        t.collateralWonForZero += lots.lot[slot]!;
        t.bought += lots.lot[slot]!;
        t.badDebt += lots.owed(slot);
        this.owedTotal -= lots.owed(slot);
        cohort.unbid--;
        this.end(cohort, slot);
        continue;
      }
      t.resets++;
      if (t.budget / price > 0 && venue.marginalSellPrice(bound + t.bought) > price)
        this.buy(cohort, slot, price, venue, bound, t);
    }
  }

  /** Bidders buy from one auction what they can resell at a profit, within its lot, its tab and their capital. */
  private buy(cohort: Cohort, slot: number, price: number, venue: Venue, bound: number, t: Tally): void {
    const lots = this.lots;
    const lot = lots.lot[slot]!;
    const tab = lots.tab[slot]!;
    const most = Math.min(lot, tab / price, t.budget / price);
    const quantity = affordable(venue, bound + t.bought, price, most);
    if (quantity <= 0) return;
    const paid = quantity * price;
    const owedBefore = lots.owed(slot);
    if (!lots.bid[slot]) {
      lots.bid[slot] = 1;
      cohort.unbid--;
    }
    t.bought += quantity;
    t.raised += paid;
    t.budget -= paid;
    t.debtRepaid += (paid * lots.debt[slot]!) / lots.initialTab[slot]!;
    lots.lot[slot] = lot - quantity;
    lots.tab[slot] = tab - paid;
    this.lotTotal -= quantity;
    if (lots.tab[slot]! <= DUST * lots.initialTab[slot]!) {
      t.returned += lots.lot[slot]!;
      this.owedTotal -= owedBefore;
      this.end(cohort, slot);
    } else if (lots.lot[slot]! <= DUST) {
      t.badDebt += lots.owed(slot);
      this.owedTotal -= owedBefore;
      this.end(cohort, slot);
    } else {
      this.owedTotal += lots.owed(slot) - owedBefore;
    }
  }

  /** Closes a finished auction (its remaining lot and owed debt already accounted for by the caller). */
  private end(cohort: Cohort, slot: number): void {
    const lots = this.lots;
    this.lotTotal -= lots.lot[slot]!;
    lots.close(slot);
    cohort.live--;
    this.running--;
  }
}

/**
 * The largest q in [0, most] such that selling q on `venue` after `bound` raises at least q · price, and 0
 * unless the venue's marginal price after `bound` is above `price` (the first unit must be worth buying).
 * The average price of the q units, proceedsAfter(bound, q) / q, falls as q grows, so bisection finds it.
 */
export function affordable(venue: Venue, bound: number, price: number, most: number): number {
  if (!(most > 0)) return 0;
  if (!(venue.marginalSellPrice(bound) > price)) return 0;
  if (venue.proceedsAfter(bound, most) >= most * price) return most;
  let low = 0;
  let high = most;
  for (let i = 0; i < 80 && high - low > most * 1e-13; i++) {
    const mid = (low + high) / 2;
    if (venue.proceedsAfter(bound, mid) >= mid * price) low = mid;
    else high = mid;
  }
  return low;
}
