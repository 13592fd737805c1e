import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../src/presets/index.js';
import { headerFindings, troughUpTo } from '../../src/ui/helpers/outcome.js';
import { openSession } from '../../src/ui/state/session.js';

function session(id: string) {
  const loaded = loadPreset(id);
  if (!loaded.ok) throw new Error(`${id} did not load`);
  return openSession(loaded);
}

describe('the header names no trough above the start', () => {
  // Seen in the walk, mango-markets-2022 round 2: `Trough 0.6410 USD r2 (+1,586.9%, −33.50×)`.
  it('mango-markets-2022: none while every price so far is above the start, then the real one', () => {
    const s = session('mango-markets-2022');
    const start = s.preset.asset.price;
    const last = s.timeline.reach(1000);
    const prices = s.timeline.recordsTo(last).map((r) => r.price);
    const firstBelow = prices.findIndex((p) => p < start) + 1;
    expect(firstBelow).toBeGreaterThan(2);
    // Rounds 1 … firstBelow−1: the engine's trough is above the start (a negative drawdown); the header says none.
    for (let round = 1; round < firstBelow; round++) {
      expect(troughUpTo(s.timeline, round)!.troughDrawdownPct).toBeLessThanOrEqual(0);
      expect(headerFindings(s, round).trough).toBeNull();
    }
    // From the first price below the start, the trough shows with a drawdown (−x%) and a positive amplification.
    expect(headerFindings(s, firstBelow).trough).toMatch(/^Trough [\d.]+ USD r\d+ \(−[\d.]+%, [\d.]+×\)$/);
    expect(headerFindings(s, last).trough).toMatch(/^Trough 0\.01712 USD r37 \(−55\.0%, 1\.16×\)$/);
  });
});
