// luna-oracle-floor-2022: LUNA from $80 to $0.01 in six days, read through a feed with a $0.107 floor
// (Chainlink's minAnswer); a borrower deposits LUNA bought at the market and borrows against the floor,
// and Venus is left with $11.2M of bad debt.
import { describe, expect, it } from 'vitest';
import { runCascade, summarize } from '../../src/engine/index.js';
import { checkRecord, loadPreset, type Preset } from '../../src/presets/index.js';

function load(): Preset {
  const loaded = loadPreset('luna-oracle-floor-2022');
  if (!loaded.ok) throw new Error(`luna-oracle-floor-2022: ${JSON.stringify(loaded.problems)}`);
  return loaded.preset;
}

describe('luna-oracle-floor-2022', () => {
  const preset = load();
  const run = runCascade(preset);
  const summary = summarize(run);
  const attack = summary.attack!;
  const attacker = preset.attacker!;
  const floor = preset.oracle.floor!;
  const LT = preset.liquidation.threshold;
  /** The same preset without the floor. */
  const unfloored = (): Preset => ({ ...preset, oracle: { model: 'spot' } });

  it('every matched figure is within its tolerance', () => {
    const checks = checkRecord(summary, preset.record ?? []);
    expect(checks.filter((c) => c.figure.metric !== undefined)).toHaveLength(1);
    // Each figure against its tolerance: test/presets/history.test.ts.
  });

  it('converges held at the floor: the oracle ten times above the market, nothing left to change', () => {
    expect(summary.converged).toBe(true);
    expect(summary.rounds).toBeLessThan(preset.rounds);
    const last = run.rounds.at(-1)!;
    expect(last.oraclePrice).toBe(floor);
    expect(last.oraclePrice / last.startPrice).toBeGreaterThan(10);
    expect(last.liquidations).toBe(0);
    const free = runCascade(unfloored());
    expect(free.converged).toBe(true);
    // Its last rounds: the borrow, then the token buy fading from the venue (which tips the loan, taken just
    // under its limit at the market, into a liquidation).
    expect(free.rounds.length).toBeLessThanOrEqual(attacker.round + 3);
  });

  it('the path passes $0.69 at day 5 (round 20) and ends at $0.01; the oracle reads max(market, floor)', () => {
    expect(run.rounds[19]!.startPrice).toBeCloseTo(0.69, 9);
    expect(run.rounds.at(-1)!.startPrice).toBeCloseTo(0.01, 12);
    for (const r of run.rounds) expect(r.oraclePrice).toBe(Math.max(r.startPrice, floor));
    const floored = run.rounds.filter((r) => r.startPrice < floor).map((r) => r.round);
    expect(floored[0]).toBe(22);
  });

  it('the borrowers of the slide are liquidated above the floor but for dust; their whole loss is a rounding error', () => {
    const lastLiquidation = run.rounds.findLast((r) => r.liquidations > 0)!;
    expect(lastLiquidation.round).toBeLessThanOrEqual(22);
    // Liquidators need a profit after $1 of gas (BNB Chain): loans of a few hundred dollars, whose seizure
    // the collapsing market would not sell for enough, are left open and under water.
    for (let i = 0; i < run.book.count - 1; i++)
      if (run.book.open[i]) expect(run.book.debt[i]).toBeLessThan(1000);
    // The shortfall values open loans at the venue's $0.01, so it holds the attacker's loan too (its bad
    // debt left); the slide's borrowers add less than 1% of that.
    expect(summary.shortfall).toBeGreaterThanOrEqual(attack.badDebt - 1e-6 * attack.badDebt);
    expect(summary.badDebt + summary.shortfall - attack.badDebt).toBeLessThan(0.01 * attack.badDebt);
    // Without the gas and the profit test (the preset before issue 11), every one of them was liquidated.
    const idealised = runCascade({ ...preset, liquidators: undefined });
    for (let i = 0; i < idealised.book.count - 1; i++) expect(idealised.book.open[i]).toBe(0);
  });

  it('the borrower borrows against the floor, not the market, and leaves the bad debt', () => {
    // Borrowed just under C · floor · LT; the loan's bad debt is what that exceeds its collateral at $0.01.
    expect(attack.borrowed / (attacker.collateral * floor * LT)).toBeCloseTo(1, 8);
    expect(attack.badDebt).toBeCloseTo(attack.borrowed - attacker.collateral * summary.finalPrice, 4);
    // Its position is never liquidated: at the oracle's price it is healthy.
    expect(run.book.open[run.book.count - 1]).toBe(1);
    // The same loan without the floor borrows against $0.01 and leaves nothing.
    const free = summarize(runCascade(unfloored())).attack!;
    expect(free.borrowed / (attacker.collateral * 0.01 * LT)).toBeCloseTo(1, 6);
    expect(free.badDebt).toBe(0);
    expect(free.borrowed).toBeLessThan(0.1 * attack.borrowed);
  });

  it("the borrower's collateral costs the market price when it borrows, so its profit is Venus's loss", () => {
    // profit = borrowed − cost + trade · ext(last) − collateral · ext(borrow round); ext is $0.01 at both.
    const ext = 0.01;
    expect(attack.profit).toBeCloseTo(
      attack.borrowed - attack.cost + attacker.trade * ext - attacker.collateral * ext,
      4,
    );
    expect(attack.profit / attack.badDebt).toBeCloseTo(1, 6);
    // Valued at the preset's $80 instead, the same collateral would show a loss of about $18 billion.
    expect(attacker.collateral * preset.asset.price).toBeGreaterThan(1000 * attack.badDebt);
  });

  it('a lower floor leaves less bad debt: at $0.05 the same loan loses about a third as much', () => {
    const lowered: Preset = { ...preset, oracle: { model: 'spot', floor: 0.05 } };
    const lower = summarize(runCascade(lowered)).attack!;
    const expected = attacker.collateral * (0.05 * LT - 0.01);
    expect(lower.badDebt / expected).toBeCloseTo(1, 6);
    expect(lower.badDebt / attack.badDebt).toBeLessThan(0.4);
  });
});
