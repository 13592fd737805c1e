import { describe, expect, it } from 'vitest';
import { runCascade, summarize, type Scenario } from '../../src/engine/index.js';
import { checkRecord, loadPreset } from '../../src/presets/index.js';

const loaded = loadPreset('may-19-2021');
if (!loaded.ok) throw new Error(`may-19-2021: ${JSON.stringify(loaded.problems)}`);
const preset: Scenario = loaded.preset;
const baseline = runCascade(preset);
const summary = summarize(baseline);
const path = preset.path!.prices;
/** The hour of the path's low (rounds count from 1). */
const lowRound = path.indexOf(Math.min(...path)) + 1;

/** The preset with one part of it changed. */
const variant = (change: Partial<Scenario>) => summarize(runCascade({ ...preset, ...change }));

describe('19 May 2021: ETH to ~$1,874 (Aave, Compound and Maker as one book)', () => {
  it('runs the day and converges, with no bad debt; the loans left are those whose liquidation would not pay its gas', () => {
    expect(summary.converged).toBe(true);
    expect(summary.rounds).toBe(path.length);
    expect(summary.badDebt).toBe(0);
    // $250 of gas a liquidation (Ethereum that day): a loan whose best liquidation, half its debt at the
    // 7.4% bonus, earns less is left under water; they are a rounding error of the day's volume.
    const { book } = baseline;
    const P = baseline.rounds.at(-1)!.oraclePrice;
    const { closeFactor, bonus } = preset.liquidation;
    for (let i = 0; i < book.count; i++)
      if (book.open[i] && book.debt[i]! > book.collateral[i]! * P * book.threshold[i]!)
        expect(book.debt[i]! * closeFactor! * bonus).toBeLessThan(preset.liquidators!.gasCost!);
    expect(summary.unresolvedDebt).toBeLessThan(1e-3 * summary.debtRepaid);
    expect(variant({ liquidators: undefined }).unresolvedDebt).toBe(0);
  });

  it('matches every figure it claims, within its tolerance, and says why it misses the rest', () => {
    const checks = checkRecord(summary, preset.record ?? []);
    const matched = checks.filter((c) => c.within !== null);
    expect(matched.map((c) => c.figure.metric)).toEqual(['saleProceeds', 'minPrice']);
    for (const check of matched) expect(check.within, check.figure.figure).toBe(true);
    for (const check of checks.filter((c) => c.within === null))
      expect(check.figure.unmatched?.length, check.figure.figure).toBeGreaterThan(40);
  });

  it('every liquidation happens on the way down: the most in the hour of the low, none on the rebound', () => {
    expect(lowRound).toBeGreaterThan(1);
    expect(lowRound).toBeLessThan(path.length);
    const repaid = baseline.rounds.map((r) => r.debtRepaid);
    expect(repaid.indexOf(Math.max(...repaid)) + 1).toBe(lowRound);
    expect(baseline.rounds.slice(lowRound).every((r) => r.liquidations === 0)).toBe(true);
    // The second half of the slide carries most of the day's volume.
    const half = Math.floor(lowRound / 2);
    const late = repaid.slice(half, lowRound).reduce((a, b) => a + b, 0);
    expect(late).toBeGreaterThan(0.7 * summary.debtRepaid);
  });

  it("the liquidations' own sales dip the venue below the path, but arbitrage restores it each hour: on a market ten times as deep the same loans are liquidated", () => {
    for (const r of baseline.rounds.filter((r) => r.liquidations > 0))
      expect(r.price).toBeLessThan(r.startPrice);
    expect(summary.minPrice).toBeLessThan(0.99 * path[lowRound - 1]!);
    const deep = variant({ market: { ...preset.market, depth2pct: 10 * preset.market.depth2pct } });
    expect(deep.minPrice).toBeGreaterThan(0.995 * path[lowRound - 1]!);
    // The same loans, but for the few whose liquidation pays its gas only where the sale moves the price less.
    expect(deep.positionsLiquidated).toBeGreaterThanOrEqual(summary.positionsLiquidated);
    expect(deep.positionsLiquidated).toBeLessThan(1.01 * summary.positionsLiquidated);
    expect(Math.abs(deep.debtRepaid - summary.debtRepaid)).toBeLessThan(1e-3 * summary.debtRepaid);
  });

  it('congestion capping liquidators at $20M an hour leaves loans waiting at the low; the rebound rescues them and the volume falls short of the record', () => {
    const congestedRun = runCascade({
      ...preset,
      liquidators: { ...preset.liquidators, capital: 20_000_000 },
    });
    const congested = summarize(congestedRun);
    const forCapital = (run: typeof baseline) => run.rounds.reduce((n, r) => n + r.skippedForCapital, 0);
    expect(forCapital(baseline)).toBe(0);
    expect(forCapital(congestedRun)).toBeGreaterThan(0);
    expect(congested.resolvedAtRound).toBeGreaterThan(lowRound);
    expect(congested.positionsLiquidated).toBeLessThan(0.8 * summary.positionsLiquidated);
    const [volume] = (preset.record ?? []).filter((f) => f.metric === 'saleProceeds');
    expect(congested.saleProceeds).toBeLessThan((1 - volume!.tolerance!) * (volume!.recorded as number));
    expect(congested.badDebt).toBe(0);
  });

  it('the 50% close factor of Aave and Compound matters: whole-loan liquidation of the same book would sell over 30% more', () => {
    const whole = variant({ liquidation: { ...preset.liquidation, mechanism: 'full' } });
    // Whole loans pay their gas more often, so a few more are liquidated at all.
    expect(whole.positionsLiquidated).toBeGreaterThanOrEqual(summary.positionsLiquidated);
    expect(whole.saleProceeds).toBeGreaterThan(1.3 * summary.saleProceeds);
  });
});
