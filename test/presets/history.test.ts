import { describe, expect, it } from 'vitest';
import { runCascade, summarize } from '../../src/engine/index.js';
import { catalogue, checkRecord, loadLibrary, loadPreset } from '../../src/presets/index.js';

// Every history preset against its record: what it claims to reproduce is within the stated tolerance, and
// what it does not reproduce says why. Each event's own file tests the mechanism behind its figures.
describe('every history preset against its record', () => {
  const history = catalogue(loadLibrary()).filter((e) => e.kind === 'history');

  for (const { id } of history) {
    it(`${id}: converges, reproduces each figure it claims, and says why it misses the others`, () => {
      const loaded = loadPreset(id);
      if (!loaded.ok) throw new Error(`${id}: ${JSON.stringify(loaded.problems)}`);
      const preset = loaded.preset;
      const summary = summarize(runCascade(preset));
      expect(summary.converged).toBe(true);
      expect(preset.sources?.length).toBeGreaterThan(0);
      const checks = checkRecord(summary, preset.record ?? []);
      expect(checks.filter((c) => c.within !== null).length, 'figures reproduced').toBeGreaterThan(0);
      for (const check of checks) {
        const { figure } = check;
        if (figure.metric === undefined) {
          expect(check.within, figure.figure).toBeNull();
          expect(figure.unmatched?.length ?? 0, `${figure.figure}: the reason`).toBeGreaterThan(20);
        } else {
          expect(check.within, `${figure.figure}: model ${check.modelled}, recorded ${figure.recorded}`).toBe(
            true,
          );
        }
      }
    });
  }
});
