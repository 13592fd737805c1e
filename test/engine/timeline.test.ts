import { describe, expect, it } from 'vitest';
import { Cascade, Timeline, runCascade } from '../../src/engine/index.js';
import { scenario } from '../helpers/scenario.js';

const partialCascade = scenario({
  liquidation: { mechanism: 'partial', closeFactor: 0.3, bonus: 0.08, threshold: 0.8 },
  market: { model: 'constant-product', depth2pct: 2e5, fee: 0, recovery: 0 },
  shock: { pct: 0.15 },
  generate: { count: 400, seed: 11, collateral: { min: 1, max: 20 }, healthFactor: { min: 1.0, max: 1.6 } },
});

/** The book after `round`, by running a fresh cascade that far. */
function bookAfter(round: number) {
  const cascade = new Cascade(partialCascade, { maxRounds: round });
  while (!cascade.done) cascade.step();
  return cascade.book;
}

describe('Timeline', () => {
  it('gives the same records as a plain run, computed lazily', () => {
    const timeline = new Timeline(partialCascade);
    expect(timeline.computed).toBe(0);
    expect(timeline.record(3)?.round).toBe(3);
    expect(timeline.computed).toBe(3);
    const last = timeline.finish();
    const run = runCascade(partialCascade);
    expect(last).toBe(run.rounds.length);
    expect(timeline.recordsTo(last)).toEqual(run.rounds);
    expect(timeline.record(last + 1)).toBeUndefined();
    expect(timeline.converged).toBe(run.converged);
  });

  it('shows the positions after any round exactly, stepping forwards and backwards in any order', () => {
    const timeline = new Timeline(partialCascade);
    const last = timeline.finish();
    expect(last).toBeGreaterThan(4);
    for (const round of [last, 0, 3, 1, last - 1, 2, 2, 0, last]) {
      const view = timeline.positionsAt(round);
      const book = bookAfter(round);
      expect(view.round).toBe(round);
      expect(Array.from(view.collateral)).toEqual(
        Array.from(round === 0 ? book.initialCollateral : book.collateral),
      );
      expect(Array.from(view.debt)).toEqual(Array.from(round === 0 ? book.initialDebt : book.debt));
      expect(Array.from(view.open)).toEqual(Array.from(round === 0 ? view.open.map(() => 1) : book.open));
    }
  });

  it('keeps running totals per round', () => {
    const timeline = new Timeline(partialCascade);
    const last = timeline.finish();
    const records = timeline.recordsTo(last);
    for (let r = 0; r <= last; r++) {
      const totals = timeline.totalsAt(r);
      const upTo = records.slice(0, r);
      expect(totals.collateralSold).toBeCloseTo(
        upTo.reduce((a, x) => a + x.collateralSold, 0),
        9,
      );
      expect(totals.badDebt).toBeCloseTo(
        upTo.reduce((a, x) => a + x.badDebt, 0),
        6,
      );
      expect(totals.positionsLiquidated).toBe(bookAfter(r).liquidatedCount);
    }
  });
});

describe('the timeline as a run', () => {
  it('has no run until finished; then its summary is the runner’s, whatever was viewed before', async () => {
    const { summarize } = await import('../../src/engine/index.js');
    const { loadPreset } = await import('../../src/presets/index.js');
    const loaded = loadPreset('perps-october-2025');
    if (!loaded.ok) throw new Error('perps-october-2025');
    const timeline = new Timeline(loaded.preset);
    timeline.positionsAt(5);
    expect(timeline.run()).toBeUndefined();
    const last = timeline.finish();
    timeline.positionsAt(2);
    const run = timeline.run()!;
    expect(run.rounds).toHaveLength(last);
    expect(summarize(run)).toEqual(summarize(runCascade(loaded.preset)));
  });
});

describe('the timeline shows the attacker’s loan', () => {
  it('from its borrow round on, exactly as a fresh cascade holds it, and not before', async () => {
    const { loadPreset } = await import('../../src/presets/index.js');
    const loaded = loadPreset('mango-markets-2022');
    if (!loaded.ok) throw new Error('mango-markets-2022');
    const scenario = loaded.preset;
    const timeline = new Timeline(scenario);
    const last = timeline.finish();
    const borrowRound = scenario.attacker!.borrowRound ?? scenario.attacker!.round;
    const attacker = timeline.positions - 1;
    const after = (round: number) => {
      const cascade = new Cascade(scenario, { maxRounds: round });
      while (!cascade.done && round > 0) cascade.step();
      return cascade.book;
    };
    for (const round of [
      last,
      0,
      borrowRound,
      borrowRound - 1,
      Math.min(last, borrowRound + 3),
      borrowRound,
    ]) {
      const view = timeline.positionsAt(round);
      const book = after(round);
      expect(view.debt[attacker], `round ${round}`).toBe(book.debt[attacker]);
      expect(view.open[attacker], `round ${round}`).toBe(book.open[attacker]);
    }
    expect(timeline.positionsAt(borrowRound).debt[attacker]).toBeGreaterThan(100e6);
    expect(timeline.positionsAt(borrowRound - 1).debt[attacker]).toBe(0);
  });
});
