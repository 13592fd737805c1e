import { quote } from './describe.js';

/** Field paths into a preset: `positions.0.debt`, `positions[0].debt`. */

/** One step of an override path: a field name, or an index into an array. */
export type PathSegment = string | number;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** The longest field path accepted, in characters: the longest real path is under 60. */
export const MAX_PATH_LENGTH = 256;
/** The most segments a field path may have: as deep as a preset's JSON may nest (MAX_JSON_DEPTH). */
export const MAX_PATH_DEPTH = 64;

/**
 * Parses a field path: names separated by dots, an index either as its own segment (`positions.0.debt`)
 * or in brackets (`positions[0].debt`).
 */
export function parsePath(path: string): Parsed<PathSegment[]> {
  const text = path.trim();
  if (text === '') return { ok: false, message: 'the path is empty' };
  // Bounded before it is split: every later step (setting, naming problems) is then bounded too.
  if (text.length > MAX_PATH_LENGTH)
    return {
      ok: false,
      message: `the path is ${text.length.toLocaleString('en-US')} characters long; expected at most ${MAX_PATH_LENGTH}`,
    };
  const segments: PathSegment[] = [];
  for (const part of text.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) return { ok: false, message: `${quote(text, 60)} is not a field path` };
    const [, name = '', indices = ''] = match;
    if (name === '' && indices === '')
      return {
        ok: false,
        message: `${quote(text, 60)} has an empty field name (two dots, or a dot at an end)`,
      };
    if (name !== '') segments.push(/^\d+$/.test(name) ? Number(name) : name);
    for (const index of indices.matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  if (segments.length > MAX_PATH_DEPTH)
    return {
      ok: false,
      message: `the path has ${segments.length} segments; expected at most ${MAX_PATH_DEPTH} (a preset nests no deeper)`,
    };
  return { ok: true, value: segments };
}

/** The value at a parsed path of a plain object, or undefined when the path leads nowhere. */
export function valueAt(root: unknown, segments: readonly PathSegment[]): unknown {
  let at: unknown = root;
  for (const segment of segments) {
    if (at === null || typeof at !== 'object') return undefined;
    if (typeof segment === 'number' && !Array.isArray(at)) return undefined;
    at = (at as Record<string | number, unknown>)[segment];
  }
  return at;
}
