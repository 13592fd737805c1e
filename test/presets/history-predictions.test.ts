// Each history preset's predicted figures: nothing was tuned to them, and they depend on the loop (the
// twin whose sale venue is 10⁴ times as deep gives another value, the way each check says), or the preset
// says plainly why it predicts none. A miss is held as a miss by test/presets/history.test.ts.
import { describe, expect, it } from 'vitest';
import { runCascade, summarize, type Summary } from '../../src/engine/index.js';
import {
  catalogue,
  loadLibrary,
  loadPreset,
  metricValue,
  missOf,
  noPredictionOf,
  type Preset,
} from '../../src/presets/index.js';
import { noLoopTwin } from '../../src/whatif/loop.js';

function load(id: string): Preset {
  const loaded = loadPreset(id);
  if (!loaded.ok) throw new Error(`${id}: ${JSON.stringify(loaded.problems)}`);
  return loaded.preset;
}

const predictedOf = (preset: Preset) =>
  (preset.record ?? []).filter((f) => f.role === 'predicted' && f.metric !== undefined);

describe('history presets that predict', () => {
  const history = catalogue(loadLibrary()).filter((e) => e.kind === 'history');

  it('every history preset has a predicted figure with a metric, or a plain statement why not (never both)', () => {
    for (const { id } of history) {
      const preset = load(id);
      const predicted = predictedOf(preset);
      const statement = noPredictionOf(preset);
      expect(predicted.length > 0 || (statement?.length ?? 0) > 40, id).toBe(true);
      expect(predicted.length > 0 && statement !== undefined, `${id}: a prediction and "noPrediction"`).toBe(
        false,
      );
      for (const f of predicted) expect(f.source?.length ?? 0, `${id}: ${f.figure}`).toBeGreaterThan(40);
    }
  });

  // The predictions that depend on the loop: on the twin without it, the figure moves by more than its
  // tolerance (the counterfactual usde-binance-index-2025 has no loop to depend on).
  const loopFigures: [string, string, (preset: Summary, twin: Summary) => void][] = [
    [
      'perps-october-2025',
      'adlCovered',
      (s, t) => {
        // The loss past the margin is the fills' slippage: the deep twin's ADL covers a small part of it.
        expect(s.adlCovered).toBeGreaterThan(0);
        expect(t.adlCovered).toBeLessThan(0.2 * s.adlCovered);
      },
    ],
    [
      'aave-crv-2022',
      'minPrice',
      (s, t) => {
        // Drawn inverted: the twin's CRV stays at the path's $0.61, the preset's goes far past it.
        expect(1 / t.minPrice).toBeCloseTo(0.61, 2);
        expect(1 / s.minPrice).toBeGreaterThan(0.8);
      },
    ],
    [
      'usde-binance-2025',
      'troughRound',
      (s, t) => {
        // Without the loop the low is the first sale's, in minute 1; with it, the liquidations deepen it.
        expect(t.troughRound).toBe(1);
        expect(s.troughRound).toBeGreaterThan(t.troughRound);
      },
    ],
  ];
  for (const [id, metric, check] of loopFigures) {
    it(`${id}: the predicted ${metric} is the loop's (its twin without the loop gives another value)`, () => {
      const preset = load(id);
      const figure = predictedOf(preset).find((f) => f.metric === metric);
      expect(figure, `${id} predicts ${metric}`).toBeDefined();
      const summary = summarize(runCascade(preset));
      const twin = summarize(runCascade(noLoopTwin(preset)));
      check(summary, twin);
      expect(metricValue(twin, metric)).not.toBeCloseTo(metricValue(summary, metric)!, 6);
      // Shown as a miss where it misses, with the reason.
      expect(missOf(figure!)?.length ?? 0).toBeGreaterThan(40);
    });
  }

  it('every history preset with a prediction is listed above, or is the counterfactual', () => {
    const predicting = history.map((e) => e.id).filter((id) => predictedOf(load(id)).length > 0);
    expect(predicting.sort()).toEqual([...loopFigures.map(([id]) => id), 'usde-binance-index-2025'].sort());
  });
});
