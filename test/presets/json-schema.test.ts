import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, presetJsonSchema, presetJsonSchemaText } from '../../src/presets/index.js';
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
