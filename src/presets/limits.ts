// Without the validator (schema/common.ts builds it): the CLI checks --rounds before it loads a preset.

/** The most rounds a preset (or --rounds) may ask for. */
export const MAX_ROUNDS = 100_000;
