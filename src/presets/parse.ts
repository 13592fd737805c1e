import { checkJsonText } from './json-check.js';
import { presetSchema, type Preset } from './schema/index.js';
import { toProblems, type Problem } from './problems.js';

export type ParseResult = { ok: true; preset: Preset } | { ok: false; problems: Problem[] };

/** Parses JSON text, reporting a syntax error with its line and column. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problems: Problem[] } {
  // A leading byte-order mark is not JSON, but editors write one: drop it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '')
    return { ok: false, problems: [{ path: '', message: 'invalid JSON: the file is empty' }] };
  // Checked first (syntax, nesting, repeated keys) in one pass of bounded stack and memory, then parsed.
  const problem = checkJsonText(body);
  if (problem) return { ok: false, problems: [{ path: '', message: problem }] };
  return { ok: true, value: JSON.parse(body) };
}

/** Validates an already-parsed value as a preset, collecting every problem. */
export function validatePreset(value: unknown): ParseResult {
  // zod compiles a fast path for each object schema (new Function) on its first parse: worth it for many
  // parses, not for the one or few a command makes, where compiling costs more than it saves (start-up).
  // Asked per parse: `z.config({ jitless })` is read when a schema is built, and the schemas are built
  // when their modules are evaluated, before any line of this one runs.
  const result = presetSchema.safeParse(value, { reportInput: true, jitless: true });
  if (result.success) return { ok: true, preset: result.data };
  return { ok: false, problems: toProblems(presetSchema, result.error.issues) };
}

/** Parses and validates the text of a preset file. */
export function parsePreset(text: string): ParseResult {
  const json = parseJson(text);
  return json.ok ? validatePreset(json.value) : json;
}
