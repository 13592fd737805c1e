/**
 * The loop's share of an event: the preset beside its twin whose sale venue is so deep that the
 * liquidations' own sales move nothing. Pure.
 */
import type { CascadeRun, Scenario as Preset, Summary } from '../engine/index.js';
import { summarize } from '../engine/index.js';
import { formatChange, formatPct } from '../format.js';

/** How much deeper the sale venue is made in the twin without the loop. */
export const NO_LOOP_DEPTH = 1e4;

/**
 * Debt of the loans still open and under water at the end, less their collateral at the venue's last price:
 * the summary's `shortfall` (src/engine/metrics.ts), which values them at what selling would fetch.
 */
export function shortfallOf(run: CascadeRun): number {
  return summarize(run).shortfall;
}

/**
 * The twin without the loop: the venue the seized collateral is sold on made NO_LOOP_DEPTH times as deep.
 * An attacker trading on that venue trades as many times more, so its own push on the price is the same.
 */
export function noLoopTwin(preset: Preset): Preset {
  const main = preset.market.name ?? 'main';
  const sale = preset.liquidation.sellOn ?? main;
  const deeper = <V extends { depth2pct: number }>(v: V): V => ({
    ...v,
    depth2pct: v.depth2pct * NO_LOOP_DEPTH,
  });
  const attacker = preset.attacker;
  return {
    ...preset,
    market: sale === main ? deeper(preset.market) : preset.market,
    ...(preset.venues ? { venues: preset.venues.map((v) => (v.name === sale ? deeper(v) : v)) } : {}),
    ...(attacker && (attacker.venue ?? main) === sale
      ? { attacker: { ...attacker, trade: attacker.trade * NO_LOOP_DEPTH } }
      : {}),
  };
}

/** What the loop's share is measured on. */
export interface LoopFigures {
  /** 1 − the venue's low / its start: the deepest fall. */
  readonly drawdown: number;
  readonly positionsLiquidated: number;
  /** Debt repaid by lending liquidations plus the notional of perpetual ones. */
  readonly liquidated: number;
  /** Bad debt, the shortfall of loans left under water, and the perpetuals' losses past their margin. */
  readonly losses: number;
}

export function loopFigures(summary: Summary, shortfall: number): LoopFigures {
  return {
    drawdown: 1 - summary.minPrice / summary.initialPrice,
    positionsLiquidated: summary.positionsLiquidated,
    liquidated: summary.debtRepaid + summary.perpLiquidatedNotional,
    losses: summary.badDebt + shortfall + summary.fundDrawn + summary.adlCovered + summary.uncoveredLoss,
  };
}

/** The preset with the loop and without it, and the share of each figure the loop produced. */
export interface LoopShare {
  readonly withLoop: LoopFigures;
  readonly withoutLoop: LoopFigures;
  /**
   * (with − without) / max(with, without) for each figure, in [−1, 1]: where the loop adds, the share of the
   * preset's figure it produced; where the twin's figure is larger (the loop prevents some of it, as when a
   * thin venue makes a liquidation unprofitable that a deep one would pay for), minus the share of the twin's
   * figure the loop prevents. null where both are 0.
   */
  readonly share: { readonly [K in keyof LoopFigures]: number | null };
}

export function loopShare(withLoop: LoopFigures, withoutLoop: LoopFigures): LoopShare {
  const part = (k: keyof LoopFigures) => {
    const scale = Math.max(Math.abs(withLoop[k]), Math.abs(withoutLoop[k]));
    return scale === 0 ? null : (withLoop[k] - withoutLoop[k]) / scale;
  };
  return {
    withLoop,
    withoutLoop,
    share: {
      drawdown: part('drawdown'),
      positionsLiquidated: part('positionsLiquidated'),
      liquidated: part('liquidated'),
      losses: part('losses'),
    },
  };
}

/** What the twin does more of, where the loop prevents some of a figure. */
const MORE: { readonly [K in keyof LoopFigures]: string } = {
  drawdown: 'falls further',
  positionsLiquidated: 'liquidates more',
  liquidated: 'liquidates more',
  losses: 'loses more',
};

/**
 * A share as words: "+13.8%" where the loop adds, "±0.0%" where it changes nothing, "—" where both are 0,
 * and, where the twin's figure is larger, "n/a: the deep venue liquidates more (the loop prevents 99.3%)".
 */
export function describeShare(key: keyof LoopFigures, share: number | null): string {
  if (share === null) return '—';
  // A change formatChange shows as ±0.0% is no change at all.
  if (share > -5e-7) return formatChange(share);
  return `n/a: the deep venue ${MORE[key]} (the loop prevents ${formatPct(-share)})`;
}
