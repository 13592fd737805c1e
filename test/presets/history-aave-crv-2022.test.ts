import { describe, expect, it } from 'vitest';
import { runCascade, summarize, type Scenario } from '../../src/engine/index.js';
import { checkRecord, loadPreset } from '../../src/presets/index.js';

function load(): Scenario {
  const loaded = loadPreset('aave-crv-2022');
  if (!loaded.ok) throw new Error(`aave-crv-2022: ${JSON.stringify(loaded.problems)}`);
  return loaded.preset;
}

/** The whale's loan-to-value, debt over collateral at the oracle's price (the asset is USDC priced in CRV). */
const ltv = (debt: number, collateral: number, price: number) => debt / (collateral * price);

describe('aave-crv-2022', () => {
  const preset = load();
  const run = runCascade(preset, { recordEvents: true });
  const summary = summarize(run);
  const { bonus, threshold, closeFactor } = preset.liquidation;
  const frontier = 1 / (1 + bonus);

  /** The whale's liquidations, one per round, with its LTV before and after at that round's oracle price. */
  const liquidations = run.rounds.flatMap((record, i) => {
    const events = run.events![i]!;
    return events.position.map((_, j) => ({
      round: record.round,
      price: record.oraclePrice,
      before: ltv(events.debtBefore[j]!, events.collateralBefore[j]!, record.oraclePrice),
      after: events.closed[j]!
        ? Infinity
        : ltv(events.debtAfter[j]!, events.collateralAfter[j]!, record.oraclePrice),
      badDebt: events.badDebt[j]!,
      closed: events.closed[j]!,
    }));
  });

  it('converges, and every matched figure is within its tolerance', () => {
    expect(summary.converged).toBe(true);
    const checks = checkRecord(summary, preset.record ?? []);
    expect(checks.length).toBeGreaterThanOrEqual(7);
    // Each figure against its tolerance: test/presets/history.test.ts.
    // In dollars at CRV $0.61, where the liquidation began: about the $1.6M the record gives.
    expect(Math.abs((summary.badDebt * 0.61) / 1.6e6 - 1)).toBeLessThan(0.1);
    // The record's bound on CRV's high: above $0.60, i.e. USDC below 1/0.60 CRV.
    expect(summary.minPrice).toBeLessThan(1 / 0.6);
  });

  it('with LT 88% the whale is liquidatable once CRV passes about $0.61, not at $0.60', () => {
    const whale = preset.positions![0]!;
    const crvAtLine = (whale.collateral * threshold) / whale.debt; // USD per CRV where HF = 1
    expect(crvAtLine).toBeGreaterThan(0.6);
    expect(crvAtLine).toBeLessThan(0.615);
    expect(liquidations[0]!.round).toBe(1);
    // The same squeeze stopping at CRV $0.60 liquidates nothing.
    const at60 = summarize(runCascade({ ...preset, shock: { pct: 1 - 1 / 0.6 / preset.asset.price } }));
    expect(at60.positionsLiquidated).toBe(0);
    expect(at60.badDebt).toBe(0);
  });

  it('the toxic spiral: below 1/(1 + bonus) a half-liquidation lowers the LTV, above it each one raises it', () => {
    expect(liquidations.length).toBeGreaterThanOrEqual(4);
    const [first, ...rest] = liquidations;
    // Round 1: liquidatable (LTV above LT) but below the frontier, so the half-liquidation repairs the loan.
    expect(first!.before).toBeGreaterThan(threshold);
    expect(first!.before).toBeLessThan(frontier);
    expect(first!.after).toBeLessThan(first!.before);
    expect(first!.after).toBeLessThan(threshold);
    // The liquidators' purchase of CRV on the thin venue moves the oracle: at round 2's price the same loan
    // is past the frontier.
    expect(rest[0]!.price).toBeLessThan(first!.price);
    expect(rest[0]!.before).toBeGreaterThan(frontier);
    // From then on every half-liquidation starts past the frontier and leaves the LTV higher, by the algebra
    // L' = (1 − c) L / (1 − c (1 + b) L), until the collateral runs out with bad debt.
    for (const l of rest) {
      expect(l.before, `round ${l.round}`).toBeGreaterThan(frontier);
      expect(l.after, `round ${l.round}`).toBeGreaterThan(l.before);
      if (!l.closed) {
        const c = closeFactor!;
        expect(l.after).toBeCloseTo(((1 - c) * l.before) / (1 - c * (1 + bonus) * l.before), 9);
      }
    }
    const last = liquidations.at(-1)!;
    expect(last.closed).toBe(true);
    expect(last.badDebt).toBe(summary.badDebt);
    expect(summary.collateralSold).toBeCloseTo(preset.positions![0]!.collateral, 0);
  });

  it('a lower bonus, full liquidation or a deep venue leave less bad debt', () => {
    const badDebtWith = (change: Partial<Scenario>) =>
      summarize(runCascade({ ...preset, ...change })).badDebt;
    const lowerBonus = badDebtWith({ liquidation: { ...preset.liquidation, bonus: 0.02 } });
    expect(lowerBonus).toBeLessThan(0.5 * summary.badDebt);
    // At a 1% bonus the frontier, 1/1.01, is further than the thin venue's slippage carries the loan.
    expect(badDebtWith({ liquidation: { ...preset.liquidation, bonus: 0.01 } })).toBe(0);
    // Full liquidation repays the whole 92M CRV in round 1, while the loan is still solvent at the oracle
    // price: no bad debt, though all the CRV is bought at once.
    const full = summarize(
      runCascade({ ...preset, liquidation: { ...preset.liquidation, mechanism: 'full' } }),
    );
    expect(full.badDebt).toBe(0);
    expect(full.collateralReturned).toBeGreaterThan(0);
    // The same purchases spread over the 50 minutes the record gives (250 blocks): the spiral never starts.
    const spread = { ...preset.liquidation, maxSellPerRound: preset.positions![0]!.collateral / 250 };
    expect(badDebtWith({ liquidation: spread })).toBe(0);
    // Ten times the depth: the liquidators' buying no longer pushes the loan past the frontier.
    expect(badDebtWith({ market: { ...preset.market, depth2pct: 10 * preset.market.depth2pct } })).toBe(0);
  });

  it('with profit-seeking liquidators, as the real ones were, nothing is liquidated: the bad debt needs indifferent ones', () => {
    const seeking = summarize(
      runCascade({ ...preset, liquidators: { ...preset.liquidators, requireProfit: true } }),
    );
    expect(seeking.positionsLiquidated).toBe(0);
    expect(seeking.badDebt).toBe(0);
    expect(seeking.unresolvedDebt).toBe(preset.positions![0]!.debt);
  });
});
