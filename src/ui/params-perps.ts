import { amount, defaulted, plain, share, type Param } from './param-lever.js';
import { additive, round } from './param-steps.js';

const hasPerps: Param['when'] = (p) => p.perps !== undefined;

/** The perpetuals' levers: the fund, fills, the ADL policy and the backstop vault. */
export const PERPS_PARAMS: readonly Param[] = [
  plain(
    'perps.insuranceFund',
    'insurance fund',
    (v, dir) => (dir > 0 ? (v ? round(v * 2, 6) : 1e6) : v && v > 1e6 ? round(v / 2, 6) : 0),
    (v) => [0, Math.max(3 * (v ?? 0), 1e7)],
    { when: hasPerps, unit: 'quote' },
  ),
  // Absent means oracle fills (the old model): the lever shows it as such.
  defaulted('perps.fill', 'perpetual fills', ['venue', 'oracle'], 'oracle', { when: hasPerps }),
  defaulted('perps.adlRank', 'ADL ranking', ['pnl-margin', 'hyperliquid', 'pro-rata'], 'pnl-margin', {
    when: hasPerps,
  }),
  amount('perps.backstop.capital', 'backstop vault capital', 1e6, {
    factor: 2,
    when: hasPerps,
    unit: 'quote',
    sweep: (v) => [0, Math.max(3 * (v ?? 0), 1e7)],
    within: {
      path: 'perps.backstop',
      on: [
        ['perps.backstop.unwind', 0.1],
        ['perps.backstop.below', 2 / 3],
      ],
    },
  }),
  share('perps.backstop.unwind', 'backstop unwind per round', additive(0.05, 0, 1), () => [0, 1], {
    when: (p) => p.perps?.backstop !== undefined,
  }),
];
