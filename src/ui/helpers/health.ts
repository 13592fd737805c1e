import { formatHealth } from '../../format.js';
import type { PositionsView } from '../../engine/index.js';

export interface NearPosition {
  readonly index: number;
  readonly id: string;
  readonly healthFactor: number;
  /** A lending position, or a perpetual long or short. */
  readonly kind: 'loan' | 'long' | 'short';
}

export interface HealthBand {
  readonly label: string;
  /** Lower bound (inclusive) and upper bound (exclusive) of the band's health factors. */
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

export interface HealthSnapshot {
  /** The open positions nearest liquidation, lowest health first. */
  readonly nearest: readonly NearPosition[];
  readonly bands: readonly HealthBand[];
  readonly open: number;
  /** Open positions with no debt left (never liquidatable). */
  readonly debtFree: number;
  /** What open positions owe beyond their collateral's value at the price: a loss nobody has taken yet. */
  readonly underWater: number;
  /** The highest price below this one at which an open loan becomes liquidatable (none: undefined). */
  readonly nextLiquidationPrice?: number;
}

/** Health-factor bands of the histogram; the first is under water. */
export const BAND_EDGES = [0, 1, 1.05, 1.1, 1.25, 1.5, 2, Infinity] as const;

function bandLabel(from: number, to: number): string {
  if (from === 0) return `< ${formatHealth(to)}`;
  if (to === Infinity) return `≥ ${formatHealth(from)}`;
  return `${formatHealth(from)}–${formatHealth(to)}`;
}

/**
 * One pass over the open positions at `price`: the `k` nearest liquidation and the count per health band.
 * O(n) for the bands; the nearest list costs O(k) only for positions that beat the current k-th.
 */
export function healthSnapshot(view: PositionsView, price: number, k: number): HealthSnapshot {
  const edges = BAND_EDGES;
  const counts = new Array<number>(edges.length - 1).fill(0);
  const nearestHf: number[] = [];
  const nearestIndex: number[] = [];
  let open = 0;
  let debtFree = 0;
  let underWater = 0;
  let nearestSafeHf = Infinity;
  /** Counts a position's health in its band and keeps it if it is among the k nearest liquidation. */
  const tally = (index: number, hf: number) => {
    let band = 0;
    while (band < counts.length - 1 && hf >= edges[band + 1]!) band++;
    counts[band]!++;
    if (k > 0 && (nearestHf.length < k || hf < nearestHf[nearestHf.length - 1]!)) {
      let at = nearestHf.length;
      while (at > 0 && nearestHf[at - 1]! > hf) at--;
      nearestHf.splice(at, 0, hf);
      nearestIndex.splice(at, 0, index);
      if (nearestHf.length > k) {
        nearestHf.pop();
        nearestIndex.pop();
      }
    }
  };
  const { collateral, debt, threshold } = view;
  for (let i = 0; i < view.count; i++) {
    if (!view.open[i]) continue;
    open++;
    if (debt[i]! <= 0) {
      debtFree++;
      continue;
    }
    const value = collateral[i]! * price;
    if (debt[i]! > value) underWater += debt[i]! - value;
    const hf = (value * threshold[i]!) / debt[i]!;
    if (hf >= 1 && hf < nearestSafeHf) nearestSafeHf = hf;
    tally(i, hf);
  }
  // Perpetuals: health is equity over the maintenance requirement, so that 1 is the liquidation line too.
  const perps = view.perps;
  const perpStart = view.count;
  if (perps) {
    for (let j = 0; j < perps.count; j++) {
      const size = perps.size[j]!;
      if (!(size > 0)) continue;
      open++;
      const direction = perps.long[j] ? 1 : -1;
      const equity = perps.margin[j]! + direction * size * (price - perps.entry[j]!);
      if (equity < 0) underWater -= equity;
      tally(perpStart + j, equity / (perps.maintenance[j]! * size * price));
    }
  }
  return {
    nearest: nearestIndex.map((index, j) => {
      if (index < perpStart)
        return { index, id: view.id(index), healthFactor: nearestHf[j]!, kind: 'loan' as const };
      const p = index - perpStart;
      return {
        index,
        id: perps!.id(p),
        healthFactor: nearestHf[j]!,
        kind: perps!.long[p] ? ('long' as const) : ('short' as const),
      };
    }),
    bands: counts.map((count, b) => ({
      label: bandLabel(edges[b]!, edges[b + 1]!),
      from: edges[b]!,
      to: edges[b + 1]!,
      count,
    })),
    open,
    debtFree,
    underWater,
    // A loan's health is proportional to the price, so it reaches 1 at price / HF.
    nextLiquidationPrice: Number.isFinite(nearestSafeHf) ? price / nearestSafeHf : undefined,
  };
}

/** Health factor shown on a bar's scale, from 0 to this. */
export const BAR_SCALE_MAX = 2;

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/**
 * A health bar of `width` cells on a 0…2 health-factor scale, drawn in eighths of a cell so that 1.00 and
 * 1.02 differ, with the liquidation line (HF = 1) drawn as `│` (or `┃` under the fill) so that it reads
 * without colour.
 */
export function healthBar(healthFactor: number, width: number): string {
  // The line takes a column of its own, so that a partial cell next to it is never drawn over.
  // An even number of cells puts HF = 1 exactly on a cell boundary (the scale is 0…2).
  const cells = (width - 1) & ~1;
  const line = cells / BAR_SCALE_MAX;
  const eighths = Math.max(0, Math.min(cells * 8, Math.round((healthFactor / BAR_SCALE_MAX) * cells * 8)));
  const full = Math.floor(eighths / 8);
  let out = '';
  for (let c = 0; c < cells; c++) {
    if (c === line) out += full > line ? '┃' : '│';
    if (c < full) out += '█';
    else if (c === full && eighths % 8 > 0) out += EIGHTHS[eighths % 8];
    else out += ' ';
  }
  return out.padEnd(width);
}

/** A histogram bar: proportional to the largest band, at least one cell for a non-empty band. */
export function countBar(count: number, largest: number, width: number): string {
  if (count <= 0 || largest <= 0) return '';
  return '█'.repeat(Math.max(1, Math.round((count / largest) * width)));
}

/** The band tone: under water, close, or comfortable. */
export function healthTone(healthFactor: number): 'danger' | 'warning' | 'safe' {
  if (healthFactor < 1) return 'danger';
  if (healthFactor < 1.1) return 'warning';
  return 'safe';
}
