import leven from 'leven';
import type { z } from 'zod';
import { describeValue, escapeText } from './describe.js';

/** One thing wrong with a preset: where, and what was expected. */
export interface Problem {
  /** The field path, e.g. `positions[3].debt`; empty for the file as a whole. */
  readonly path: string;
  readonly message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    // A field name comes from the file: escaped, and cut short, so that it cannot drive the terminal.
    const name = escapeText(String(part).length > 60 ? `${String(part).slice(0, 60)}…` : String(part));
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? name : `.${name}`;
  }
  return out;
}

/**
 * The closest of `candidates` to a mistyped `word`, when it is close enough to be a typo
 * (a few letters off, or a shortened or lengthened form of the name).
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const name = candidate.toLowerCase();
    const shortened = typed.length >= 3 && (name.startsWith(typed) || typed.startsWith(name));
    const distance = shortened ? 1 : leven(typed, name);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

const didYouMean = (word: string, candidates: readonly string[]): string => {
  const match = closest(word, candidates);
  return match ? `; did you mean ${JSON.stringify(match)}?` : '';
};

type Def = {
  type: string;
  shape?: Record<string, { def: Def }>;
  innerType?: { def: Def };
  element?: { def: Def };
  options?: { def: Def }[];
  in?: { def: Def };
};

/** The field names the schema allows for the object at `path`. */
function knownFields(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let defs: Def[] = [(schema as unknown as { def: Def }).def];
  const unwrap = (def: Def): Def[] => {
    if (def.innerType) return unwrap(def.innerType.def);
    if (def.type === 'pipe' && def.in) return unwrap(def.in.def);
    if (def.type === 'union' && def.options) return def.options.flatMap((o) => unwrap(o.def));
    return [def];
  };
  for (const part of path) {
    defs = defs.flatMap(unwrap).flatMap((def): Def[] => {
      if (typeof part === 'number') return def.element ? [def.element.def] : [];
      const child = def.shape?.[String(part)];
      return child ? [child.def] : [];
    });
  }
  return [...new Set(defs.flatMap(unwrap).flatMap((def) => Object.keys(def.shape ?? {})))];
}

/** Turns zod's issues into problems a person can act on, with a suggestion for every likely typo. */
export function toProblems(schema: z.ZodType, issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    const path = formatPath(issue.path);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = knownFields(schema, issue.path);
        return issue.keys.map((key) => ({
          path: formatPath([...issue.path, key]),
          message: known.includes(key)
            ? // Known to another variant of a union (the oracle's models): name the mismatch, not a typo.
              `not a field of this ${issue.path.length ? String(issue.path.at(-1)) : 'object'} with its present "model"`
            : `unknown field` +
              (didYouMean(key, known) || (known.length ? ` (expected one of: ${known.join(', ')})` : '')),
        }));
      }
      case 'invalid_value': {
        const got = issue.input;
        const options = issue.values.filter((v): v is string => typeof v === 'string');
        const hint = typeof got === 'string' ? didYouMean(got, options) : '';
        return [{ path, message: issue.message + hint }];
      }
      case 'invalid_union': {
        const discriminator = (issue as { discriminator?: string }).discriminator;
        const options = ((issue as { options?: unknown[] }).options ?? []).map(String);
        if (discriminator && options.length) {
          const got = (issue.input as Record<string, unknown> | undefined)?.[discriminator];
          const hint = typeof got === 'string' ? didYouMean(got, options) : '';
          const listed = options.map((o) => JSON.stringify(o)).join(', ');
          return [
            {
              path: path || discriminator,
              message: `expected one of ${listed}, got ${describeValue(got)}${hint}`,
            },
          ];
        }
        return [{ path, message: issue.message }];
      }
      default:
        return [{ path, message: issue.message }];
    }
  });
}
