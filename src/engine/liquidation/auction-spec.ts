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
  /**
   * How a bidder's payment counts against the position's debt. "pro-rata" (the default): each payment
   * repays debt in proportion debt / tab, the rest is penalty, and debt left when the lot runs out is bad
   * debt. "maker" (Maker's Vow, which receives everything raised): a payment repays the auction's debt
   * first and only the excess is penalty income, so an auction leaves bad debt max(0, debt − raised).
   */
  readonly accounting?: AuctionAccounting;
  /**
   * Maker's Dog `hole` (per collateral; with one collateral it stands for the global `Hole` as well, which
   * would only cap the same sum): the most quote, debt plus penalty, still to raise in all running
   * auctions at once (Maker's Dirt). A position that does not fit waits; one that partly fits is kicked
   * for the part that does.
   */
  readonly hole?: number;
  /** Keeper incentive paid at each kick, flat, in quote (Maker's Clipper `tip`). */
  readonly tip?: number;
  /** Keeper incentive paid at each kick as a share of the tab (Maker's Clipper `chip`). */
  readonly chip?: number;
  /**
   * Maker's `dust`, in quote: a partial kick must cover at least this much debt (or the whole position,
   * if less would be left); a purchase may not leave a tab below dust · (1 + penalty) (Clipper's chost).
   */
  readonly dust?: number;
}

export type AuctionAccounting = 'pro-rata' | 'maker';

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
  /** What bidders paid beyond the debt it repaid: the penalty, income of the protocol (Maker's Vow). */
  readonly penaltyIncome: number;
}
