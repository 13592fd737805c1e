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
  TEXT_RULE,
} from './common.js';
import { generate, liquidation, liquidators, positions } from './liquidation.js';
import { arbitrage, asset, market, path, venue } from './market.js';
import { oracle } from './oracle.js';
import { perps } from './perps.js';
import { date, recordFigure } from './record.js';
import { PRESET_KINDS } from '../kinds.js';
import { roundLength } from './round-length.js';

export { KIND_TITLES, PRESET_KINDS, type PresetKind } from '../kinds.js';

/** The most venues besides the main one. */
export const MAX_VENUES = 100;

/** Every field of a preset, each checked on its own; `checkPreset` then checks the fields together. */
export const presetBase = object(
  {
    // For editors (`"$schema": "../schema/preset.schema.json"`); liqloop itself ignores it.
    $schema: text('a string: the URL or relative path of the JSON Schema for editors')
      .describe('The JSON Schema this file follows, for editor completion and checks; liqloop ignores it.')
      .optional(),
    name: nonEmptyText('a non-empty string').describe(`the preset's title; ${TEXT_RULE}`),
    description: text().describe(`what the preset shows and what to watch for; ${TEXT_RULE}`),
    kind: z
      .enum(PRESET_KINDS, { error: expecting('one of "history", "lesson"') })
      .describe('"history" (calibrated to a past event) or "lesson" (the default)')
      .default('lesson'),
    sources: z
      .array(text('a string naming a source').describe(`a source; ${TEXT_RULE}`), {
        error: expecting('an array of strings'),
      })
      .describe('the sources a history preset is calibrated to')
      .optional(),
    group: nonEmptyText('a non-empty string naming the lesson set')
      .describe(`the set of lessons the preset belongs to, shown side by side; ${TEXT_RULE}`)
      .optional(),
    variantOf: nonEmptyText('a non-empty string: the id of a preset of the same lesson set')
      .describe(
        `lessons: the id of the preset of the same set this one varies (its base); \`liqloop list\` and the picker show a base before its variants; ${TEXT_RULE}`,
      )
      .optional(),
    date: date.optional(),
    record: z
      .array(recordFigure, { error: expecting('an array of recorded figures') })
      .describe("a history preset's recorded figures, checked against the model")
      .optional(),
    noPrediction: nonEmptyText('a non-empty string saying why the model predicts no figure')
      .describe(`why the model predicts no figure of the event; ${TEXT_RULE}`)
      .optional(),
    asset,
    market,
    oracle,
    liquidation,
    shock: object(
      {
        pct: fraction01('[0, 1)').describe('the fall of the venue price in round 1, a share of p0 in [0, 1)'),
      },
      'an object {pct}',
    ).describe('the exogenous move that starts the cascade'),
    positions: positions.default([]),
    generate: generate.optional(),
    rounds: integer(`a whole number from 1 to ${MAX_ROUNDS}`, 1, MAX_ROUNDS)
      .describe(`the most rounds to run, a whole number from 1 to ${MAX_ROUNDS} (default ${DEFAULT_ROUNDS})`)
      .default(DEFAULT_ROUNDS),
    roundLength: roundLength.optional(),
    venues: z
      .array(venue, { error: expecting('an array of venues') })
      .max(MAX_VENUES, { error: `expected at most ${MAX_VENUES} venues` })
      .describe(`more venues, at most ${MAX_VENUES}`)
      .optional(),
    arbitrage: arbitrage.optional(),
    liquidators: liquidators.optional(),
    path: path.optional(),
    perps: perps.optional(),
    attacker: attacker.optional(),
  },
  'a JSON object (a preset)',
).describe('a liqloop preset: a market, an oracle, a liquidation mechanism, a shock and a book of positions');
