import { describe, expect, it } from 'vitest';
import { runCascade, summarize, type Scenario } from '../../src/engine/index.js';
import { checkRecord, loadPreset } from '../../src/presets/index.js';

const loaded = loadPreset('black-thursday-2020');
if (!loaded.ok) throw new Error(`black-thursday-2020: ${JSON.stringify(loaded.problems)}`);
const preset: Scenario = loaded.preset;
const baseline = runCascade(preset);
const summary = summarize(baseline);

/** The preset with one part of it changed. */
const variant = (change: Partial<Scenario>) => summarize(runCascade({ ...preset, ...change }));

describe('Black Thursday, 12–13 March 2020 (MakerDAO)', () => {
  it('runs until every auction has settled, so the whole deficit is bad debt', () => {
    expect(summary.converged).toBe(true);
    expect(summary.unresolvedDebt).toBe(0);
    // The auctions outlast the 26-hour slide.
    expect(summary.resolvedAtRound).toBeGreaterThan(preset.path!.prices.length);
  });

  it('matches every figure it claims, within its tolerance, and says why it misses the rest', () => {
    const checks = checkRecord(summary, preset.record ?? []);
    const matched = checks.filter((c) => c.within !== null);
    expect(matched.map((c) => c.figure.metric)).toEqual([
      'badDebt',
      'minPrice',
      'zeroBidShare',
      'valueWonForZero',
    ]);
    for (const check of matched) expect(check.within, check.figure.figure).toBe(true);
    for (const check of checks.filter((c) => c.within === null))
      expect(check.figure.unmatched?.length, check.figure.figure).toBeGreaterThan(40);
  });

  it('bad debt starts only once the keepers have spent their whole hour of DAI', () => {
    const capital = preset.liquidators!.capital!;
    // What keepers paid is the debt it repaid plus the penalty income.
    const bound = baseline.rounds.map((r) => r.debtRepaid + r.penaltyIncome >= capital * (1 - 1e-9));
    const firstBound = bound.indexOf(true);
    const firstBad = baseline.rounds.findIndex((r) => r.badDebt > 0);
    expect(firstBound).toBeGreaterThan(0);
    expect(firstBound).toBeLessThan(preset.path!.prices.length);
    expect(firstBad).toBeGreaterThan(firstBound);
    // Before the DAI runs out, every auction raises its tab: no shortfall at all.
    expect(baseline.rounds.slice(0, firstBound + 1).every((r) => r.badDebt === 0)).toBe(true);
  });

  it('with keepers who never run out of DAI the same crash leaves no deficit', () => {
    const plentiful = variant({ liquidators: { capital: 1e15 } });
    expect(plentiful.positionsLiquidated).toBe(summary.positionsLiquidated);
    expect(plentiful.badDebt).toBe(0);
    expect(plentiful.resolvedAtRound).toBeLessThan(summary.resolvedAtRound);
  });

  it('the zero bids are the deficit: auctions that restart instead (Liquidations 2.0) leave under a tenth of it', () => {
    const auction = preset.liquidation.auction!;
    expect(summary.auctionsWonForZero).toBeGreaterThan(0);
    const dutch = variant({
      liquidation: { ...preset.liquidation, auction: { ...auction, zeroBids: false } },
    });
    expect(dutch.auctionsWonForZero).toBe(0);
    expect(dutch.valueWonForZero).toBe(0);
    expect(dutch.badDebt).toBeLessThan(0.1 * summary.badDebt);
    // The lots that waited are paid for later instead of given away.
    expect(dutch.debtRepaid).toBeGreaterThan(summary.debtRepaid * 1.3);
  });

  it('on this smooth synthetic path the oracle delay only postpones: three hours instead of one, the same deficit two rounds later', () => {
    const oracle = preset.oracle;
    if (oracle.model !== 'lagged') throw new Error('expected the OSM as a lagged oracle');
    const slower = variant({ oracle: { ...oracle, delay: 3 } });
    expect(slower.badDebt).toBeCloseTo(summary.badDebt, 0);
    expect(slower.positionsLiquidated).toBe(summary.positionsLiquidated);
    expect(slower.resolvedAtRound).toBe(summary.resolvedAtRound + 2);
  });

  it("Maker's Vow nets: in 2020 every bid went to the Vow, and the auctions that cleared paid 1.4M of penalties against the deficit", () => {
    expect(preset.liquidation.auction!.accounting).toBe('maker');
    expect(summary.penaltyIncome).toBeGreaterThan(1e6);
    expect(summary.vowDeficit).toBeCloseTo(summary.badDebt - summary.penaltyIncome, 0);
    // Liquidations 1.0 had no limit on DAI in auction and no keeper incentives.
    expect(preset.liquidation.auction!.hole).toBeUndefined();
    expect(summary.keeperIncentives).toBe(0);
  });

  it('a Liquidations 2.0 hole (not in force in 2020) paces the kicks: at $1M the deficit all but goes, at $200k the waiting costs more', () => {
    const withHole = (hole: number) =>
      variant({ liquidation: { ...preset.liquidation, auction: { ...preset.liquidation.auction!, hole } } });
    const paced = withHole(1e6);
    expect(paced.maxWaitingForHole).toBeGreaterThan(100);
    expect(paced.auctionsWonForZero).toBe(0);
    expect(paced.badDebt).toBeLessThan(0.01 * summary.badDebt);
    expect(paced.positionsLiquidated).toBe(summary.positionsLiquidated);
    const tight = withHole(2e5);
    expect(tight.badDebt).toBeGreaterThan(100 * paced.badDebt);
    expect(tight.resolvedAtRound).toBeGreaterThan(3 * paced.resolvedAtRound);
  });
});
