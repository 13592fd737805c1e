import { describe, expect, it } from 'vitest';
import { Timeline, runCascade, summarize, type Scenario } from '../../src/engine/index.js';
import { loadPreset } from '../../src/presets/index.js';
import { formatAmount, formatCount } from '../../src/format.js';
import { perpsSoFar } from '../../src/ui/helpers/perps.js';

function preset(id: string): Scenario {
  const loaded = loadPreset(id);
  if (!loaded.ok) throw new Error(id);
  return loaded.preset;
}

describe('the header line of the perpetuals', () => {
  it('sums the fund paid, ADL, uncovered and booked slippage up to the round, with the quote', () => {
    const scenario = preset('perps-fund-empty');
    const timeline = new Timeline(scenario);
    const last = timeline.finish();
    const s = summarize(runCascade(scenario));
    const figures = perpsSoFar(timeline, last, 'USD')!;
    expect(figures.unbooked).toBeNull();
    expect(figures.text).toBe(
      `Fund ${formatAmount(s.insuranceFund, 'USD')} (paid ${formatAmount(s.fundDrawn, 'USD')}) · ` +
        `ADL ${formatCount(s.deleveraged)} for ${formatAmount(s.adlCovered, 'USD')} · ` +
        `uncovered ${formatAmount(s.uncoveredLoss, 'USD')} · slippage ${formatAmount(s.perpSlippage, 'USD')}`,
    );
    // In the digits `liqloop run` prints them (its perps line: "2,007 deleveraged covering 805,080 USD").
    expect(figures.text).toContain(`ADL 2,007 for 805,080 USD · uncovered 591,448 USD`);
    // Before the shock nothing has happened yet.
    expect(perpsSoFar(timeline, 0, 'USD')!.text).toBe(
      'Fund 0 USD (paid 0 USD) · ADL 0 for 0 USD · uncovered 0 USD · slippage 0 USD',
    );
  });

  it('says loudly when oracle fills leave the slippage unbooked, and how much', () => {
    const scenario = preset('perps-long-cascade');
    const oracle: Scenario = { ...scenario, perps: { ...scenario.perps!, fill: 'oracle' } };
    const timeline = new Timeline(oracle);
    const last = timeline.finish();
    const s = summarize(runCascade(oracle));
    const figures = perpsSoFar(timeline, last, 'USD')!;
    expect(s.perpSlippage).toBeGreaterThan(0);
    expect(figures.unbooked).toBe(
      `⚠ ${formatAmount(s.perpSlippage, 'USD')} slippage unbooked (oracle fills)`,
    );
    expect(figures.text).not.toContain('slippage');
  });

  it('shows the vault when the preset has a backstop, and nothing without perpetuals', () => {
    const scenario = preset('perps-october-2025');
    const vault: Scenario = {
      ...scenario,
      perps: { ...scenario.perps!, backstop: { capital: 50e6, below: 2 / 3, unwind: 0.1 } },
    };
    const timeline = new Timeline(vault, { maxRounds: 80 });
    const figures = perpsSoFar(timeline, 80, 'USD')!;
    expect(figures.text).toMatch(/ · vault −?[\d,.]+ USD \(took [\d,]+\)$/);
    expect(figures.text).not.toContain('-');
    expect(perpsSoFar(new Timeline(preset('thin-pool')), 0, 'USD')).toBeNull();
  });
});
