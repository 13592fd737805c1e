import { describe, expect, it } from 'vitest';
import { liqloop } from '../helpers/cli.js';

// --robust runs on worker threads, so these go through the built command.
describe('liqloop run --robust', () => {
  it('prints each figure’s range over the reruns, marks the fragile ones, and the loop’s share', () => {
    const text = liqloop(['run', 'aave-crv-2022', '--robust']);
    expect(text.status).toBe(0);
    // Not a terminal: no progress bar.
    expect(text.stderr).toBe('');
    expect(text.stdout).toContain('Against the record');
    expect(text.stdout).toMatch(/Robustness: 2 reruns \(market\.depth2pct ±20%\)/);
    expect(text.stdout).toMatch(
      /bad debt, 2\.64M CRV[^\n]*\[fitted \(market\.depth2pct\)\][^\n]*range 1,171,\d+ – 4,709,\d+/,
    );
    expect(text.stdout).toMatch(
      /FRAGILE: outside ±10\.0% with market\.depth2pct ×0\.8, market\.depth2pct ×1\.2/,
    );
    expect(text.stdout).toMatch(/USDC collateral liquidated[^\n]*\n +robust: within ±1\.0% on every rerun/);
    expect(text.stdout).toMatch(/The loop's share/);
    expect(text.stdout).toMatch(/losses \(CRV\) +2,668,617 +0 +\+100\.0%/);
  });

  it('--json adds the bands and the loop’s share; without --robust the object is as before', () => {
    const json = JSON.parse(liqloop(['run', 'black-thursday-2020', '--robust', '--json']).stdout);
    expect(json.robust.variants).toHaveLength(14);
    const byMetric = Object.fromEntries(json.robust.figures.map((f: { metric: string }) => [f.metric, f]));
    expect(byMetric.badDebt).toMatchObject({
      role: 'fitted',
      fittedBy: 'liquidators.capital',
      fragile: true,
    });
    expect(byMetric.minPrice).toMatchObject({ role: 'input', fragile: false, outside: [] });
    expect(byMetric.badDebt.min).toBeLessThan(byMetric.badDebt.modelled);
    expect(byMetric.badDebt.bands.map((b: { label: string }) => b.label)).toEqual([
      'seeds 1–10',
      'liquidators.capital ±20%',
      'depth ±20%',
    ]);
    // Depth moves nothing of the auctions: the price their keepers' sales made plays no part.
    const depth = byMetric.badDebt.bands[2];
    expect(depth.min / depth.max).toBeCloseTo(1, 12);
    expect(json.robust.loop.withLoop.drawdown).toBeGreaterThan(json.robust.loop.withoutLoop.drawdown);
    expect(Math.abs(json.robust.loop.share.losses)).toBeLessThan(0.01);
    expect(json.summary).toEqual(
      JSON.parse(liqloop(['run', 'black-thursday-2020', '--json']).stdout).summary,
    );
    expect(JSON.parse(liqloop(['run', 'black-thursday-2020', '--json']).stdout)).not.toHaveProperty('robust');
  });

  it('a lesson has no record to band, but still its loop’s share; CSV is refused', () => {
    const lesson = liqloop(['run', 'thin-pool', '--robust']);
    expect(lesson.status).toBe(0);
    expect(lesson.stdout).toContain('(no recorded figure with a metric)');
    expect(lesson.stdout).toMatch(/fall to the low \(ETH\)/);
    const csv = liqloop(['run', 'thin-pool', '--robust', '--out', 'x.csv']);
    expect(csv.status).toBe(1);
    expect(csv.stderr).toMatch(/--robust writes text or JSON, not CSV/);
  });
});
