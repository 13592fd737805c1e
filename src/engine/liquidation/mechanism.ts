/** A liquidation mechanism decides how much debt one liquidation may repay, and what becomes of the position. */
export interface Mechanism {
  /** The most debt one liquidation may repay, given the position's health factor at the oracle price. */
  cap(debt: number, healthFactor: number): number;
  /** Whether a liquidation that covers its cap closes the position (returning leftover collateral). */
  readonly closesPosition: boolean;
}

/** One position's liquidation at oracle price P. */
export interface Liquidation {
  readonly repaid: number;
  readonly seized: number;
  readonly badDebt: number;
  /** Collateral handed back to the owner when a full liquidation closes the position. */
  readonly returned: number;
  readonly collateralAfter: number;
  readonly debtAfter: number;
  readonly closed: boolean;
}

/**
 * The round contract's liquidation of one position at price P:
 * repaid = min(cap, collateral * P / (1 + bonus)); seized = repaid * (1 + bonus) / P.
 * If the collateral cannot cover the cap, all of it is seized, the rest of the debt is bad debt,
 * and the position closes.
 */
export function liquidate(
  mechanism: Mechanism,
  collateral: number,
  debt: number,
  oraclePrice: number,
  bonus: number,
  healthFactor = 0,
): Liquidation {
  const cap = mechanism.cap(debt, healthFactor);
  const coverable = (collateral * oraclePrice) / (1 + bonus);
  if (coverable < cap) {
    return {
      repaid: coverable,
      seized: collateral,
      badDebt: debt - coverable,
      returned: 0,
      collateralAfter: 0,
      debtAfter: 0,
      closed: true,
    };
  }
  // min() guards the last bit: cap <= coverable implies seized <= collateral in exact arithmetic.
  const seized = Math.min(collateral, (cap * (1 + bonus)) / oraclePrice);
  if (mechanism.closesPosition) {
    return {
      repaid: cap,
      seized,
      badDebt: 0,
      returned: collateral - seized,
      collateralAfter: 0,
      debtAfter: 0,
      closed: true,
    };
  }
  return {
    repaid: cap,
    seized,
    badDebt: 0,
    returned: 0,
    collateralAfter: collateral - seized,
    debtAfter: debt - cap,
    closed: false,
  };
}
