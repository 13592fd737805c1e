import type { Phase } from './context.js';

/** 3. The attacker trades on its venue in its round (and reverses it in the unwind round), so that the oracle reads the price it made. */
export const attackTrade: Phase = {
  name: 'attack',
  run(state, { round }) {
    const attacker = state.scenario.attacker;
    if (!attacker) return;
    const trade =
      round === attacker.round ? attacker.trade : round === attacker.unwindRound ? -state.attackerHeld : 0;
    if (trade === 0) return;
    const venue = state.venues[state.attackerVenue]!;
    if (trade > 0) {
      const bought = venue.buy(trade);
      state.venues[state.attackerVenue] = bought.venue;
      state.attack.cost += bought.cost;
    } else {
      const sold = venue.sell(-trade);
      state.venues[state.attackerVenue] = sold.venue;
      state.attack.cost -= sold.proceeds;
    }
    state.attackerHeld += trade;
  },
};

/** 4'. In its borrow round the attacker borrows against its collateral at the oracle's price, just under the limit. */
export const attackLoan: Phase = {
  name: 'attack loan',
  run(state, { round, oraclePrice }) {
    const attacker = state.scenario.attacker;
    if (!attacker || round !== (attacker.borrowRound ?? attacker.round)) return;
    const amount = attacker.collateral * oraclePrice * state.scenario.liquidation.threshold * (1 - 1e-9);
    state.book.borrow(state.book.count - 1, amount);
    state.attack.borrowed += amount;
  },
};
