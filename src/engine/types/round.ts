/** The engine's output per round. */

/** What one round did, in the round contract's terms (plus a few compatible extras). */
export interface RoundRecord {
  readonly round: number;
  /** The price the oracle read this round, P. */
  readonly oraclePrice: number;
  /** S(r): the venue price at the start of the round, after the exogenous move. */
  readonly startPrice: number;
  /** The venue price after the round's sale. */
  readonly price: number;
  /** Liquidations this round (a position counts once per round). */
  readonly liquidations: number;
  /** Collateral seized this round and sold into the venue as one batch. */
  readonly collateralSold: number;
  readonly debtRepaid: number;
  readonly badDebt: number;
  /** Collateral handed back to owners of fully liquidated positions. */
  readonly collateralReturned: number;
  /** Quote raised by the round's sale, net of the venue fee. */
  readonly saleProceeds: number;
  /** Positions still open after the round. */
  readonly openPositions: number;
  /** Collateral actually sold into the venue this round: the seizures, or up to the sale cap of the queue. */
  readonly batchSold: number;
  /** Seized collateral still waiting to be sold after the round (a per-round sale cap). */
  readonly queued: number;
  /** Liquidatable positions liquidators left alone this round: for lack of capital, or of profit. */
  readonly skippedForCapital: number;
  readonly skippedUnprofitable: number;
  /** Debt of positions liquidatable this round that are still open and under water after it. */
  readonly underwaterDebt: number;
  /**
   * The liquidators' profit this round: what their seizures fetched in the round's sale (the seized units at
   * the sale's average price), less the debt they repaid and their gas costs; for an auction, the bidders'
   * resale less what they paid. And how many liquidations lost money, and how many were filled partly for lack of capital.
   */
  readonly liquidatorProfit: number;
  readonly unprofitableLiquidations: number;
  readonly partialFills: number;
  /** Asset moved between venues by arbitrage at the start of the round. */
  readonly arbitrageVolume: number;
  /** Auctions still running after the round, and the collateral waiting in them. */
  readonly auctions: number;
  readonly collateralInAuction: number;
  /** With `auction.zeroBids`: auctions won by a bid of zero this round, and their collateral's value at P. */
  readonly wonForZero: number;
  readonly valueWonForZero: number;
  /** Auctions: keeper incentives paid at the round's kicks (`tip` + `chip` · tab; the protocol owes them). */
  readonly keeperIncentives: number;
  /** Auctions: what bidders paid beyond the debt it repaid (the penalty; income of the protocol, Maker's Vow). */
  readonly penaltyIncome: number;
  /** Auctions with a `hole`: liquidatable positions left waiting because the hole was full. */
  readonly waitingForHole: number;
  /** Auctions: quote still to raise in running auctions, debt plus penalty (Maker's Dirt, held under `hole`). */
  readonly tabInAuction: number;
  /** Perpetuals: liquidations (a slice counts once), the fund after the round, what it paid and what ADL covered. */
  readonly perpLiquidations: number;
  /** Notional the perpetual liquidations closed (quantity · oracle price), and the longs' part of it. */
  readonly perpNotional: number;
  readonly perpLongNotional: number;
  readonly insuranceFund: number;
  readonly fundDrawn: number;
  readonly fundFees: number;
  readonly deleveraged: number;
  readonly adlCovered: number;
  /** Losses neither the fund nor auto-deleveraging could cover (socialised). */
  readonly uncoveredLoss: number;
  /** Net asset the perpetual liquidations sold (negative: bought) on the venue. */
  readonly perpNetSold: number;
  /**
   * What the perpetuals' venue fills fetched short of their value at the oracle price (negative: above
   * it). Booked (charged to the owners, the fund and ADL) with `perps.fill: "venue"`; with `"oracle"` it
   * is what the venue would have charged, booked nowhere.
   */
  readonly perpSlippage: number;
  /** Profit auto-deleveraging took beyond what the fund could not cover (a policy closing whole positions). */
  readonly adlOvershoot: number;
  /** The backstop vault: positions it took over this round, their notional at P, its equity after the round at P. */
  readonly backstopTaken: number;
  readonly backstopNotional: number;
  readonly backstopEquity: number;
  /** Every venue's price after the round, in declaration order (the main venue first). */
  readonly venuePrices: readonly number[];
}
