import { z } from 'zod';
import { presetSchema } from './schema/index.js';

/** Where the JSON Schema ships, relative to the package root (package.json `files`, `liqloop schema`). */
export const SCHEMA_FILE = 'schema/preset.schema.json';

type JsonSchema = Record<string, unknown>;

/**
 * `path` as a file may write it: `prices`, or `file`, a CSV the loader reads into `prices` before
 * validation (src/presets/price-path.ts), so the zod schema never sees it.
 */
function withPathFile(schema: JsonSchema): JsonSchema {
  const properties = schema.properties as Record<string, JsonSchema>;
  const { description, ...prices } = properties.path!;
  const follow = (prices.properties as Record<string, JsonSchema>).follow;
  const file: JsonSchema = {
    type: 'object',
    properties: {
      file: {
        type: 'string',
        minLength: 1,
        description:
          'A CSV of prices relative to the preset file: one price per line, or the last column of each line, with an optional header line; read into `prices`.',
      },
      ...(follow ? { follow } : {}),
    },
    required: ['file'],
    additionalProperties: false,
  };
  return {
    ...schema,
    properties: { ...properties, path: { ...(description ? { description } : {}), anyOf: [prices, file] } },
  };
}

/**
 * The JSON Schema of a preset file, generated from the zod schema (one source): what a preset may hold as
 * written, defaults optional. Checks across fields (a mode between min and max, a venue the oracle names)
 * stay in `liqloop validate`; the schema gives editors the fields, their types, ranges and descriptions.
 * Draft-07, which every JSON-Schema editor reads.
 */
export function presetJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(presetSchema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  const { $schema, ...rest } = withPathFile(generated);
  return {
    $schema,
    $id: 'https://github.com/liqloop/liqloop/blob/main/schema/preset.schema.json',
    title: 'liqloop preset',
    description:
      'A liqloop scenario: an asset, a market, an oracle, a liquidation mechanism, positions and a shock. ' +
      '`liqloop validate FILE` checks everything this schema does and the rules across fields.',
    ...rest,
  };
}

/** The schema as the file holds it: two-space JSON and a final newline. */
export function presetJsonSchemaText(): string {
  return `${JSON.stringify(presetJsonSchema(), null, 2)}\n`;
}

/**
 * Every field path a preset may set (`market.depth2pct`, `positions.0.debt`), for completing `--set`
 * and `--param`: an array's entries are reached through index 0.
 */
export function fieldPaths(schema: JsonSchema = presetJsonSchema()): string[] {
  const defs = (schema.definitions ?? schema.$defs ?? {}) as Record<string, JsonSchema>;
  const paths = new Set<string>();
  const seen = new Set<JsonSchema>();
  const walk = (node: unknown, prefix: string): void => {
    if (typeof node !== 'object' || node === null) return;
    const s = node as JsonSchema;
    if (seen.has(s)) return;
    seen.add(s);
    if (typeof s.$ref === 'string') walk(defs[s.$ref.replace(/^#\/(definitions|\$defs)\//, '')], prefix);
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const)
      if (Array.isArray(s[key])) for (const branch of s[key] as unknown[]) walk(branch, prefix);
    if (s.items) {
      paths.add(`${prefix}0`);
      walk(s.items, `${prefix}0.`);
    }
    for (const [key, child] of Object.entries((s.properties ?? {}) as Record<string, unknown>)) {
      if (key === '$schema') continue;
      paths.add(`${prefix}${key}`);
      walk(child, `${prefix}${key}.`);
    }
    seen.delete(s);
  };
  walk(schema, '');
  return [...paths];
}
