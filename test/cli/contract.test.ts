import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, liqloop } from '../helpers/cli.js';

/** The examples kept in the repo, and the shared ones beside the checkout when they are there. */
const dirs = [
  join(ROOT, 'test/fixtures/contract-examples'),
  join(ROOT, '../shared/contract-examples'),
].filter(existsSync);

const examples = dirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
    .map((f) => ({ dir, file: f })),
);

describe('round contract examples through `liqloop run FILE --json`', () => {
  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  for (const { dir, file } of examples) {
    it(`${join(dir.replace(ROOT, ''), file)} gives the expected summary`, () => {
      const expected = JSON.parse(readFileSync(join(dir, file.replace(/\.json$/, '.expected.json')), 'utf8'));
      const result = liqloop(['run', join(dir, file), '--json']);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const { summary } = JSON.parse(result.stdout);
      for (const [key, value] of Object.entries(expected)) {
        if (key === 'positionsLiquidated' || key === 'rounds' || typeof value !== 'number') {
          expect(summary[key], key).toBe(value);
        } else {
          const tolerance = 1e-6 * Math.max(Math.abs(value), 1e-6);
          expect(Math.abs(summary[key] - value), key).toBeLessThanOrEqual(tolerance);
        }
      }
    });
  }
});
