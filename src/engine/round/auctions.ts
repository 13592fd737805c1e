import type { Phase } from './context.js';

/** 6. Every running auction is offered once to bidders, who buy what they can resell on the venue at a profit. */
export const auctions: Phase = {
  name: 'auctions',
  run(state, round) {
    const house = state.auctions;
    if (!house) return;
    const sold = house.run(round.round, round.oraclePrice, state.sellingVenue, state.queued, round.capital);
    round.auctionBought = sold.bought;
    round.auctionRaised = sold.raised;
    round.wonForZero = sold.wonForZero;
    round.valueWonForZero = sold.valueWonForZero;
    round.collateralSold = sold.bought;
    round.debtRepaid = sold.debtRepaid;
    round.badDebt = sold.badDebt;
    round.collateralReturned = sold.returned;
    round.penaltyIncome = sold.penaltyIncome;
    // Owed by running auctions, and by positions waiting for room under the hole.
    round.underwaterDebt = house.outstandingDebt + state.book.waitingDebt;
  },
};
