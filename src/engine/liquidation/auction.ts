import type { Venue } from '../market/index.js';
import { affordable } from './auction-bid.js';
import { AuctionLots } from './auction-lots.js';
import type { AuctionRound, AuctionSpec } from './auction-spec.js';

export type { AuctionAccounting, AuctionRound, AuctionSpec } from './auction-spec.js';
export { affordable } from './auction-bid.js';

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
  private tabTotal = 0;
  private readonly debtFirst: boolean;
  private readonly dust: number;

  constructor(private readonly spec: AuctionSpec) {
    this.debtFirst = spec.accounting === 'maker';
    this.dust = spec.dust ?? 0;
  }

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

  /** Quote still to raise in all running auctions, debt plus penalty (Maker's Dirt). */
  get tabInAuction(): number {
    return this.running > 0 ? this.tabTotal : 0;
  }

  /** Room left under the hole for the next kick's tab (Infinity without a hole). */
  get room(): number {
    return this.spec.hole === undefined ? Infinity : this.spec.hole - this.tabInAuction;
  }

  /**
   * Starts an auction for `collateral` and `debt` (a whole position, or the part of it that fits the
   * hole). Returns the keeper's incentive for the kick, tip + chip · tab, which the protocol owes.
   */
  kick(
    _position: number,
    collateral: number,
    debt: number,
    penalty: number,
    oraclePrice: number,
    round: number,
  ): number {
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
    this.owedTotal += this.owed(slot);
    this.tabTotal += tab;
    const { tip = 0, chip = 0 } = this.spec;
    return tip > 0 || chip > 0 ? tip + tab * chip : 0;
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
      penaltyIncome: t.raised - t.debtRepaid,
    };
  }

  /** What an auction still owes of its debt, under the house's accounting. */
  private owed(slot: number): number {
    return this.debtFirst ? this.lots.owedDebtFirst(slot) : this.lots.owedProRata(slot);
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
        const owed = this.owed(slot);
        t.wonForZero++;
        t.collateralWonForZero += lots.lot[slot]!;
        t.bought += lots.lot[slot]!;
        t.badDebt += owed;
        this.owedTotal -= owed;
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
    let quantity = affordable(venue, bound + t.bought, price, most);
    if (quantity <= 0) return;
    let paid = quantity * price;
    if (this.dust > 0 && quantity < lot && paid < tab) {
      // Clipper's chost: a purchase may not leave a tab below dust · (1 + penalty); below that, only all of it.
      const chost = (this.dust * lots.initialTab[slot]!) / lots.debt[slot]!;
      if (tab - paid < chost) {
        if (!(tab > chost)) return;
        paid = tab - chost;
        quantity = paid / price;
      }
    }
    const owedBefore = this.owed(slot);
    if (!lots.bid[slot]) {
      lots.bid[slot] = 1;
      cohort.unbid--;
    }
    t.bought += quantity;
    t.raised += paid;
    t.budget -= paid;
    if (this.debtFirst) {
      // The Vow nets what is raised against the debt: the payment repays debt first, the rest is penalty.
      const repay = Math.min(paid, owedBefore);
      lots.repaid[slot] = lots.repaid[slot]! + repay;
      t.debtRepaid += repay;
    } else {
      t.debtRepaid += (paid * lots.debt[slot]!) / lots.initialTab[slot]!;
    }
    lots.lot[slot] = lot - quantity;
    lots.tab[slot] = tab - paid;
    this.lotTotal -= quantity;
    this.tabTotal -= paid;
    if (lots.tab[slot]! <= DUST * lots.initialTab[slot]!) {
      t.returned += lots.lot[slot]!;
      this.owedTotal -= owedBefore;
      this.end(cohort, slot);
    } else if (lots.lot[slot]! <= DUST) {
      t.badDebt += this.owed(slot);
      this.owedTotal -= owedBefore;
      this.end(cohort, slot);
    } else {
      this.owedTotal += this.owed(slot) - owedBefore;
    }
  }

  /** Closes a finished auction (its owed debt already accounted for by the caller). */
  private end(cohort: Cohort, slot: number): void {
    const lots = this.lots;
    this.lotTotal -= lots.lot[slot]!;
    this.tabTotal -= lots.tab[slot]!;
    lots.close(slot);
    cohort.live--;
    this.running--;
  }
}
