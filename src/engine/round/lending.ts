import { liquidateInto, type Mechanism, type MutableLiquidation } from '../liquidation/index.js';
import type { Phase, RoundContext } from './context.js';
import { kickLiquidatable } from './kicks.js';
import { TOUCHED, touch } from './touch.js';
import type { CascadeState } from './state.js';

/**
 * 5. Every open position with HF < 1 is liquidated once, at the oracle price, if liquidators will; with
 * mechanism "auction" it is handed whole to an auction instead (the auctions phase sells it).
 */
export const lendingLiquidations: Phase = {
  name: 'lending liquidations',
  run(state, round) {
    if (state.auctions) {
      kickLiquidatable(state, round);
      return;
    }
    const { book } = state;
    const liquidators = state.scenario.liquidators;
    if (liquidators?.capital !== undefined || liquidators?.requireProfit) {
      // Liquidators may skip positions: those wait off the heap (`takeCandidates`).
      liquidateAll(state, round, book.takeCandidates(round.oraclePrice), true);
      return;
    }
    // Positions left open go back on the heap as they are liquidated: the round's candidates are all
    // taken off it before the first, so none is liquidated twice in a round.
    liquidateEvery(state, round, book.takeLiquidatable(round.oraclePrice));
  },
};

/**
 * `liquidateAll` for a round whose liquidators take every candidate (no capital limit, no profit test:
 * the round's capital is Infinity, so no candidate is skipped or filled in part). The same steps and
 * sums in the same order, without the branches that cannot be taken: a smaller loop, which V8 compiles
 * sooner and so runs unoptimised for fewer of the first round's liquidations (issue 15: the first round
 * of the 1M bench book liquidates 117,000 positions, most of them while the general loop compiled).
 */
function liquidateEvery(state: CascadeState, round: RoundContext, taken: Int32Array): void {
  const { book, scenario, mechanism, outcome, ledger } = state;
  const { bonus } = scenario.liquidation;
  const needsHealth = scenario.liquidation.fullBelowHealth !== undefined;
  const borrower = scenario.attacker ? book.count - 1 : -1;
  const { oraclePrice, events } = round;
  const collaterals = book.takenCollateral;
  const debts = book.takenDebt;
  let capital = round.capital;
  let collateralSold = 0;
  let debtRepaid = 0;
  let badDebt = 0;
  let collateralReturned = 0;
  let underwaterDebt = 0;
  ledger.clear();
  for (let k = 0; k < taken.length; k++) {
    if ((k & (TOUCHED - 1)) === 0) touch(book, taken, k, Math.min(taken.length, k + TOUCHED));
    const index = taken[k]!;
    const collateral = collaterals[k]!;
    const debt = debts[k]!;
    const healthFactor = needsHealth ? book.healthFactor(index, oraclePrice) : 0;
    liquidateInto(outcome, mechanism, collateral, debt, oraclePrice, bonus, healthFactor);
    capital -= outcome.repaid;
    ledger.add(outcome.seized, outcome.repaid);
    book.update(index, outcome.collateralAfter, outcome.debtAfter, outcome.closed);
    if (!outcome.closed) book.reinsert(index);
    collateralSold += outcome.seized;
    debtRepaid += outcome.repaid;
    badDebt += outcome.badDebt;
    collateralReturned += outcome.returned;
    if (index === borrower) state.attack.badDebt += outcome.badDebt;
    if (!outcome.closed && book.healthFactor(index, oraclePrice) < 1) underwaterDebt += outcome.debtAfter;
    events?.add(index, collateral, debt, outcome);
  }
  round.capital = capital;
  round.liquidated = taken.length;
  round.collateralSold = collateralSold;
  round.debtRepaid = debtRepaid;
  round.badDebt = badDebt;
  round.collateralReturned = collateralReturned;
  round.skippedForCapital = 0;
  round.skippedUnprofitable = 0;
  round.underwaterDebt = underwaterDebt;
  round.partialFills = 0;
}

/**
 * The round's hot loop (a million positions may be liquidated in one round): totals in locals, one
 * reused outcome object, no closures, so that V8 keeps it one monomorphic kernel.
 */
function liquidateAll(
  state: CascadeState,
  round: RoundContext,
  taken: ArrayLike<number>,
  skipping: boolean,
): void {
  const { book, scenario, mechanism, outcome } = state;
  const { bonus } = scenario.liquidation;
  const requireProfit = scenario.liquidators?.requireProfit ?? false;
  const gasCost = scenario.liquidators?.gasCost ?? 0;
  const partialFills = scenario.liquidators?.partialFills ?? false;
  const ledger = state.ledger;
  const needsHealth = scenario.liquidation.fullBelowHealth !== undefined;
  const borrower = scenario.attacker ? book.count - 1 : -1;
  const sellVenue = state.sellingVenue;
  const queued = state.queued;
  const { oraclePrice, events } = round;
  let capital = round.capital;
  let liquidated = 0;
  let collateralSold = 0;
  let debtRepaid = 0;
  let badDebt = 0;
  let collateralReturned = 0;
  let skippedForCapital = 0;
  let skippedUnprofitable = 0;
  let underwaterDebt = 0;
  let filledPartly = 0;
  let hopeless = false;
  // Candidates that cannot seize this much are surely skipped as unprofitable (`unprofitableBelow`); it,
  // and `hopeless`, are worked out again only after a liquidation (the venue's state and the capital are
  // otherwise the same for every candidate of the round).
  let below = 0;
  let stale = true;
  // The candidates' collateral and debt, read in order beside them (not scattered over the book).
  const collaterals = skipping ? book.candidateCollateral : book.takenCollateral;
  const debts = skipping ? book.candidateDebt : book.takenDebt;
  // A lower bound on any liquidation's repaid (a partial cap is at least closeFactor · debt).
  const capShare = scenario.liquidation.mechanism === 'partial' ? scenario.liquidation.closeFactor! : 1;
  ledger.clear();
  for (let k = 0; k < taken.length; k++) {
    const index = taken[k]!;
    if (requireProfit && !hopeless && stale) {
      // Once the venue's next unit fetches at most P / (1 + bonus), no seizure (seized ≤ repaid · (1 +
      // bonus) / P) pays for itself, and what is bound for the venue no longer grows this round.
      const marginal = sellVenue.marginalSellPrice(queued + collateralSold);
      hopeless = marginal * (1 + bonus) <= oraclePrice * (1 - 1e-9);
      below = hopeless ? 0 : unprofitableBelow(marginal, oraclePrice, bonus, gasCost, capital);
      stale = false;
    }
    if (skipping && (capital <= 0 || (hopeless && (capital === Infinity || partialFills)))) {
      // Every position left is skipped alike: for capital if none is left, else for profit.
      for (let j = k; j < taken.length; j++) underwaterDebt += debts[j]!;
      if (capital <= 0) skippedForCapital += taken.length - k;
      else skippedUnprofitable += taken.length - k;
      book.skipFrom(k, taken.length);
      break;
    }
    const collateral = collaterals[k]!;
    const debt = debts[k]!;
    if (below > 0) {
      // This candidate and the run after it that cannot seize `below` are skipped as unprofitable, as
      // the full test below would skip them (issue 15: a million small loans that never pay for gas were
      // each priced round after round). A seizure is at most the collateral, and at most the cap's worth
      // (cap · (1 + bonus) / P, as liquidateInto computes it, from the same health factor). Their debt is
      // added in the same order.
      let end = k;
      for (; end < taken.length; end++) {
        const c = collaterals[end]!;
        const d = debts[end]!;
        if (!(c < below)) {
          const health = needsHealth ? book.healthFactorOf(taken[end]!, c, d, oraclePrice) : 0;
          if (!(mostSeized(mechanism, c, d, health, oraclePrice, bonus) < below)) break;
        }
        underwaterDebt += d;
      }
      if (end > k) {
        skippedUnprofitable += end - k;
        book.skipFrom(k, end);
        k = end - 1;
        continue;
      }
    }
    if (
      skipping &&
      !partialFills &&
      Math.min(capShare * debt, (collateral * oraclePrice) / (1 + bonus)) > capital
    ) {
      // repaid = min(cap, collateral · P / (1 + bonus)) is above this bound: skipped for capital, as below.
      skippedForCapital++;
      underwaterDebt += debt;
      book.skip(k);
      continue;
    }
    // Only Aave-style caps look at the health factor; skip the division otherwise.
    const healthFactor = needsHealth ? book.healthFactorOf(index, collateral, debt, oraclePrice) : 0;
    liquidateInto(outcome, mechanism, collateral, debt, oraclePrice, bonus, healthFactor);
    let partly = false;
    if (outcome.repaid > capital) {
      if (!partialFills || capital <= 0) {
        skippedForCapital++;
        underwaterDebt += debt;
        book.skip(k);
        continue;
      }
      fillPartly(outcome, capital, collateral, debt, oraclePrice, bonus);
      partly = true;
    }
    if (requireProfit) {
      // What selling this seizure would raise on top of everything already bound for the venue.
      const proceeds = hopeless ? 0 : sellVenue.proceedsAfter(queued + collateralSold, outcome.seized);
      if (hopeless || proceeds <= outcome.repaid + gasCost) {
        skippedUnprofitable++;
        underwaterDebt += debt;
        book.skip(k);
        continue;
      }
    }
    capital -= outcome.repaid;
    liquidated++;
    stale = true;
    if (partly) filledPartly++;
    ledger.add(outcome.seized, outcome.repaid);
    book.update(index, outcome.collateralAfter, outcome.debtAfter, outcome.closed);
    // Skipped positions wait off the heap; one left open goes back under its new liquidation price.
    if (!outcome.closed) book.reinsert(index);
    collateralSold += outcome.seized;
    debtRepaid += outcome.repaid;
    badDebt += outcome.badDebt;
    collateralReturned += outcome.returned;
    if (index === borrower) state.attack.badDebt += outcome.badDebt;
    if (!outcome.closed && book.healthFactor(index, oraclePrice) < 1) underwaterDebt += outcome.debtAfter;
    events?.add(index, collateral, debt, outcome);
  }
  round.capital = capital;
  round.liquidated = liquidated;
  round.collateralSold = collateralSold;
  round.debtRepaid = debtRepaid;
  round.badDebt = badDebt;
  round.collateralReturned = collateralReturned;
  round.skippedForCapital = skippedForCapital;
  round.skippedUnprofitable = skippedUnprofitable;
  round.underwaterDebt = underwaterDebt;
  round.partialFills = filledPartly;
}

/** The most a liquidation may seize: the collateral, or the cap's worth, cap · (1 + bonus) / P. */
export function mostSeized(
  mechanism: Mechanism,
  collateral: number,
  debt: number,
  healthFactor: number,
  oraclePrice: number,
  bonus: number,
): number {
  return Math.min(collateral, (mechanism.cap(debt, healthFactor) * (1 + bonus)) / oraclePrice);
}

/**
 * The seizure below which a candidate is surely skipped as unprofitable, with the venue's next unit
 * fetching `marginal` (> P / (1 + bonus)). A liquidation seizes s = min(collateral, cap · (1 + bonus) / P)
 * and repays s · P / (1 + bonus); the venue is concave, so the seizure raises at most s · marginal. Its
 * gain is then at most s · (marginal − P / (1 + bonus)), which below this bound does not pay the gas. The
 * bound is shrunk by P · 1e-9 per unit, far beyond the rounding of the full test, so that it never skips
 * what the full test would take. Below `capital` · (1 + bonus) / P the repayment fits the capital left
 * (and so does the full test's lower bound on it), so the full test would not skip it for capital first.
 */
export function unprofitableBelow(
  marginal: number,
  oraclePrice: number,
  bonus: number,
  gasCost: number,
  capital: number,
): number {
  const gainPerUnit = marginal - oraclePrice / (1 + bonus) + oraclePrice * 1e-9;
  const fits = ((capital * (1 + bonus)) / oraclePrice) * (1 - 1e-9);
  return Math.min(gasCost / gainPerUnit, fits);
}

/**
 * A liquidation cut down to the capital left: it repays `capital` (less than its cap), seizes
 * capital · (1 + bonus) / P (at most the collateral) and leaves the position open with the rest.
 */
function fillPartly(
  out: MutableLiquidation,
  capital: number,
  collateral: number,
  debt: number,
  oraclePrice: number,
  bonus: number,
): void {
  const seized = Math.min(collateral, (capital * (1 + bonus)) / oraclePrice);
  out.repaid = capital;
  out.seized = seized;
  out.badDebt = 0;
  out.returned = 0;
  out.collateralAfter = collateral - seized;
  out.debtAfter = debt - capital;
  out.closed = false;
}
