/** The engine's input: a fully validated scenario with every default filled in. */
import type {
  AttackerSpec,
  GenerateSpec,
  LiquidationSpec,
  LiquidatorsSpec,
  PositionSpec,
} from './lending.js';
import type { MarketSpec, OracleSpec, PricePathSpec, VenueSpec } from './market.js';
import type { PerpsSpec } from './perps.js';

/**
 * One figure from the historical record: either matched by a summary metric within a relative tolerance
 * (`metric`, `tolerance`, a numeric `recorded`), or `unmatched` with the reason.
 */
export interface RecordFigure {
  /** What the figure is, in words ("DAI deficit"). */
  readonly figure: string;
  /** The recorded value: a number in the preset's quote (or the metric's unit), or words. */
  readonly recorded: number | string;
  /** A summary field ("badDebt", "attack.borrowed", "perpLongShare", …). */
  readonly metric?: string;
  /** Relative: 0.15 accepts a modelled value within ±15% of the recorded one. */
  readonly tolerance?: number;
  /** Why the preset does not reproduce this figure. */
  readonly unmatched?: string;
  readonly source?: string;
}

export interface Scenario {
  readonly name: string;
  readonly description: string;
  /** A historical event replayed, or a lesson isolating one lever (presentation only). */
  readonly kind?: 'history' | 'lesson';
  /** The day a history preset's event began, YYYY-MM-DD (presentation only: the library's order). */
  readonly date?: string;
  /** The lesson set (twins, a trio) a preset belongs to (presentation only). */
  readonly group?: string;
  /** Where a preset's figures come from (presentation only). */
  readonly sources?: readonly string[];
  /** A history preset's figures from the record, each matched by a summary metric or said plainly to be unmatched (presentation and tests only). */
  readonly record?: readonly RecordFigure[];
  readonly asset: { readonly symbol: string; readonly quote: string; readonly price: number };
  readonly market: MarketSpec;
  readonly oracle: OracleSpec;
  readonly liquidation: LiquidationSpec;
  readonly shock: { readonly pct: number };
  readonly positions: readonly PositionSpec[];
  readonly generate?: GenerateSpec;
  /** The most rounds to run. */
  readonly rounds: number;
  /** Venues beside `market`. */
  readonly venues?: readonly VenueSpec[];
  /** Each round, arbitrage closes this fraction of the price gaps between venues. */
  readonly arbitrage?: { readonly rate: number };
  readonly liquidators?: LiquidatorsSpec;
  /** An external price path the venues follow by arbitrage (a historical day replayed). */
  readonly path?: PricePathSpec;
  /** Perpetual futures beside the lending positions. */
  readonly perps?: PerpsSpec;
  /** A manipulator who moves a venue's price and borrows against the oracle's reading of it. */
  readonly attacker?: AttackerSpec;
}
