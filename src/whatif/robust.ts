/**
 * Robustness of a history preset's record, and the loop's share of its event. Pure: builds the variants
 * and reads their summaries; running them (on worker threads) is the caller's.
 */
import { formatPct } from '../format.js';
import type { Scenario as Preset, Summary } from '../engine/index.js';
import {
  metricValue,
  parsePath,
  roleOf,
  valueAt,
  withinTolerance,
  type RecordRole,
} from '../presets/index.js';

/** The seeds a robustness run draws the book with: 1 to 10. */
export const ROBUST_SEEDS = Array.from({ length: 10 }, (_, i) => i + 1);
/** Each fitted parameter, and the venues' depth, moved by a fifth either way. */
export const ROBUST_FACTORS = [0.8, 1.2] as const;

/** One rerun of the preset: a seed, a fitted parameter moved, or the depth moved. */
export interface RobustVariant {
  readonly kind: 'seed' | 'fitted' | 'depth';
  /** "seed 3", "liquidators.capital ×0.8", "depth ×1.2". */
  readonly label: string;
  readonly preset: Preset;
}

/** A copy of the preset with the number at `path` multiplied by `factor` (a whole count stays whole). */
export function scaleParameter(preset: Preset, path: string, factor: number): Preset {
  const segments = parsePath(path);
  if (!segments.ok || segments.value.length === 0) throw new Error(`not a parameter path: ${path}`);
  const copy = structuredClone(preset) as Preset;
  const parent = valueAt(copy, segments.value.slice(0, -1)) as Record<string | number, unknown> | undefined;
  const key = segments.value.at(-1)!;
  const value = parent?.[key];
  if (typeof value !== 'number') throw new Error(`${path} is not a number of the preset`);
  const moved = value * factor;
  // A whole number (generate.count, perps.generate.longs, a trade of whole units) stays whole, and keeps its sign.
  parent![key] =
    Number.isInteger(value) && Math.abs(value) >= 2 ? Math.round(moved) || Math.sign(value) : moved;
  return copy;
}

/** A copy with every venue's depth (the main market and the others) multiplied by `factor`. */
export function scaleDepth(preset: Preset, factor: number): Preset {
  return {
    ...preset,
    market: { ...preset.market, depth2pct: preset.market.depth2pct * factor },
    ...(preset.venues
      ? { venues: preset.venues.map((v) => ({ ...v, depth2pct: v.depth2pct * factor })) }
      : {}),
  };
}

/** A copy drawn with another seed: the lending book's and the perpetual book's. */
function reseeded(preset: Preset, seed: number): Preset {
  return {
    ...preset,
    ...(preset.generate ? { generate: { ...preset.generate, seed } } : {}),
    ...(preset.perps?.generate
      ? { perps: { ...preset.perps, generate: { ...preset.perps.generate, seed } } }
      : {}),
  };
}

/** The distinct parameters the record says were fitted, in the record's order. */
export function fittedParameters(preset: Preset): string[] {
  const paths = (preset.record ?? []).flatMap((f) => {
    const { fittedBy } = roleOf(f);
    return fittedBy ? [fittedBy] : [];
  });
  return [...new Set(paths)];
}

/**
 * The reruns `liqloop run --robust` makes: seeds 1–10 (when the preset draws a book), each fitted parameter
 * ×0.8 and ×1.2, and every venue's depth ×0.8 and ×1.2 (once, if depth is itself the fitted parameter).
 */
export function robustVariants(preset: Preset): RobustVariant[] {
  const variants: RobustVariant[] = [];
  if (preset.generate || preset.perps?.generate) {
    for (const seed of ROBUST_SEEDS)
      variants.push({ kind: 'seed', label: `seed ${seed}`, preset: reseeded(preset, seed) });
  }
  const fitted = fittedParameters(preset);
  for (const path of fitted) {
    for (const factor of ROBUST_FACTORS)
      variants.push({
        kind: 'fitted',
        label: `${path} ×${factor}`,
        preset: scaleParameter(preset, path, factor),
      });
  }
  if (!fitted.includes('market.depth2pct') || preset.venues?.length) {
    for (const factor of ROBUST_FACTORS)
      variants.push({ kind: 'depth', label: `depth ×${factor}`, preset: scaleDepth(preset, factor) });
  }
  return variants;
}

/** The range one kind of rerun gives a figure. */
export interface Band {
  readonly label: string;
  readonly min: number;
  readonly max: number;
}

/** A recorded figure with a metric beside its range over the reruns. */
export interface FigureBand {
  readonly figure: string;
  readonly metric: string;
  readonly role?: RecordRole;
  readonly fittedBy?: string;
  readonly recorded: number;
  readonly tolerance: number;
  /** The preset as it is. */
  readonly modelled: number | null;
  /** The lowest and highest over the preset and every rerun. */
  readonly min: number | null;
  readonly max: number | null;
  /** Some rerun leaves the tolerance. */
  readonly fragile: boolean;
  /** The reruns that left the tolerance, by label. */
  readonly outside: readonly string[];
  /** The range over the seeds, over each fitted parameter's two moves, and over the depth's. */
  readonly bands: readonly Band[];
}

/**
 * A band's verdict as words: "robust: within ±t on every rerun"; "FRAGILE: outside ±t with seed 1, …"; or,
 * for a figure the preset itself misses (a documented miss), "a miss: outside ±t on the preset and on every
 * rerun" (or "… and on 3 of 14 reruns").
 */
export function bandVerdict(band: FigureBand, reruns: number): string {
  const tolerance = `±${formatPct(band.tolerance)}`;
  const missed =
    band.modelled === null || Math.abs(band.modelled / band.recorded - 1) > band.tolerance + 1e-12;
  if (missed) {
    const n = band.outside.length;
    const where = n === reruns ? 'every rerun' : `${n} of ${reruns} reruns`;
    return `a miss: outside ${tolerance} on the preset and on ${where}`;
  }
  return band.fragile
    ? `FRAGILE: outside ${tolerance} with ${band.outside.join(', ')}`
    : `robust: within ${tolerance} on every rerun`;
}

/** The group a rerun's label belongs to in the bands: "seeds 1–10", "liquidators.capital ±20%", "depth ±20%". */
function groupOf(variant: RobustVariant): string {
  if (variant.kind === 'seed') return `seeds ${ROBUST_SEEDS[0]}–${ROBUST_SEEDS.at(-1)}`;
  return `${variant.label.replace(/ ×[\d.]+$/, '')} ±20%`;
}

/** Each figure of the record that has a metric, with its range over the reruns and whether it is fragile. */
export function figureBands(
  preset: Preset,
  base: Summary,
  variants: readonly RobustVariant[],
  summaries: readonly Summary[],
): FigureBand[] {
  return (preset.record ?? []).flatMap((figure) => {
    if (figure.metric === undefined || typeof figure.recorded !== 'number') return [];
    const metric = figure.metric;
    const modelled = metricValue(base, metric);
    const values = summaries.map((s) => metricValue(s, metric));
    const all = [modelled, ...values].filter((v): v is number => v !== null);
    const outside = variants.flatMap((v, i) => {
      const value = values[i];
      return value === null || value === undefined || !withinTolerance(figure, value) ? [v.label] : [];
    });
    const groups = new Map<string, number[]>();
    variants.forEach((v, i) => {
      const value = values[i];
      if (value === null || value === undefined) return;
      const key = groupOf(v);
      groups.set(key, [...(groups.get(key) ?? []), value]);
    });
    const { role, fittedBy } = roleOf(figure);
    return [
      {
        figure: figure.figure,
        metric,
        ...(role !== undefined ? { role } : {}),
        ...(fittedBy !== undefined ? { fittedBy } : {}),
        recorded: figure.recorded,
        tolerance: figure.tolerance ?? 0,
        modelled,
        min: all.length ? Math.min(...all) : null,
        max: all.length ? Math.max(...all) : null,
        fragile: outside.length > 0,
        outside,
        bands: [...groups].map(([label, vs]) => ({ label, min: Math.min(...vs), max: Math.max(...vs) })),
      },
    ];
  });
}
