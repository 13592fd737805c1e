import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PRESETS_DIR,
  SCHEMA_FILE,
  presetIds,
  presetJsonSchema,
  presetJsonSchemaText,
} from '../../src/presets/index.js';
import { ROOT, liqloop } from '../helpers/cli.js';

const shipped = readFileSync(join(ROOT, SCHEMA_FILE), 'utf8');

describe('the JSON Schema of a preset', () => {
  it(`${SCHEMA_FILE} is the schema generated from the zod schema (npm run schema regenerates it)`, () => {
    expect(JSON.parse(shipped), 'out of date: run `npm run schema`').toEqual(presetJsonSchema());
    expect(shipped).toBe(presetJsonSchemaText());
  });

  it('liqloop schema prints the shipped file', () => {
    const result = liqloop(['schema']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(shipped);
  });

  it('is a draft-07 object schema that refuses unknown fields and allows "$schema"', () => {
    const schema = presetJsonSchema() as {
      $schema: string;
      properties: Record<string, unknown>;
      additionalProperties: boolean;
      required: string[];
    };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['$schema', 'market', 'oracle', 'path']),
    );
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'asset', 'market', 'oracle', 'shock']));
  });
});

describe('the shipped presets and the JSON Schema', () => {
  // An independent validator (ajv) reads the schema as an editor would.
  const validate = new Ajv({ allErrors: true, strict: false }).compile(presetJsonSchema());

  for (const id of presetIds()) {
    it(`${id} points at the shipped schema and satisfies it`, () => {
      const file = join(PRESETS_DIR, `${id}.json`);
      const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      expect(Object.keys(raw)[0]).toBe('$schema');
      expect(resolve(dirname(file), raw.$schema as string)).toBe(join(ROOT, SCHEMA_FILE));
      expect(validate(raw), JSON.stringify(validate.errors)).toBe(true);
    });
  }

  it('an editor would flag an unknown field, a wrong type and a missing field', () => {
    const thinPool = JSON.parse(readFileSync(join(PRESETS_DIR, 'thin-pool.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(validate({ ...thinPool, shokc: { pct: 0.1 } })).toBe(false);
    expect(validate({ ...thinPool, rounds: 'many' })).toBe(false);
    const { market: _market, ...noMarket } = thinPool;
    expect(validate(noMarket)).toBe(false);
  });
});
