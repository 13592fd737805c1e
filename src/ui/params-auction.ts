import type { Param } from './params.js';
import { additive, multiplicative, num, optional, pct } from './param-steps.js';

const isAuction: Param['when'] = (p) => p.liquidation.mechanism === 'auction';

/** The auction levers (mechanism "auction"): Black Thursday's zero bids and Maker's Dog and Clipper options. */
export const AUCTION_PARAMS: readonly Param[] = [
  {
    path: 'liquidation.auction.zeroBids',
    label: 'zero bids win idle auctions',
    kind: 'toggle',
    format: (v) => (v ? 'yes' : 'no'),
    when: isAuction,
  },
  {
    path: 'liquidation.auction.accounting',
    label: 'auction accounting',
    kind: 'choice',
    choices: ['pro-rata', 'maker'],
    format: (v) => (v === undefined ? 'pro-rata' : String(v)),
    read: (p) => p.liquidation.auction?.accounting ?? 'pro-rata',
    when: isAuction,
  },
  {
    path: 'liquidation.auction.hole',
    label: 'hole (most tab in auction)',
    kind: 'number',
    step: optional(1e6, multiplicative(1.5), 1),
    format: num,
    when: isAuction,
    sweep: (v) => [(v ?? 1e6) / 10, (v ?? 1e6) * 10],
  },
  {
    path: 'liquidation.auction.tip',
    label: 'keeper tip per kick',
    kind: 'number',
    step: optional(100, multiplicative(1.5), 1),
    format: num,
    when: isAuction,
    sweep: (v) => [0, Math.max(10 * (v ?? 0), 1000)],
  },
  {
    path: 'liquidation.auction.chip',
    label: 'keeper chip (share of tab)',
    kind: 'number',
    step: optional(0.001, additive(0.001, 0.001, 0.1), 0.001),
    format: pct,
    when: isAuction,
    sweep: () => [0, 0.02],
  },
  {
    path: 'liquidation.auction.dust',
    label: 'dust (least auction debt)',
    kind: 'number',
    step: optional(1000, multiplicative(1.5), 1),
    format: num,
    when: isAuction,
    sweep: (v) => [0, Math.max(10 * (v ?? 0), 10000)],
  },
];
