import { affordable, type AuctionRound, type AuctionSpec } from '../../src/engine/liquidation/auction.js';
import type { Venue } from '../../src/engine/market/index.js';

interface NaiveAuction {
  lot: number;
  tab: number;
  readonly debt: number;
  readonly initialTab: number;
  top: number;
  startedAt: number;
  bid: boolean;
  repaid: number;
}

/**
 * The auction house as the README words it, with none of AuctionHouse's shortcuts: every auction, oldest
 * first, every round. The engine's house must give exactly what this gives.
 */
export class NaiveAuctionHouse {
  private auctions: NaiveAuction[] = [];

  constructor(private readonly spec: AuctionSpec) {}

  get active(): number {
    return this.auctions.length;
  }

  get collateral(): number {
    return this.auctions.reduce((sum, a) => sum + a.lot, 0);
  }

  get outstandingDebt(): number {
    return this.auctions.reduce((sum, a) => sum + this.owed(a), 0);
  }

  get tabInAuction(): number {
    return this.auctions.reduce((sum, a) => sum + a.tab, 0);
  }

  private owed(a: NaiveAuction): number {
    return this.spec.accounting === 'maker' ? a.debt - a.repaid : (a.tab * a.debt) / a.initialTab;
  }

  kick(_position: number, collateral: number, debt: number, penalty: number, oracle: number, round: number) {
    const tab = debt * (1 + penalty);
    const top = oracle * this.spec.startAbove;
    this.auctions.push({
      lot: collateral,
      tab,
      debt,
      initialTab: tab,
      top,
      startedAt: round,
      bid: false,
      repaid: 0,
    });
    const { tip = 0, chip = 0 } = this.spec;
    return tip > 0 || chip > 0 ? tip + tab * chip : 0;
  }

  run(round: number, oracle: number, venue: Venue, bound: number, capital: number): AuctionRound {
    const { decay, tail, cusp, startAbove, zeroBids } = this.spec;
    const r = { bought: 0, raised: 0, debtRepaid: 0, badDebt: 0, returned: 0, resets: 0 };
    let wonForZero = 0;
    let collateralWonForZero = 0;
    let budget = capital;
    for (const a of this.auctions) {
      let price = a.top * decay ** (round - a.startedAt);
      if (round - a.startedAt >= tail || price < cusp * a.top) {
        if (zeroBids && !a.bid) {
          wonForZero++;
          collateralWonForZero += a.lot;
          r.bought += a.lot;
          r.badDebt += this.owed(a);
          a.lot = 0;
          a.tab = 0;
          continue;
        }
        a.top = oracle * startAbove;
        a.startedAt = round;
        price = a.top;
        r.resets++;
      }
      const most = Math.min(a.lot, a.tab / price, budget / price);
      let quantity = affordable(venue, bound + r.bought, price, most);
      if (quantity <= 0) continue;
      let paid = quantity * price;
      const dust = this.spec.dust ?? 0;
      if (dust > 0 && quantity < a.lot && paid < a.tab) {
        const chost = (dust * a.initialTab) / a.debt;
        if (a.tab - paid < chost) {
          if (!(a.tab > chost)) continue;
          paid = a.tab - chost;
          quantity = paid / price;
        }
      }
      a.bid = true;
      r.bought += quantity;
      r.raised += paid;
      budget -= paid;
      if (this.spec.accounting === 'maker') {
        const repay = Math.min(paid, a.debt - a.repaid);
        a.repaid += repay;
        r.debtRepaid += repay;
      } else r.debtRepaid += (paid * a.debt) / a.initialTab;
      a.lot -= quantity;
      a.tab -= paid;
      if (a.tab <= 1e-12 * a.initialTab) {
        r.returned += a.lot;
        a.lot = 0;
        a.tab = 0;
      } else if (a.lot <= 1e-12) {
        r.badDebt += this.owed(a);
        a.lot = 0;
        a.tab = 0;
      }
    }
    this.auctions = this.auctions.filter((a) => a.tab !== 0);
    return {
      ...r,
      wonForZero,
      collateralWonForZero,
      valueWonForZero: collateralWonForZero * oracle,
      penaltyIncome: r.raised - r.debtRepaid,
    };
  }
}
