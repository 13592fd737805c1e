/** One round's liquidations, as parallel arrays (a round may liquidate a million positions). */
export class RoundEvents {
  readonly position: number[] = [];
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
}

/** One liquidation as an object, for the few places that show a handful of them. */
export interface LiquidationEvent {
  readonly position: number;
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
    seized: events.seized[i]!,
    repaid: events.repaid[i]!,
    badDebt: events.badDebt[i]!,
    returned: events.returned[i]!,
    collateralAfter: events.collateralAfter[i]!,
    debtAfter: events.debtAfter[i]!,
    closed: events.closed[i]!,
  };
}
