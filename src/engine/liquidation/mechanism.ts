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
  return { ...liquidateInto(scratch(), mechanism, collateral, debt, oraclePrice, bonus, healthFactor) };
}

/** A liquidation's result, written in place (the round's hot loop reuses one, so as not to allocate). */
export type MutableLiquidation = { -readonly [K in keyof Liquidation]: Liquidation[K] };

export const scratch = (): MutableLiquidation => ({
  repaid: 0,
  seized: 0,
  badDebt: 0,
  returned: 0,
  collateralAfter: 0,
  debtAfter: 0,
  closed: false,
});

/** `liquidate`, writing its result into `out` and returning it. */
export function liquidateInto(
  out: MutableLiquidation,
  mechanism: Mechanism,
  collateral: number,
  debt: number,
  oraclePrice: number,
  bonus: number,
  healthFactor = 0,
): MutableLiquidation {
  const cap = mechanism.cap(debt, healthFactor);
  const coverable = (collateral * oraclePrice) / (1 + bonus);
  if (coverable < cap) {
    out.repaid = coverable;
    out.seized = collateral;
    out.badDebt = debt - coverable;
    out.returned = 0;
    out.collateralAfter = 0;
    out.debtAfter = 0;
    out.closed = true;
    return out;
  }
  // min() guards the last bit: cap <= coverable implies seized <= collateral in exact arithmetic.
  const seized = Math.min(collateral, (cap * (1 + bonus)) / oraclePrice);
  out.repaid = cap;
  out.seized = seized;
  out.badDebt = 0;
  if (mechanism.closesPosition) {
    out.returned = collateral - seized;
    out.collateralAfter = 0;
    out.debtAfter = 0;
    out.closed = true;
  } else {
    out.returned = 0;
    out.collateralAfter = collateral - seized;
    out.debtAfter = debt - cap;
    out.closed = false;
  }
  return out;
}
