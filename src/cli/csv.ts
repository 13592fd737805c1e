import { MAIN_VENUE } from '../engine/index.js';
import type { Preset } from '../presets/index.js';
import { toCsv } from './out.js';

/**
 * The CSV forms of the JSON output: one plain value per cell. Nested objects are flattened into dotted
 * columns (`attack.cost`), the venue prices get a column per venue (`venuePrice.main`), and a field that
 * does not apply to the preset (a perpetual figure without perpetuals) is an empty cell, not 0. Columns
 * come from the data, so a field added to the JSON appears in the CSV without a change here.
 */

type Row = Record<string, unknown>;

/** The venues in the order the engine keeps their prices: the main market, then `venues`. */
export const venueNames = (preset: Preset): string[] => [
  preset.market.name ?? MAIN_VENUE,
  ...(preset.venues ?? []).map((v) => v.name),
];

/** Fields that mean something only with a mechanism, by the part of the preset that turns it on. */
const APPLIES: readonly [RegExp, (p: Preset) => boolean][] = [
  [
    /^(perp[A-Z]|insuranceFund$|fundFees$|fundDrawn$|deleveraged$|adl[A-Z]|uncoveredLoss$|backstop[A-Z])/,
    (p) => p.perps !== undefined,
  ],
  [
    /^(auctions$|collateralInAuction$|wonForZero$|valueWonForZero$|auctionsWonForZero$|zeroBidShare$)/,
    (p) => p.liquidation.mechanism === 'auction',
  ],
  [/^attack\./, (p) => p.attacker !== undefined],
  [/^skippedForCapital$/, (p) => p.liquidators?.capital !== undefined],
  [/^skippedUnprofitable$/, (p) => p.liquidators?.requireProfit === true],
  [/^arbitrageVolume$/, (p) => (p.venues?.length ?? 0) > 0],
];

/** Whether `column` applies to `preset`; a field no rule names always does. */
export function applies(column: string, preset: Preset): boolean {
  const rule = APPLIES.find(([pattern]) => pattern.test(column));
  return rule ? rule[1](preset) : true;
}

/** One JSON object as flat cells: nested objects as `a.b`, `venuePrices` as `venuePrice.<name>`. */
export function flatten(value: Row, preset: Preset, prefix = ''): Row {
  const out: Row = {};
  for (const [key, cell] of Object.entries(value)) {
    if (key === 'venuePrices' && Array.isArray(cell)) {
      venueNames(preset).forEach((name, i) => (out[`${prefix}venuePrice.${name}`] = cell[i]));
    } else if (typeof cell === 'object' && cell !== null && !Array.isArray(cell)) {
      Object.assign(out, flatten(cell as Row, preset, `${prefix}${key}.`));
    } else if (cell === null && key === 'attack') {
      // No attacker: the columns exist (the same header for every preset), empty.
      for (const field of ['cost', 'borrowed', 'profit', 'badDebt']) out[`${prefix}attack.${field}`] = null;
    } else out[`${prefix}${key}`] = Array.isArray(cell) ? JSON.stringify(cell) : cell;
  }
  return out;
}

/** The columns of `rows` in first-seen order. */
function columnsOf(rows: readonly Row[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

/**
 * A table of flattened rows, each cell empty where its field does not apply to that row's preset. The rows
 * are read one at a time and only their cells kept, so that a lazy source (a sweep's variants, built on
 * demand) never holds more than one preset.
 */
export function flatCsv(
  rows: Iterable<{ row: Row; preset: Preset }>,
  lead: readonly [string, (i: number) => unknown][] = [],
): string {
  const flat: Row[] = [];
  for (const { row, preset } of rows) {
    const cells = flatten(row, preset);
    for (const key of Object.keys(cells)) if (!applies(key, preset)) cells[key] = null;
    flat.push(cells);
  }
  const columns = columnsOf(flat);
  return toCsv(
    [...lead.map(([name]) => name), ...columns],
    flat.map((row, i) => [...lead.map(([, cell]) => cell(i)), ...columns.map((c) => row[c])]),
  );
}
