import { amount, defaulted, share, toggle, type Param } from './param-lever.js';
import { additive, optional } from './param-steps.js';

const isAuction: Param['when'] = (p) => p.liquidation.mechanism === 'auction';

/** The auction levers (mechanism "auction"): Black Thursday's zero bids and Maker's Dog and Clipper options. */
export const AUCTION_PARAMS: readonly Param[] = [
  toggle('liquidation.auction.zeroBids', 'zero bids win idle auctions', { when: isAuction }),
  defaulted('liquidation.auction.accounting', 'auction accounting', ['pro-rata', 'maker'], 'pro-rata', {
    when: isAuction,
  }),
  amount('liquidation.auction.hole', 'hole (most tab in auction)', 1e6, { when: isAuction, unit: 'quote' }),
  amount('liquidation.auction.tip', 'keeper tip per kick', 100, {
    when: isAuction,
    unit: 'quote',
    sweep: (v) => [0, Math.max(10 * (v ?? 0), 1000)],
  }),
  share(
    'liquidation.auction.chip',
    'keeper chip (share of tab)',
    optional(0.001, additive(0.001, 0.001, 0.1), 0.001),
    () => [0, 0.02],
    { when: isAuction },
  ),
  amount('liquidation.auction.dust', 'dust (least auction debt)', 1000, {
    when: isAuction,
    unit: 'quote',
    sweep: (v) => [0, Math.max(10 * (v ?? 0), 10000)],
  }),
];
