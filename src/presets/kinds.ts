// Without the validator (schema/preset.ts builds it): `liqloop list` and the picker need only these.

/** The kinds of preset, in the order the picker and `liqloop list` show them. */
export const PRESET_KINDS = ['history', 'lesson'] as const;
export type PresetKind = (typeof PRESET_KINDS)[number];
export const KIND_TITLES: Readonly<Record<PresetKind, string>> = {
  history: 'History: past cascades, calibrated to public figures',
  lesson: 'Lessons: twins that isolate one lever',
};
