import { describeValue } from './describe.js';
import { idOf, loadPreset, readText, type LoadFailure } from './load.js';
import { inlinePathFile } from './price-path.js';
import { parseJson, validatePreset } from './parse.js';
import { formatPath, type Problem } from './problems.js';
import type { Preset } from './schema/index.js';
import { parsePath, valueAt, type PathSegment } from './path.js';
import type { Override } from './override-parse.js';

export { parsePath, valueAt, type PathSegment };
export { makeOverride, parseOverride, parseValue, type Override } from './override-parse.js';

/** A problem of a preset with overrides; `from` names the option when the field came from one. */
export interface OverrideProblem extends Problem {
  readonly from?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const own = (node: Record<string, unknown> | unknown[], key: PathSegment): unknown =>
  Object.hasOwn(node, key) ? (node as Record<PathSegment, unknown>)[key] : undefined;

/** Sets an own property, even one named `__proto__`, so that the schema can reject it as unknown. */
const put = (node: Record<string, unknown> | unknown[], key: PathSegment, value: unknown): void => {
  Object.defineProperty(node, key, { value, writable: true, enumerable: true, configurable: true });
};

/**
 * Sets one override in `root` (mutated), creating missing objects (arrays before an index) on the way.
 * Returns the problem, if any, and the paths the override wrote: its own and every container it created.
 */
function setPath(
  root: Record<string, unknown>,
  override: Override,
): { problem?: OverrideProblem; wrote: string[] } {
  const { segments, source } = override;
  const wrote = [formatPath(segments)];
  let node: Record<string, unknown> | unknown[] = root;
  for (let k = 0; k < segments.length; k++) {
    const segment = segments[k]!;
    const here = formatPath(segments.slice(0, k + 1));
    const fail = (message: string) => ({ problem: { path: here, message, from: source }, wrote });
    let key: PathSegment = segment;
    if (Array.isArray(node)) {
      if (typeof segment !== 'number')
        return fail(`expected an index (0, 1, …) into the array ${formatPath(segments.slice(0, k))}`);
      if (segment > node.length)
        return fail(
          `index ${segment} is past the end: ${formatPath(segments.slice(0, k))} has ${node.length} ` +
            `entr${node.length === 1 ? 'y' : 'ies'} (index ${node.length} adds one)`,
        );
    } else key = String(segment);
    if (k === segments.length - 1) {
      put(node, key, override.value);
      return { wrote };
    }
    let child = own(node, key);
    if (child === undefined || child === null) {
      child = typeof segments[k + 1] === 'number' ? [] : {};
      put(node, key, child);
      wrote.push(here);
    } else if (typeof child !== 'object') {
      return fail(`cannot set ${formatPath(segments)}: ${here} is ${describeValue(child)}, not an object`);
    }
    node = child as Record<string, unknown> | unknown[];
  }
  return { wrote };
}

/** Whether a problem at `problemPath` lies at or under the field `written`. */
function covers(written: string, problemPath: string): boolean {
  return (
    problemPath === written || problemPath.startsWith(`${written}.`) || problemPath.startsWith(`${written}[`)
  );
}

export type OverrideResult = { ok: true; preset: Preset } | { ok: false; problems: OverrideProblem[] };

/**
 * Applies overrides, in order, to a copy of a preset's raw JSON, then validates the whole of it with the
 * preset schema. A problem at or under a field an override wrote (or an object it created on the way)
 * names the option it came from.
 */
export function applyOverrides(raw: unknown, overrides: readonly Override[]): OverrideResult {
  const copy = structuredClone(raw);
  const written: { path: string; source: string }[] = [];
  if (isRecord(copy)) {
    const problems: OverrideProblem[] = [];
    for (const o of overrides) {
      const set = setPath(copy, o);
      if (set.problem) problems.push(set.problem);
      written.push(...set.wrote.map((path) => ({ path, source: o.source })));
    }
    if (problems.length) return { ok: false, problems };
  }
  const result = validatePreset(copy);
  if (result.ok) return result;
  return {
    ok: false,
    problems: result.problems.map((p) => {
      const origin = written.findLast((w) => covers(w.path, p.path));
      return origin ? { ...p, from: origin.source } : p;
    }),
  };
}

export type RawLoadResult =
  { ok: true; id: string; file: string; raw: unknown } | ({ ok: false } & LoadFailure);

/**
 * Reads a preset (by name or path, as `loadPreset` resolves it) as raw JSON, not yet validated, so that
 * overrides can complete or fix it. A file that cannot be found, read or parsed is a failure.
 */
export function loadRawPreset(ref: string): RawLoadResult {
  const loaded = loadPreset(ref);
  const read = readText(loaded.file);
  if (!read.ok)
    return loaded.ok
      ? { ok: false, file: loaded.file, problems: [{ path: '', message: read.reason }] }
      : loaded;
  const json = parseJson(read.text);
  if (!json.ok) return { ok: false, file: loaded.file, problems: json.problems };
  const inlined = inlinePathFile(json.value, loaded.file);
  if (!inlined.ok) return { ok: false, file: loaded.file, problems: inlined.problems };
  return { ok: true, id: idOf(loaded.file), file: loaded.file, raw: inlined.raw };
}
