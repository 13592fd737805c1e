import type { Liquidation } from './liquidation/index.js';

/** One round's liquidations, as parallel arrays (a round may liquidate a million positions). */
export class RoundEvents {
  readonly position: number[] = [];
  /** The position's state before the liquidation, so that a round can be undone exactly. */
  readonly collateralBefore: number[] = [];
  readonly debtBefore: number[] = [];
  readonly seized: number[] = [];
  readonly repaid: number[] = [];
  readonly badDebt: number[] = [];
  readonly returned: number[] = [];
  readonly collateralAfter: number[] = [];
  readonly debtAfter: number[] = [];
  readonly closed: boolean[] = [];

  get length(): number {
    return this.position.length;
  }

  add(position: number, collateralBefore: number, debtBefore: number, outcome: Liquidation): void {
    this.position.push(position);
    this.collateralBefore.push(collateralBefore);
    this.debtBefore.push(debtBefore);
    this.seized.push(outcome.seized);
    this.repaid.push(outcome.repaid);
    this.badDebt.push(outcome.badDebt);
    this.returned.push(outcome.returned);
    this.collateralAfter.push(outcome.collateralAfter);
    this.debtAfter.push(outcome.debtAfter);
    this.closed.push(outcome.closed);
  }
}

/** One liquidation as an object, for the few places that show a handful of them. */
export interface LiquidationEvent {
  readonly position: number;
  readonly collateralBefore: number;
  readonly debtBefore: number;
  readonly seized: number;
  readonly repaid: number;
  readonly badDebt: number;
  readonly returned: number;
  readonly collateralAfter: number;
  readonly debtAfter: number;
  readonly closed: boolean;
}

export function eventAt(events: RoundEvents, i: number): LiquidationEvent {
  return {
    position: events.position[i]!,
    collateralBefore: events.collateralBefore[i]!,
    debtBefore: events.debtBefore[i]!,
    seized: events.seized[i]!,
    repaid: events.repaid[i]!,
    badDebt: events.badDebt[i]!,
    returned: events.returned[i]!,
    collateralAfter: events.collateralAfter[i]!,
    debtAfter: events.debtAfter[i]!,
    closed: events.closed[i]!,
  };
}
