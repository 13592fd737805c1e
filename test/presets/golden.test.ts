// Every shipped preset's `liqloop run <id> --json` against the output committed in test/fixtures/golden/.
// Outside tools rely on that output, and new fields may only be added: so a field the golden file has must
// still be there with the same value, exactly (fields the golden file lacks are additions and pass).
// When a preset's figures change on purpose, regenerate its file and say why in the commit:
//   LIQLOOP_UPDATE_GOLDEN=1 npx vitest run test/presets/golden.test.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { presetIds } from '../../src/presets/index.js';
import { ROOT } from '../helpers/cli.js';
import { liqloopHere } from '../cli/in-process.js';

const GOLDEN = join(ROOT, 'test/fixtures/golden');
const update = process.env.LIQLOOP_UPDATE_GOLDEN === '1';

/** The first place where `actual` drops or changes what `golden` has, as a path and both values; undefined if none. */
function firstChange(golden: unknown, actual: unknown, path = '$'): string | undefined {
  if (golden === null || typeof golden !== 'object') {
    return Object.is(golden, actual)
      ? undefined
      : `${path}: was ${JSON.stringify(golden)}, now ${JSON.stringify(actual)}`;
  }
  if (actual === null || typeof actual !== 'object' || Array.isArray(golden) !== Array.isArray(actual))
    return `${path}: was ${Array.isArray(golden) ? 'an array' : 'an object'}, now ${JSON.stringify(actual)}`;
  if (Array.isArray(golden) && golden.length !== (actual as unknown[]).length)
    return `${path}: had ${golden.length} entries, now ${(actual as unknown[]).length}`;
  for (const [key, value] of Object.entries(golden)) {
    if (!(key in actual)) return `${path}.${key}: missing (was ${JSON.stringify(value)})`;
    const change = firstChange(value, (actual as Record<string, unknown>)[key], `${path}.${key}`);
    if (change) return change;
  }
  return undefined;
}

describe('firstChange', () => {
  it('passes additions and reports a dropped or changed field with its path', () => {
    expect(firstChange({ a: 1, b: [1, 2] }, { a: 1, b: [1, 2], c: 3 })).toBeUndefined();
    expect(firstChange({ a: 1, b: [1, 2] }, { a: 1, b: [1, 2.5] })).toBe('$.b.1: was 2, now 2.5');
    expect(firstChange({ a: { x: 0 } }, { a: {} })).toBe('$.a.x: missing (was 0)');
    expect(firstChange({ a: [1] }, { a: [1, 1] })).toBe('$.a: had 1 entries, now 2');
  });
});

describe('every shipped preset gives the output committed for it', () => {
  for (const id of presetIds()) {
    it(`liqloop run ${id} --json`, async () => {
      const result = await liqloopHere(['run', id, '--json']);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const file = join(GOLDEN, `${id}.json`);
      if (update || !existsSync(file)) {
        if (process.env.CI)
          throw new Error(`no golden output for ${id}: generate it (see the top of this file)`);
        writeFileSync(file, result.stdout);
        return;
      }
      const change = firstChange(JSON.parse(readFileSync(file, 'utf8')), JSON.parse(result.stdout));
      expect(change, `${id} changed what it printed`).toBeUndefined();
    });
  }
});
