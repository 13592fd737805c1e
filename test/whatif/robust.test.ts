import { describe, expect, it } from 'vitest';
import { runCascade, summarize } from '../../src/engine/index.js';
import { loadPreset, type Preset } from '../../src/presets/index.js';
import {
  NO_LOOP_DEPTH,
  describeShare,
  loopFigures,
  loopShare,
  noLoopTwin,
  shortfallOf,
} from '../../src/whatif/loop.js';
import { formatPct } from '../../src/format.js';
import { readReport } from '../../src/whatif/report.js';
import { figureBands, robustVariants, scaleDepth, scaleParameter } from '../../src/whatif/robust.js';

function load(id: string): Preset {
  const loaded = loadPreset(id);
  if (!loaded.ok) throw new Error(id);
  return loaded.preset;
}

describe('robustness reruns', () => {
  it('seeds 1–10, each fitted parameter and the depth at ±20%, in that order', () => {
    const preset = load('black-thursday-2020');
    const variants = robustVariants(preset);
    expect(variants.map((v) => v.label)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `seed ${i + 1}`),
      'liquidators.capital ×0.8',
      'liquidators.capital ×1.2',
      'depth ×0.8',
      'depth ×1.2',
    ]);
    expect(variants[2]!.preset.generate!.seed).toBe(3);
    expect(variants[10]!.preset.liquidators!.capital).toBeCloseTo(0.8 * preset.liquidators!.capital!, 6);
    expect(variants[13]!.preset.market.depth2pct).toBeCloseTo(1.2 * preset.market.depth2pct, 6);
    // The preset itself is left as it was.
    expect(preset.generate!.seed).toBe(2020);
    // A preset without a drawn book has no seeds to vary; depth, when fitted, is varied once.
    expect(robustVariants(load('aave-crv-2022')).map((v) => v.label)).toEqual([
      'market.depth2pct ×0.8',
      'market.depth2pct ×1.2',
    ]);
  });

  it('a moved parameter keeps a count whole and a trade its sign; depth moves every venue', () => {
    const compound = load('compound-dai-2020');
    expect(scaleParameter(compound, 'attacker.trade', 0.8).attacker!.trade).toBe(-3116800);
    expect(scaleParameter(load('may-19-2021'), 'generate.count', 1.2).generate!.count).toBe(29400);
    expect(() => scaleParameter(compound, 'market', 2)).toThrow(/not a number/);
    const deeper = scaleDepth(compound, 2);
    expect(deeper.venues!.map((v) => v.depth2pct)).toEqual(compound.venues!.map((v) => 2 * v.depth2pct));
  });

  it("a figure's band is the range over the preset and its reruns; fragile when a rerun leaves the tolerance", () => {
    const preset = load('aave-crv-2022');
    const variants = robustVariants(preset);
    const base = summarize(runCascade(preset));
    const summaries = variants.map((v) => summarize(runCascade(v.preset)));
    const bands = figureBands(preset, base, variants, summaries);
    expect(bands.map((b) => b.metric)).toEqual(['minPrice', 'collateralSold', 'badDebt']);
    const [high, sold, badDebt] = bands;
    // CRV's high, a documented miss, misses on every rerun too.
    expect(high!.outside).toEqual(variants.map((v) => v.label));
    // All the collateral is sold at ±20% depth: within 1% everywhere.
    expect(sold!.fragile).toBe(false);
    expect(sold!.min).toBeCloseTo(63.6e6, 0);
    // The bad debt is a fit to depth: a thinner venue leaves more, a deeper one less, both outside ±10%.
    expect(badDebt!.fragile).toBe(true);
    expect(badDebt!.outside).toEqual(['market.depth2pct ×0.8', 'market.depth2pct ×1.2']);
    expect(badDebt!.max).toBe(summaries[0]!.badDebt);
    expect(badDebt!.min).toBe(summaries[1]!.badDebt);
    expect(badDebt!.max! / badDebt!.recorded).toBeGreaterThan(1.5);
    expect(badDebt!.bands).toEqual([
      { label: 'market.depth2pct ±20%', min: summaries[1]!.badDebt, max: summaries[0]!.badDebt },
    ]);
  });
});

describe("the loop's share", () => {
  it('the twin deepens only the sale venue, and an attacker on it trades as many times more', () => {
    const compound = load('compound-dai-2020');
    const twin = noLoopTwin(compound);
    // Compound sells on the main venue (Curve); the attacker pushes Coinbase, which stays as it was.
    expect(twin.market.depth2pct).toBe(compound.market.depth2pct * NO_LOOP_DEPTH);
    expect(twin.venues).toEqual(compound.venues);
    expect(twin.attacker).toEqual(compound.attacker);
    const mango = load('mango-markets-2022');
    const mangoTwin = noLoopTwin(mango);
    expect(mangoTwin.attacker!.trade).toBe(mango.attacker!.trade * NO_LOOP_DEPTH);
    // Its push on the price is the same: the peak the oracle reads is unchanged.
    const peak = summarize(runCascade(mango)).maxPrice;
    expect(summarize(runCascade(mangoTwin)).maxPrice / peak).toBeCloseTo(1, 6);
  });

  it("without the loop the venue's low is the outside path's; the loop's share is (with − without) / with where the loop adds", () => {
    const preset = load('may-19-2021');
    const twin = summarize(runCascade(noLoopTwin(preset)));
    const pathLow = Math.min(...preset.path!.prices);
    expect(twin.minPrice / pathLow).toBeCloseTo(1, 3);
    const run = runCascade(preset);
    const base = summarize(run);
    const share = loopShare(loopFigures(base, shortfallOf(run)), loopFigures(twin, 0));
    expect(share.withLoop.drawdown).toBeCloseTo(1 - base.minPrice / base.initialPrice, 12);
    expect(share.share.drawdown).toBeCloseTo(
      (share.withLoop.drawdown - share.withoutLoop.drawdown) / share.withLoop.drawdown,
      12,
    );
    // The same loans are liquidated either way (the book's sales add 2% to the fall, not a liquidation), but
    // for a few small ones whose liquidation pays its $250 of gas only where the sale moves the price less.
    expect(Math.abs(share.share.positionsLiquidated!)).toBeLessThan(0.01);
    // Losses only from the loans gas leaves under water, and only with the loop (in the deep twin their
    // liquidation pays): all of a loss that is a rounding error of the day.
    expect(share.withoutLoop.losses).toBe(0);
    expect(share.withLoop.losses).toBeLessThan(1e-6 * base.debtRepaid);
    expect(share.share.losses).toBe(share.withLoop.losses > 0 ? 1 : null);
  });

  it('mango-markets-2022: where the deep twin liquidates more, the share is what the loop prevents, never below −100%', () => {
    const mango = load('mango-markets-2022');
    const run = runCascade(mango);
    const twinRun = runCascade(noLoopTwin(mango));
    const share = loopShare(
      loopFigures(summarize(run), shortfallOf(run)),
      loopFigures(summarize(twinRun), shortfallOf(twinRun)),
    );
    // On a deep venue the attacker's collateral fetches enough to be liquidated at a profit: tens of millions
    // liquidated against the preset's few hundred thousand.
    const { withLoop, withoutLoop } = share;
    expect(withoutLoop.liquidated).toBeGreaterThan(100 * withLoop.liquidated);
    expect(share.share.liquidated).toBeCloseTo(
      (withLoop.liquidated - withoutLoop.liquidated) / withoutLoop.liquidated,
      12,
    );
    expect(share.share.liquidated).toBeGreaterThanOrEqual(-1);
    expect(describeShare('liquidated', share.share.liquidated)).toBe(
      `n/a: the deep venue liquidates more (the loop prevents ${formatPct(-share.share.liquidated!)})`,
    );
    // Where the loop adds, the share reads as a change; where both are 0, as nothing.
    expect(describeShare('losses', share.share.losses)).toMatch(/^\+\d+\.\d%$/);
    expect(describeShare('losses', 0)).toBe('±0.0%');
    expect(describeShare('losses', null)).toBe('—');
    // Every history preset's shares lie in [−1, 1]: test/cli/robust.test.ts prints them.
    for (const k of ['drawdown', 'positionsLiquidated', 'liquidated', 'losses'] as const) {
      const v = share.share[k];
      if (v !== null) expect(Math.abs(v)).toBeLessThanOrEqual(1);
    }
  });

  it("the shortfall counts a loan left under water at the venue's price, even one a floored oracle calls healthy", () => {
    const luna = load('luna-oracle-floor-2022');
    const run = runCascade(luna);
    const summary = summarize(run);
    // The borrower's loan, and the dust loans profit-seeking liquidators leave after their gas (under 1% of it).
    expect(shortfallOf(run)).toBeGreaterThanOrEqual(summary.attack!.badDebt - 0.5);
    expect(shortfallOf(run)).toBeLessThan(1.01 * summary.attack!.badDebt);
  });

  it('aave-crv-2022: the spiral is the loop, so without it there is no bad debt and a third less fall', () => {
    const preset = load('aave-crv-2022');
    const run = runCascade(preset);
    const twinRun = runCascade(noLoopTwin(preset));
    const report = readReport(preset, [
      { summary: summarize(run), shortfall: shortfallOf(run) },
      { summary: summarize(twinRun), shortfall: shortfallOf(twinRun) },
      ...robustVariants(preset).map((v) => {
        const r = runCascade(v.preset);
        return { summary: summarize(r), shortfall: shortfallOf(r) };
      }),
    ]);
    expect(report.loop.withoutLoop.losses).toBe(0);
    expect(report.loop.share.losses).toBe(1);
    expect(report.loop.share.drawdown).toBeGreaterThan(0.25);
    expect(report.variants).toHaveLength(2);
  });
});
