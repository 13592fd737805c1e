export {
  KIND_TITLES,
  PRESET_KINDS,
  type PresetKind,
  presetSchema,
  MAX_GENERATED_POSITIONS,
  MAX_ROUNDS,
  DEFAULT_ROUNDS,
  type Preset,
} from './schema/index.js';
export { parsePreset, parseJson, validatePreset, type ParseResult } from './parse.js';
export { closest, formatPath, type Problem } from './problems.js';
export {
  PRESETS_DIR,
  STDIN_FILE,
  idOf,
  loadPreset,
  loadPresetFile,
  loadLibrary,
  presetIds,
  readText,
  type LoadedPreset,
  type LoadFailure,
  type LoadResult,
} from './load.js';
export {
  applyOverrides,
  loadRawPreset,
  makeOverride,
  parseOverride,
  parsePath,
  valueAt,
  parseValue,
  type Override,
  type OverrideProblem,
  type OverrideResult,
  type PathSegment,
  type RawLoadResult,
} from './overrides.js';
export { checkOutFile, writeFileAtomic, writeFileAtomicAsync } from './write.js';
export {
  RECORD_METRICS,
  RECORD_ROLES,
  checkRecord,
  describeCheck,
  describeRole,
  formatMetric,
  formatRecorded,
  metricValue,
  noPredictionOf,
  roleOf,
  missOf,
  withinTolerance,
  type HistoryFigure,
  type RecordCheck,
  type RecordMetric,
  type RecordRole,
} from './record.js';
export { basesFirst, catalogue, userTitle, type CatalogueEntry } from './catalogue.js';
export { SCHEMA_FILE, fieldPaths, presetJsonSchema, presetJsonSchemaText } from './json-schema.js';
export { configPresetsDir, userPresetDirs, userWriteDir, type Env } from './user-dirs.js';
export {
  describeShadowed,
  knownPresetIds,
  loadUserLibrary,
  type ShadowedPreset,
  type UserLibrary,
} from './user.js';
