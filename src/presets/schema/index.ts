import type { z } from 'zod';
import type { Scenario } from '../../engine/index.js';
import { checkPreset } from './checks.js';
import { presetBase } from './preset.js';

export { DEFAULT_ROUNDS, MAX_GENERATED_POSITIONS, MAX_PERP_POSITIONS, MAX_ROUNDS } from './common.js';
export { KIND_TITLES, PRESET_KINDS, type PresetKind } from './preset.js';

/** The preset file format (README, "Presets"). Unknown fields are errors. */
export const presetSchema = presetBase.superRefine(checkPreset);

/** A valid preset, defaults filled in. */
export type Preset = z.output<typeof presetSchema>;

// A preset is exactly the engine's scenario: keep the two in step at compile time.
const _presetIsScenario = (preset: Preset): Scenario => preset;
void _presetIsScenario;
