/** Every lever of the what-if panel, in the panel's order; the levers of each part live beside it. */
import { hasLending, type Scenario } from '../engine/index.js';
import { valueAt, type Param } from './param-lever.js';
import { LIQUIDATION_PARAMS, LIQUIDATOR_PARAMS } from './params-liquidation.js';
import { MARKET_PARAMS, ORACLE_PARAMS } from './params-market.js';
import { PERPS_PARAMS } from './params-perps.js';

export { valueAt, valueText, type Param } from './param-lever.js';
export { setValues, stepParam, typeParam, type Change } from './param-change.js';

export const PARAMS: readonly Param[] = [
  ...MARKET_PARAMS,
  ...ORACLE_PARAMS,
  ...LIQUIDATION_PARAMS,
  ...LIQUIDATOR_PARAMS,
  ...PERPS_PARAMS,
];

/** The levers that act only on lending positions: how they are liquidated, and by whom. */
const LENDING_LEVERS: ReadonlySet<Param> = new Set([...LIQUIDATION_PARAMS, ...LIQUIDATOR_PARAMS]);

/** Whether a preset has a lending book: without one the liquidation and liquidator levers change nothing. */
export { hasLending };

/** The parameters shown for a draft: those that act on it (some only make sense for one model). */
export function visibleParams(preset: Scenario): Param[] {
  const lending = hasLending(preset);
  return PARAMS.filter((p) => (lending || !LENDING_LEVERS.has(p)) && (!p.when || p.when(preset)));
}

/** The levers whose value differs between two presets, in the panel's order. */
export function changedParams(before: Scenario, after: Scenario): Param[] {
  return PARAMS.filter(
    (p) => JSON.stringify(valueAt(before, p.path)) !== JSON.stringify(valueAt(after, p.path)),
  );
}
