import { describe, expect, it } from 'vitest';
import { runCascade, summarize } from '../../src/engine/index.js';
import { liquidatorLossNote } from '../../src/findings.js';
import { runText } from '../../src/cli/run-text.js';
import { loadPreset } from '../../src/presets/index.js';
import { formatNumber, formatPct, formatTimes } from '../../src/format.js';
import { headerFindings, troughSoFar, troughUpTo } from '../../src/ui/helpers/outcome.js';
import { openSession } from '../../src/ui/state/session.js';
import { PARAMS, stepParam } from '../../src/ui/params.js';

function session(id: string) {
  const loaded = loadPreset(id);
  if (!loaded.ok) throw new Error(`${id} did not load`);
  return openSession(loaded);
}

describe('the header beyond the round shown', () => {
  it('the trough so far is the lowest price after a sale up to the round, with its drawdown and amplification', () => {
    const s = session('recovering-spot');
    const last = s.timeline.reach(1000);
    const prices = s.timeline.recordsTo(last).map((r) => r.price);
    const lowest = Math.min(...prices);
    expect(troughSoFar(s.timeline, last)).toEqual({ price: lowest, round: prices.indexOf(lowest) + 1 });
    expect(troughSoFar(s.timeline, 1)).toEqual({ price: prices[0], round: 1 });
    expect(troughSoFar(s.timeline, 0)).toBeNull();
    const summary = summarize(s.timeline.run()!);
    expect(headerFindings(s, last).trough).toBe(
      `Trough ${formatNumber(summary.troughPrice)} USD r${summary.troughRound} ` +
        `(−${formatPct(summary.troughDrawdownPct)}, ${formatTimes(summary.troughAmplification!)})`,
    );
    // Mid-run too: round 1's drawdown over the 10% shock.
    const first = 1 - prices[0]! / s.preset.asset.price;
    expect(headerFindings(s, 1).trough).toBe(
      `Trough ${formatNumber(prices[0]!)} USD r1 (−${formatPct(first)}, ${formatTimes(first / 0.1)})`,
    );
    expect(headerFindings(s, 0).trough).toBeNull();
  });

  it('a lowest price above the start (a pump, a squeeze) is not called a trough, on screen or in run', () => {
    const squeeze = session('short-squeeze');
    const last = squeeze.timeline.finish();
    const m = summarize(squeeze.timeline.run()!);
    expect(m.troughDrawdownPct).toBeLessThan(0);
    expect(headerFindings(squeeze, last).trough).toBeNull();
    // Mango at round 2: the pumped price is above the start; once the slide goes below it, a trough again.
    const mango = session('mango-markets-2022');
    mango.timeline.finish();
    expect(headerFindings(mango, 2).trough).toBeNull();
    expect(headerFindings(mango, mango.timeline.finish()).trough).toMatch(/^Trough 0\.01712 USD r37 \(−/);
    const text = runText(runCascade(squeeze.preset));
    expect(text).toContain(
      `  trough       none below the start: the lowest price after a sale, ${formatNumber(m.troughPrice)} USD`,
    );
  });

  it('mid-run, the trough is the summary of the run cut at that round (troughPrice … troughAmplification)', () => {
    // A path preset: the shock to the trough round is the path's own fall, so the amplification moves.
    for (const id of ['recovering-spot', 'path-replay']) {
      const s = session(id);
      const last = s.timeline.finish();
      for (let round = 1; round <= last; round++) {
        const cut = summarize(runCascade(s.preset, { maxRounds: round }));
        const trough = troughUpTo(s.timeline, round)!;
        expect(trough, `${id} round ${round}`).toEqual({
          troughPrice: cut.troughPrice,
          troughRound: cut.troughRound,
          troughDrawdownPct: cut.troughDrawdownPct,
          troughAmplification: cut.troughAmplification,
        });
      }
    }
  });

  it("says the liquidators' loss and the shortfall only once the run is over", () => {
    const thin = session('thin-pool');
    const last = thin.timeline.reach(1000);
    expect(headerFindings(thin, last - 1).liquidators).toBeNull();
    expect(headerFindings(thin, last).liquidators).toMatch(
      /^liquidators lost [\d,.]+ USD on [\d,]+ liquidations — try liquidators\.requireProfit$/,
    );
    const mango = session('mango-markets-2022');
    const end = mango.timeline.reach(1000);
    // In run's digits: "total loss   111,177,311 USD: bad debt 140,653 USD + shortfall 111,036,657 USD".
    expect(headerFindings(mango, end).shortfall).toBe('Shortfall 111,036,657 USD (loss 111,177,311 USD)');
    expect(headerFindings(mango, end - 1).shortfall).toBeNull();
  });

  it('names no lever when liquidators already need a profit, and says nothing when they made one', () => {
    const loaded = loadPreset('thin-pool');
    if (!loaded.ok) throw new Error('thin-pool did not load');
    const p = loaded.preset;
    const made = summarize(runCascade({ ...p, liquidators: { requireProfit: true } }));
    expect(made.liquidatorProfit).toBeGreaterThan(0);
    expect(liquidatorLossNote(made, p)).toBeNull();
    const lost = { ...made, liquidatorProfit: -1e6, unprofitableLiquidations: 1 };
    expect(liquidatorLossNote(lost, { ...p, liquidators: { requireProfit: true } })).toBe(
      'liquidators lost 1,000,000 USD on 1 liquidation',
    );
  });
});

describe('the economics and TWAP levers', () => {
  const twap = loadPreset('oracle-trio-twap');
  if (!twap.ok) throw new Error('oracle-trio-twap did not load');
  const param = (path: string) => PARAMS.find((p) => p.path === path)!;

  it('TWAP sampling steps from the default "start" to "time-weighted", and the mean to "geometric"', () => {
    const sampled = stepParam(twap.preset, param('oracle.sampling'), 1);
    expect(sampled.ok && sampled.preset.oracle).toMatchObject({ model: 'twap', sampling: 'time-weighted' });
    const geometric = stepParam(twap.preset, param('oracle.mean'), 1);
    expect(geometric.ok && geometric.preset.oracle).toMatchObject({ mean: 'geometric' });
  });

  it('recycle and partial fills turn on beside a capital', () => {
    const scarce = loadPreset('liquidators-scarce');
    if (!scarce.ok) throw new Error('liquidators-scarce did not load');
    const recycled = stepParam(scarce.preset, param('liquidators.recycle'), 1);
    expect(recycled.ok && recycled.preset.liquidators?.recycle).toBe(true);
    const partly = stepParam(scarce.preset, param('liquidators.partialFills'), 1);
    expect(partly.ok && partly.preset.liquidators?.partialFills).toBe(true);
  });
});
