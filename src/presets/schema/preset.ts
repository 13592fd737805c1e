import { z } from 'zod';
import { attacker } from './attack.js';
import {
  DEFAULT_ROUNDS,
  MAX_ROUNDS,
  expecting,
  fraction01,
  integer,
  nonEmptyText,
  object,
  text,
} from './common.js';
import { generate, liquidation, liquidators, position } from './liquidation.js';
import { arbitrage, asset, market, path, venue } from './market.js';
import { oracle } from './oracle.js';
import { perps } from './perps.js';
import { date, recordFigure } from './record.js';

/** The kinds of preset, in the order the picker and `liqloop list` show them. */
export const PRESET_KINDS = ['history', 'lesson'] as const;
export type PresetKind = (typeof PRESET_KINDS)[number];
export const KIND_TITLES: Readonly<Record<PresetKind, string>> = {
  history: 'History: past cascades, calibrated to public figures',
  lesson: 'Lessons: twins that isolate one lever',
};

/** Every field of a preset, each checked on its own; `checkPreset` then checks the fields together. */
export const presetBase = object(
  {
    // For editors (`"$schema": "../schema/preset.schema.json"`); liqloop itself ignores it.
    $schema: text('a string: the URL or relative path of the JSON Schema for editors')
      .describe('The JSON Schema this file follows, for editor completion and checks; liqloop ignores it.')
      .optional(),
    name: nonEmptyText('a non-empty string'),
    description: text(),
    kind: z.enum(PRESET_KINDS, { error: expecting('one of "history", "lesson"') }).default('lesson'),
    sources: z
      .array(text('a string naming a source'), { error: expecting('an array of strings') })
      .optional(),
    group: nonEmptyText('a non-empty string naming the lesson set').optional(),
    date: date.optional(),
    record: z.array(recordFigure, { error: expecting('an array of recorded figures') }).optional(),
    noPrediction: nonEmptyText('a non-empty string saying why the model predicts no figure').optional(),
    asset,
    market,
    oracle,
    liquidation,
    shock: object({ pct: fraction01('[0, 1)') }, 'an object {pct}'),
    positions: z.array(position, { error: expecting('an array of positions') }).default([]),
    generate: generate.optional(),
    rounds: integer(`a whole number from 1 to ${MAX_ROUNDS}`, 1, MAX_ROUNDS).default(DEFAULT_ROUNDS),
    venues: z.array(venue, { error: expecting('an array of venues') }).optional(),
    arbitrage: arbitrage.optional(),
    liquidators: liquidators.optional(),
    path: path.optional(),
    perps: perps.optional(),
    attacker: attacker.optional(),
  },
  'a JSON object (a preset)',
);
