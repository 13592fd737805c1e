import { amount, choice, share, toggle, type Param } from './param-lever.js';
import { additive } from './param-steps.js';
import { AUCTION_PARAMS } from './params-auction.js';

const hasCapital: Param['when'] = (p) => p.liquidators?.capital !== undefined;

/** How positions are liquidated: the mechanism and its fields, the bonus, the threshold, the sale cap. */
export const LIQUIDATION_PARAMS: readonly Param[] = [
  choice('liquidation.mechanism', 'mechanism', ['full', 'partial', 'auction'], {
    companions: (chosen) =>
      chosen === 'partial'
        ? [['liquidation.closeFactor', 0.5]]
        : chosen === 'auction'
          ? [['liquidation.auction', { startAbove: 1.2, decay: 0.9, tail: 20, cusp: 0.5 }]]
          : [],
  }),
  share('liquidation.closeFactor', 'close factor', additive(0.05, 0.05, 1), () => [0.1, 1], {
    when: (p) => p.liquidation.mechanism === 'partial',
  }),
  ...AUCTION_PARAMS,
  share('liquidation.bonus', 'bonus', additive(0.01, 0, 1), () => [0, 0.2]),
  share('liquidation.threshold', 'liquidation threshold', additive(0.01, 0.01, 1), () => [0.5, 0.95]),
  amount('liquidation.maxSellPerRound', 'sale cap per round', 1000, { unit: 'asset' }),
];

/** What limits the liquidators: their capital, profit, gas, and how capital is spent. */
export const LIQUIDATOR_PARAMS: readonly Param[] = [
  amount('liquidators.capital', 'liquidator capital', 1e6, { unit: 'quote' }),
  toggle('liquidators.requireProfit', 'liquidators need profit'),
  amount('liquidators.gasCost', 'gas per liquidation', 10, {
    factor: 2,
    lowest: 0.01,
    unit: 'quote',
    sweep: (v) => [0, Math.max(10 * (v ?? 10), 100)],
  }),
  toggle('liquidators.partialFills', 'fill partly when short', { when: hasCapital }),
  toggle('liquidators.recycle', 'recycle sale proceeds', { when: hasCapital }),
];
