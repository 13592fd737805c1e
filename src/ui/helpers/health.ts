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

/** The band a health factor falls in: the last whose lower edge it reaches (NaN: the first). */
export function bandOf(hf: number): number {
  let band = 0;
  while (band < BAND_EDGES.length - 2 && hf >= BAND_EDGES[band + 1]!) band++;
  return band;
}

/**
 * The `k` positions nearest liquidation, lowest health first and, at equal health, lowest index first:
 * offered in any order, it keeps what one pass in index order keeps.
 */
export class NearestList {
  readonly hf: number[] = [];
  readonly index: number[] = [];
  constructor(readonly k: number) {}

  /** The health a position must be under (or equal to, with a lower index) to enter the list. */
  get bar(): number {
    return this.hf.length < this.k ? Infinity : this.hf[this.k - 1]!;
  }

  offer(index: number, hf: number): void {
    const { hf: hfs, index: indices, k } = this;
    if (k <= 0) return;
    let at = hfs.length;
    if (at === k && !(hf < hfs[at - 1]! || (hf === hfs[at - 1]! && index < indices[at - 1]!))) return;
    while (at > 0 && (hfs[at - 1]! > hf || (hfs[at - 1]! === hf && indices[at - 1]! > index))) at--;
    hfs.splice(at, 0, hf);
    indices.splice(at, 0, index);
    if (hfs.length > k) {
      hfs.pop();
      indices.pop();
    }
  }
}

/** What a health pass counted, before it is labelled for the panel. */
export interface HealthTally {
  readonly nearest: NearestList;
  readonly counts: readonly number[];
  readonly open: number;
  readonly debtFree: number;
  readonly underWater: number;
  readonly nearestSafeHf: number;
}

/** The snapshot of a tally: ids and kinds of the nearest positions, labelled bands, next liquidation price. */
export function snapshotOf(view: PositionsView, price: number, tally: HealthTally): HealthSnapshot {
  const edges = BAND_EDGES;
  const perps = view.perps;
  const perpStart = view.count;
  const { nearest } = tally;
  return {
    nearest: nearest.index.map((index, j) => {
      if (index < perpStart)
        return { index, id: view.id(index), healthFactor: nearest.hf[j]!, kind: 'loan' as const };
      const p = index - perpStart;
      return {
        index,
        id: perps!.id(p),
        healthFactor: nearest.hf[j]!,
        kind: perps!.long[p] ? ('long' as const) : ('short' as const),
      };
    }),
    bands: tally.counts.map((count, b) => ({
      label: bandLabel(edges[b]!, edges[b + 1]!),
      from: edges[b]!,
      to: edges[b + 1]!,
      count,
    })),
    open: tally.open,
    debtFree: tally.debtFree,
    underWater: tally.underWater,
    // A loan's health is proportional to the price, so it reaches 1 at price / HF.
    nextLiquidationPrice: Number.isFinite(tally.nearestSafeHf) ? price / tally.nearestSafeHf : undefined,
  };
}

/**
 * One pass over the open positions at `price`: the `k` nearest liquidation and the count per health band.
 * O(n); the dashboard reads lending books through `HealthIndex` (health-index.ts), which gives the same
 * snapshot from the positions a round changed, and uses this for perpetuals and as the reference.
 */
export function healthSnapshot(view: PositionsView, price: number, k: number): HealthSnapshot {
  const counts = new Array<number>(BAND_EDGES.length - 1).fill(0);
  const nearest = new NearestList(k);
  let open = 0;
  let debtFree = 0;
  let underWater = 0;
  let nearestSafeHf = Infinity;
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
    counts[bandOf(hf)]!++;
    nearest.offer(i, hf);
  }
  // Perpetuals: health is equity over the maintenance requirement, so that 1 is the liquidation line too.
  const perps = view.perps;
  const perpStart = view.count;
  if (perps) {
    const { maintenance } = perps;
    for (let j = 0; j < perps.count; j++) {
      const size = perps.size[j]!;
      if (!(size > 0)) continue;
      open++;
      const direction = perps.long[j] ? 1 : -1;
      const equity = perps.margin[j]! + direction * size * (price - perps.entry[j]!);
      if (equity < 0) underWater -= equity;
      const hf = equity / (maintenance[j]! * size * price);
      counts[bandOf(hf)]!++;
      nearest.offer(perpStart + j, hf);
    }
  }
  return snapshotOf(view, price, { nearest, counts, open, debtFree, underWater, nearestSafeHf });
}

/** Health factor shown on a bar's scale, from 0 to this. */
export const BAR_SCALE_MAX = 2;

/** The liquidation line (HF = 1) across every health bar. */
export const LIQUIDATION_LINE = '┃';

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/**
 * A health bar of `width` cells on a 0…2 health-factor scale, drawn in eighths of a cell so that 1.00 and
 * 1.02 differ, with the liquidation line (HF = 1) drawn as `LIQUIDATION_LINE` (one glyph, under the fill
 * or not, named on the panel's scale row) so that it reads without colour.
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
    if (c === line) out += LIQUIDATION_LINE;
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
