import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flatCsv } from '../../src/cli/csv.js';
import { summaryJson } from '../../src/cli/run-json.js';
import { sweepCsv, type SweepJson } from '../../src/cli/sweep.js';
import { runCascade, summarize } from '../../src/engine/index.js';
import { applyOverrides, makeOverride, type Preset } from '../../src/presets/index.js';
import { CLI, ROOT } from '../helpers/cli.js';

const raw = JSON.parse(readFileSync(join(ROOT, 'presets/dutch-auction.json'), 'utf8'));

/** The variant with `path` set to `value`. */
function variant(path: string, value: unknown): Preset {
  const override = makeOverride(path, value, '--param');
  if (!override.ok) throw new Error(override.message);
  const result = applyOverrides(raw, [override.value]);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.preset;
}

describe("the sweep's CSV streams its variants (issue 16, item 9)", () => {
  it('reads each variant once, in order, and never again after the next is built', () => {
    const values = [0.1, 0.2, 0.3, 0.4];
    const summaries = values.map((v) =>
      summaryJson(summarize(runCascade(variant('shock.pct', v), { maxRounds: 20 }))),
    );
    const json = {
      param: 'shock.pct',
      values,
      runs: values.map((value, i) => ({ value, summary: summaries[i]! })),
    } as unknown as SweepJson;
    const built: number[] = [];
    let current = -1;
    // Each variant is a proxy that fails when read once a later one exists: one preset alive at a time.
    const source = {
      at(index: number): Preset {
        built.push(index);
        current = index;
        const preset = variant('shock.pct', values[index]);
        return new Proxy(preset, {
          get(target, key, receiver) {
            if (current !== index)
              throw new Error(`variant ${index} read after variant ${current} was built`);
            return Reflect.get(target, key, receiver) as unknown;
          },
        });
      },
    };
    const csv = sweepCsv(json, source);
    expect(built).toEqual([0, 1, 2, 3]);
    // The same table as from every variant held at once.
    const all = values.map((v) => variant('shock.pct', v));
    expect(csv).toBe(
      flatCsv(
        summaries.map((row, i) => ({ row, preset: all[i]! })),
        [['shock.pct', (i) => values[i]]],
      ),
    );
    expect(csv.split('\n')[0]).toMatch(/^shock\.pct,/);
    expect(csv.trimEnd().split('\n')).toHaveLength(1 + values.length);
  });
});

describe('a sweep whose figures barely differ (found by npm run fuzz)', () => {
  it('charts amplifications 1 ulp apart instead of looping forever in the chart', () => {
    // Amplification 1.000000000831258 beside 1.0000000008312575: asciichart's row counter started at 2e16,
    // where adding one changes nothing. Run as a child with a time limit, as a loop cannot be interrupted.
    const args = ['sweep', 'mango-markets-2022', '--param', 'attacker.collateral'];
    const range = ['--from', '1.2801818020183013', '--to', '1.0213156029728654', '--steps', '3'];
    const result = spawnSync(process.execPath, [CLI, ...args, ...range], {
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    // Amplifications that read the same to two decimals are said in a line, and no tipping point is named.
    expect(result.stdout).toContain('Amplification: 1.00× at every value');
    expect(result.stdout).toContain('Tipping point: none; amplification is 1.00× at every value.');
  }, 120_000);
});
