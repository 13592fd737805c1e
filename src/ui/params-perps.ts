import type { Param } from './params.js';
import { additive, multiplicative, num, optional, pct, round, text } from './param-steps.js';

/** The perpetuals' levers: the fund, fills, the ADL policy and the backstop vault. */
export const PERPS_PARAMS: readonly Param[] = [
  {
    path: 'perps.insuranceFund',
    label: 'insurance fund',
    kind: 'number',
    step: (v, dir) => (dir > 0 ? (v ? round(v * 2, 6) : 1e6) : v && v > 1e6 ? round(v / 2, 6) : 0),
    format: num,
    when: (p) => p.perps !== undefined,
    sweep: (v) => [0, Math.max(3 * (v ?? 0), 1e7)],
  },
  {
    path: 'perps.fill',
    label: 'perpetual fills',
    kind: 'choice',
    choices: ['venue', 'oracle'],
    // Absent means oracle fills (the old model): the lever shows it as such.
    read: (p) => p.perps?.fill ?? 'oracle',
    format: text,
    when: (p) => p.perps !== undefined,
  },
  {
    path: 'perps.adlRank',
    label: 'ADL ranking',
    kind: 'choice',
    choices: ['pnl-margin', 'hyperliquid', 'pro-rata'],
    read: (p) => p.perps?.adlRank ?? 'pnl-margin',
    format: text,
    when: (p) => p.perps !== undefined,
  },
  {
    path: 'perps.backstop.capital',
    label: 'backstop vault capital',
    kind: 'number',
    step: optional(1e6, multiplicative(2), 1),
    format: num,
    when: (p) => p.perps !== undefined,
    sweep: (v) => [0, Math.max(3 * (v ?? 0), 1e7)],
    within: {
      path: 'perps.backstop',
      on: [
        ['perps.backstop.unwind', 0.1],
        ['perps.backstop.below', 2 / 3],
      ],
    },
  },
  {
    path: 'perps.backstop.unwind',
    label: 'backstop unwind per round',
    kind: 'number',
    step: additive(0.05, 0, 1),
    format: pct,
    when: (p) => p.perps?.backstop !== undefined,
    sweep: () => [0, 1],
  },
];
