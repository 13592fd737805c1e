import type { Venue } from '../market/index.js';

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

interface Auction {
  readonly position: number;
  /** Collateral still for sale. */
  lot: number;
  /** Quote still to raise: the position's debt times (1 + penalty), less what bidders paid. */
  tab: number;
  /** The debt the auction covers, and its tab at the kick, to share each payment between debt and penalty. */
  readonly debt: number;
  readonly initialTab: number;
  top: number;
  startedAt: number;
  /** Whether any bidder has bought from it. */
  bid: boolean;
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
 * The auctions in progress. Each round every auction (oldest first) restarts if it ran `tail` rounds or
 * fell below `cusp` of its start (or, with `zeroBids`, is won for zero if nobody has bought from it), then
 * offers its lot at top · decay^(rounds since start). Bidders buy the
 * largest quantity whose sale on the venue, after everything already bound for it, raises at least what
 * they pay (so they buy only while the auction price is below what they can sell for after slippage),
 * capped by the lot, the tab and their capital.
 */
export class AuctionHouse {
  private readonly auctions: Auction[] = [];

  constructor(private readonly spec: AuctionSpec) {}

  get active(): number {
    return this.auctions.length;
  }

  /** Collateral waiting in auctions. */
  get collateral(): number {
    return this.auctions.reduce((sum, a) => sum + a.lot, 0);
  }

  /** Debt still owed by positions in auction. */
  get outstandingDebt(): number {
    return this.auctions.reduce((sum, a) => sum + (a.tab * a.debt) / a.initialTab, 0);
  }

  /** Starts an auction for a liquidated position's whole collateral. */
  kick(
    position: number,
    collateral: number,
    debt: number,
    penalty: number,
    oraclePrice: number,
    round: number,
  ) {
    const tab = debt * (1 + penalty);
    this.auctions.push({
      position,
      lot: collateral,
      tab,
      debt,
      initialTab: tab,
      top: oraclePrice * this.spec.startAbove,
      startedAt: round,
      bid: false,
    });
  }

  /** Runs every auction once. `bound` is collateral already on its way to the venue this round. */
  run(round: number, oraclePrice: number, venue: Venue, bound: number, capital: number): AuctionRound {
    const { decay, tail, cusp, startAbove, zeroBids } = this.spec;
    let wonForZero = 0;
    let collateralWonForZero = 0;
    let bought = 0;
    let raised = 0;
    let debtRepaid = 0;
    let badDebt = 0;
    let returned = 0;
    let resets = 0;
    let budget = capital;
    for (const auction of this.auctions) {
      let price = auction.top * decay ** (round - auction.startedAt);
      if (round - auction.startedAt >= tail || price < cusp * auction.top) {
        if (zeroBids && !auction.bid) {
          // Nobody bought in the whole run: a lone bid of zero wins the lot, which the bidder resells.
          wonForZero++;
          collateralWonForZero += auction.lot;
          bought += auction.lot;
          badDebt += (auction.tab * auction.debt) / auction.initialTab;
          auction.lot = 0;
          auction.tab = 0;
          continue;
        }
        auction.top = oraclePrice * startAbove;
        auction.startedAt = round;
        price = auction.top;
        resets++;
      }
      const most = Math.min(auction.lot, auction.tab / price, budget / price);
      const quantity = affordable(venue, bound + bought, price, most);
      if (quantity <= 0) continue;
      const paid = quantity * price;
      auction.bid = true;
      bought += quantity;
      raised += paid;
      budget -= paid;
      debtRepaid += (paid * auction.debt) / auction.initialTab;
      auction.lot -= quantity;
      auction.tab -= paid;
      if (auction.tab <= DUST * auction.initialTab) {
        returned += auction.lot;
        auction.lot = 0;
        auction.tab = 0;
      } else if (auction.lot <= DUST) {
        badDebt += (auction.tab * auction.debt) / auction.initialTab;
        auction.lot = 0;
        auction.tab = 0;
      }
    }
    for (let i = this.auctions.length - 1; i >= 0; i--)
      if (this.auctions[i]!.tab === 0) this.auctions.splice(i, 1);
    return {
      bought,
      raised,
      debtRepaid,
      badDebt,
      returned,
      resets,
      wonForZero,
      collateralWonForZero,
      valueWonForZero: collateralWonForZero * oraclePrice,
    };
  }
}

/**
 * The largest q in [0, most] such that selling q on `venue` after `bound` raises at least q · price.
 * The surplus proceeds(bound + q) − proceeds(bound) − q · price is concave in q and 0 at q = 0.
 */
export function affordable(venue: Venue, bound: number, price: number, most: number): number {
  if (!(most > 0)) return 0;
  const already = venue.sell(bound).proceeds;
  const surplus = (q: number) => venue.sell(bound + q).proceeds - already - q * price;
  if (surplus(most) >= 0) return most;
  // Is the first unit worth buying? (The marginal sale price after `bound` against the auction price.)
  const tiny = most * 1e-9;
  if (surplus(tiny) <= 0) return 0;
  let low = tiny;
  let high = most;
  for (let i = 0; i < 80 && high - low > most * 1e-13; i++) {
    const mid = (low + high) / 2;
    if (surplus(mid) >= 0) low = mid;
    else high = mid;
  }
  return low;
}
