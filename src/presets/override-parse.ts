import { quote } from './describe.js';
import { parsePath, type Parsed, type PathSegment } from './path.js';

// `--set path=value` parsed without the validator: commander calls this while it reads the command line,
// before the CLI has loaded anything that builds the schema (overrides.ts applies and validates).

/** `path=value` from the command line, parsed. */
export interface Override {
  /** The path as typed (trimmed), e.g. `positions.0.debt`. */
  readonly path: string;
  readonly segments: readonly PathSegment[];
  readonly value: unknown;
  /** The option it came from, e.g. `--set`; named in error messages. */
  readonly source: string;
}

/** A value from the command line: JSON when it parses as JSON, otherwise the text as a string. */
export function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Parses `path=value` (split at the first `=`). A missing `=` or an empty path is an error. */
export function parseOverride(arg: string, source = '--set'): Parsed<Override> {
  const eq = arg.indexOf('=');
  if (eq < 0) return { ok: false, message: `expected path=value, got ${quote(arg, 80)} (no "=")` };
  const path = arg.slice(0, eq).trim();
  if (path === '') return { ok: false, message: `expected path=value, got ${quote(arg, 80)} (no path)` };
  const segments = parsePath(path);
  if (!segments.ok) return segments;
  return {
    ok: true,
    value: { path, segments: segments.value, value: parseValue(arg.slice(eq + 1)), source },
  };
}

/** An override of `path` made in code (a sweep's `--param`), with the path checked. */
export function makeOverride(path: string, value: unknown, source: string): Parsed<Override> {
  const segments = parsePath(path);
  if (!segments.ok) return segments;
  return { ok: true, value: { path: path.trim(), segments: segments.value, value, source } };
}
