import type { Scenario } from '../engine/index.js';
import { choice, defaulted, plain, share, type Param } from './param-lever.js';
import { additive, clamp, count, multiplicative, optional } from './param-steps.js';

/** Every venue's name, the main one first. */
const venueNames = (p: Scenario) => [p.market.name ?? 'main', ...(p.venues ?? []).map((v) => v.name)];
const MEDIAN_OF_ALL = 'median of all venues';
const isTwap: Param['when'] = (p) => p.oracle.model === 'twap';

/** The shock and the main venue's levers. */
export const MARKET_PARAMS: readonly Param[] = [
  share('shock.pct', 'shock size', additive(0.01, 0, 0.95), (v) => [
    0.01,
    clamp(Math.max(0.3, 2.5 * (v ?? 0.1)), 0.05, 0.9),
  ]),
  plain(
    'market.depth2pct',
    'market depth (±2%)',
    multiplicative(1.25),
    (v) => [(v ?? 1e6) / 10, (v ?? 1e6) * 3],
    { unit: 'quote' },
  ),
  choice('market.model', 'market model', ['constant-product', 'orderbook']),
  share('market.recovery', 'recovery per round', additive(0.05, 0, 1), () => [0, 1]),
];

/** The oracle's levers: its model (and that model's fields), the venues it reads, its floor and breaker. */
export const ORACLE_PARAMS: readonly Param[] = [
  choice('oracle.model', 'oracle model', ['spot', 'twap', 'lagged', 'feed'], {
    rebuild: (preset, chosen) => {
      const { venues, maxChange, floor } = preset.oracle;
      const common = {
        ...(venues ? { venues } : {}),
        ...(maxChange !== undefined ? { maxChange } : {}),
        ...(floor !== undefined ? { floor } : {}),
      };
      const model =
        chosen === 'twap'
          ? { window: 5 }
          : chosen === 'lagged'
            ? { delay: 2 }
            : chosen === 'feed'
              ? { deviation: 0.02, heartbeat: 5 }
              : {};
      return [['oracle', { model: chosen, ...model, ...common }]];
    },
  }),
  {
    path: 'oracle.venues',
    label: 'oracle reads',
    kind: 'choice',
    when: (p) => (p.venues?.length ?? 0) > 0,
    choicesFor: (p) => [...venueNames(p), MEDIAN_OF_ALL],
    read: (p) => {
      const read = p.oracle.venues ?? [venueNames(p)[0]!];
      if (read.length === 1) return read[0]!;
      return read.length === venueNames(p).length ? MEDIAN_OF_ALL : `median of ${read.join(', ')}`;
    },
    format: (v) =>
      Array.isArray(v) ? (v.length === 1 ? String(v[0]) : `median of ${v.join(', ')}`) : 'main venue',
    rebuild: (preset, chosen) => [
      ['oracle.venues', chosen === MEDIAN_OF_ALL ? venueNames(preset) : [chosen]],
    ],
  },
  plain(
    'oracle.floor',
    'oracle floor',
    // Relative steps to six significant figures, so that a floor of 1e-7 steps as well as one of 1,000.
    (v, dir) => Number(((v ?? 1) * (dir > 0 ? 1.25 : 0.8)).toPrecision(6)),
    (v) => [(v ?? 1) / 10, (v ?? 1) * 3],
    { when: (p) => p.oracle.floor !== undefined, unit: 'quote' },
  ),
  plain('oracle.window', 'TWAP window (rounds)', additive(1, 1, 1000), () => [1, 30], {
    when: isTwap,
    format: count,
  }),
  defaulted('oracle.sampling', 'TWAP samples', ['start', 'time-weighted'], 'start', { when: isTwap }),
  defaulted('oracle.mean', 'TWAP mean', ['arithmetic', 'geometric'], 'arithmetic', { when: isTwap }),
  plain('oracle.delay', 'oracle delay (rounds)', additive(1, 0, 1000), () => [0, 10], {
    when: (p) => p.oracle.model === 'lagged',
    format: count,
  }),
  share('oracle.maxChange', 'circuit breaker', optional(0.05, additive(0.01, 0.01, 0.99), 0.01), () => [
    0.01, 0.3,
  ]),
];
