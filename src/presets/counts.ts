import type { Preset } from './schema/index.js';

/** What `liqloop validate` says of a valid preset: its name and how many loans and perpetuals it holds. */
export interface PresetCounts {
  readonly name: string;
  /** Loans, listed and generated. */
  readonly positions: number;
  /** Perpetuals, listed and generated (longs and shorts). */
  readonly perpetuals: number;
}

export function presetCounts(p: Preset): PresetCounts {
  return {
    name: p.name,
    positions: p.positions.length + (p.generate?.count ?? 0),
    perpetuals:
      (p.perps?.positions.length ?? 0) +
      (p.perps?.generate ? p.perps.generate.longs + p.perps.generate.shorts : 0),
  };
}
