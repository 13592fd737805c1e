import type { Liquidation } from '../liquidation/index.js';
import type { RoundContext } from './context.js';
import type { CascadeState } from './state.js';

/**
 * 5, with mechanism "auction": liquidatable positions are handed to auctions (Maker's Dog `bark`). Without
 * a hole every one is kicked whole. With a hole, positions line up most under water first and are kicked
 * in that order while the hole has room: a position that does not fit whole is kicked for the part that
 * does, debt and collateral in proportion, and the rest of it, and everyone behind it, waits.
 */
export function kickLiquidatable(state: CascadeState, round: RoundContext): void {
  if (state.scenario.liquidation.auction?.hole === undefined) kickAll(state, round);
  else kickWithinHole(state, round);
}

/** An auction takes each liquidatable position whole: its collateral and debt leave the book, nothing repaid yet. */
function kickAll(state: CascadeState, round: RoundContext): void {
  const { book, auctions } = state;
  const { bonus } = state.scenario.liquidation;
  const { oraclePrice, events } = round;
  const taken = book.takeLiquidatable(oraclePrice);
  let incentives = 0;
  for (const index of taken) {
    const collateral = book.collateral[index]!;
    const debt = book.debt[index]!;
    incentives += auctions!.kick(index, collateral, debt, bonus, oraclePrice, round.round);
    book.update(index, 0, 0, true);
    events?.add(index, collateral, debt, kicked(collateral, 0, 0));
  }
  round.liquidated = taken.length;
  round.keeperIncentives = incentives;
}

/**
 * Maker's Dog with `hole` (and `dust`): room = hole − the tab still to raise in running auctions;
 * kicked debt = min(debt, room / (1 + penalty)); if that leaves less than dust behind, the whole position
 * goes; if it is itself below dust, the position waits.
 */
function kickWithinHole(state: CascadeState, round: RoundContext): void {
  const { book, auctions, scenario } = state;
  const { bonus } = scenario.liquidation;
  const dust = scenario.liquidation.auction?.dust ?? 0;
  const { oraclePrice, events } = round;
  book.lineUp(oraclePrice);
  let kicks = 0;
  let incentives = 0;
  for (let index = book.front; index >= 0; index = book.front) {
    const room = auctions!.room;
    if (!(room > 0)) break;
    const collateral = book.collateral[index]!;
    const debt = book.debt[index]!;
    let part = Math.min(debt, room / (1 + bonus));
    if (part < debt) {
      if (debt - part < dust) part = debt;
      else if (part < dust) break;
    }
    const whole = part === debt;
    const seized = whole ? collateral : (collateral * part) / debt;
    incentives += auctions!.kick(index, seized, part, bonus, oraclePrice, round.round);
    book.kickFront(whole ? 0 : collateral - seized, whole ? 0 : debt - part, whole);
    events?.add(index, collateral, debt, kicked(seized, collateral - seized, debt - part));
    kicks++;
    if (!whole) break;
  }
  round.liquidated = kicks;
  round.keeperIncentives = incentives;
  round.waitingForHole = book.waiting;
}

/** A kick: the collateral seized goes to auction with its debt, nothing repaid yet. */
const kicked = (seized: number, collateralAfter: number, debtAfter: number): Liquidation => ({
  repaid: 0,
  seized,
  badDebt: 0,
  returned: 0,
  collateralAfter,
  debtAfter,
  closed: debtAfter === 0,
});
