import { describe, expect, it } from 'vitest';
import {
  createMechanism,
  liquidate,
  orderbookDepthScale,
  runCascade,
  summarize,
  type CascadeRun,
  type Summary,
} from '../../src/engine/index.js';
import { loadPreset, type Preset } from '../../src/presets/index.js';

/**
 * The lesson sets: the oracle trio, the toxic-spiral frontier pair and the fire-sale gain pair. Each
 * set is one book with one lever changed; every figure a description states is checked here, with the
 * tolerance the description states.
 */

function presetOf(id: string): Preset {
  const loaded = loadPreset(id);
  if (!loaded.ok) throw new Error(`${id}: ${JSON.stringify(loaded.problems)}`);
  return loaded.preset;
}

function runOf(id: string | Preset): CascadeRun {
  return runCascade(typeof id === 'string' ? presetOf(id) : id, { recordEvents: true });
}

function summaryOf(id: string | Preset): Summary {
  return summarize(runOf(id));
}

/** The preset without its name, its description, its place in the set and the one lever the set varies. */
function withoutLever(id: string, lever: (p: Record<string, unknown>) => void): unknown {
  const copy = structuredClone(presetOf(id)) as unknown as Record<string, unknown>;
  delete copy.name;
  delete copy.description;
  delete copy.variantOf;
  lever(copy);
  return copy;
}

/** Every liquidation of a run, with the round it happened in. */
function* liquidationsOf(run: CascadeRun) {
  const events = run.events ?? [];
  for (let k = 0; k < run.rounds.length; k++) {
    const record = run.rounds[k]!;
    const ev = events[k]!;
    for (let j = 0; j < ev.length; j++) {
      yield {
        record,
        position: ev.position[j]!,
        collateralBefore: ev.collateralBefore[j]!,
        debtBefore: ev.debtBefore[j]!,
        collateralAfter: ev.collateralAfter[j]!,
        debtAfter: ev.debtAfter[j]!,
        seized: ev.seized[j]!,
        repaid: ev.repaid[j]!,
        closed: ev.closed[j]!,
      };
    }
  }
}

const sets = {
  oracle: ['oracle-trio-spot', 'oracle-trio-twap', 'oracle-trio-lagged'],
  bonus: ['bonus-below-frontier', 'bonus-above-frontier'],
  gain: ['gain-below-one', 'gain-above-one'],
};

describe('the lesson sets: one book, one lever', () => {
  it('each set differs only in its lever: the oracle, the bonus, the market depth', () => {
    const [spot, ...oracles] = sets.oracle;
    const dropOracle = (p: Record<string, unknown>) => delete p.oracle;
    for (const id of oracles)
      expect(withoutLever(id, dropOracle), id).toEqual(withoutLever(spot!, dropOracle));
    const dropBonus = (p: Record<string, unknown>) => delete (p.liquidation as Record<string, unknown>).bonus;
    expect(withoutLever('bonus-above-frontier', dropBonus)).toEqual(
      withoutLever('bonus-below-frontier', dropBonus),
    );
    const dropDepth = (p: Record<string, unknown>) => delete (p.market as Record<string, unknown>).depth2pct;
    expect(withoutLever('gain-above-one', dropDepth)).toEqual(withoutLever('gain-below-one', dropDepth));
    // …and the lever really differs.
    expect(new Set(sets.oracle.map((id) => JSON.stringify(presetOf(id).oracle))).size).toBe(3);
    expect(presetOf('bonus-above-frontier').liquidation.bonus).not.toBe(
      presetOf('bonus-below-frontier').liquidation.bonus,
    );
    expect(presetOf('gain-above-one').market.depth2pct).not.toBe(presetOf('gain-below-one').market.depth2pct);
  });

  it('every one is a lesson of thousands of loans; only the gain pair is a uniform book', () => {
    for (const id of Object.values(sets).flat()) {
      const p = presetOf(id);
      expect(p.kind, id).toBe('lesson');
      expect(p.name.length, id).toBeLessThanOrEqual(60);
      expect(p.generate?.count, id).toBeGreaterThanOrEqual(2000);
      const uniform = sets.gain.includes(id);
      expect(p.generate?.healthFactor.mode === undefined, id).toBe(uniform);
      expect(p.generate?.collateral.scale === 'log', id).toBe(!uniform);
    }
  });
});

describe('oracle trio: spot, TWAP and lagged on a dip that heals', () => {
  const spot = summaryOf('oracle-trio-spot');
  const twap = summaryOf('oracle-trio-twap');
  const lagged = summaryOf('oracle-trio-lagged');

  it('the spot oracle cascades: 310 loans, the pool down to about 1,424 though the path never went below 1,500', () => {
    expect(spot.positionsLiquidated).toBe(310);
    expect(spot.minPrice).toBeGreaterThan(1400);
    expect(spot.minPrice).toBeLessThan(1450);
    expect(Math.min(...presetOf('oracle-trio-spot').path!.prices!)).toBe(1500);
    for (const s of [spot, twap, lagged]) {
      expect(s.converged).toBe(true);
      expect(s.badDebt).toBe(0);
    }
  });

  it('the TWAP twin liquidates under a third of the loans, sells about a quarter of the collateral, and the low stays near 1,700', () => {
    expect(twap.positionsLiquidated).toBe(88);
    expect(twap.positionsLiquidated).toBeLessThan(spot.positionsLiquidated / 3);
    expect(twap.collateralSold / spot.collateralSold).toBeGreaterThan(0.2);
    expect(twap.collateralSold / spot.collateralSold).toBeLessThan(0.3);
    expect(twap.minPrice).toBeGreaterThan(1650);
    expect(twap.minPrice).toBeLessThan(1750);
  });

  it('the lagged twin liquidates 142 loans late, every one healthy again at the live price, at a 16% premium to liquidators', () => {
    const run = runOf('oracle-trio-lagged');
    expect(lagged.positionsLiquidated).toBe(142);
    expect(lagged.positionsLiquidated).toBeLessThan(spot.positionsLiquidated);
    let seizedValue = 0;
    let repaid = 0;
    const rounds = new Set<number>();
    for (const l of liquidationsOf(run)) {
      rounds.add(l.record.round);
      const liquidationPrice = l.debtBefore / (l.collateralBefore * run.book.threshold[l.position]!);
      // Healthy at the live price: the pool at the start of the round is above the loan's liquidation price.
      expect(l.record.startPrice).toBeGreaterThan(liquidationPrice);
      seizedValue += l.seized * l.record.startPrice;
      repaid += l.repaid;
    }
    expect([...rounds]).toEqual([5, 6]);
    expect(run.rounds[4]!.startPrice).toBeGreaterThan(1900); // the pool is back near 1,950 …
    expect(run.rounds[4]!.oraclePrice).toBeCloseTo(1750, 6); // … when the oracle reads the dip
    expect(run.rounds[5]!.oraclePrice).toBeCloseTo(1725, 6);
    expect(run.rounds[4]!.price).toBeGreaterThan(1740); // its sales knock the pool back to about 1,760
    expect(run.rounds[4]!.price).toBeLessThan(1780);
    expect(seizedValue / repaid).toBeGreaterThan(1.15); // 16% instead of the 5% bonus
    expect(seizedValue / repaid).toBeLessThan(1.17);
  });

  it('the lagged twin has no cascade: it liquidates exactly the loans the path alone puts under water', () => {
    const run = runOf('oracle-trio-lagged');
    const book = run.book;
    // The lowest pool price the path causes before the lagged oracle acts on anything.
    const pathLow = Math.min(...run.rounds.slice(0, 4).map((r) => r.startPrice));
    expect(pathLow).toBeCloseTo(1725, 6);
    let underWater = 0;
    for (let i = 0; i < book.count; i++) {
      const hit = book.initialDebt[i]! / (book.initialCollateral[i]! * book.threshold[i]!) > pathLow;
      if (hit) underWater++;
      expect(book.liquidated[i] === 1, book.id(i)).toBe(hit);
    }
    expect(underWater).toBe(142);
  });
});

describe('toxic-spiral frontier: LTV = debt / (collateral · P) against 1 / (1 + bonus)', () => {
  const threshold = 0.9;
  const closeFactor = 0.5;

  it('worked example, by hand: 10 ETH, 9,300 USD of debt at 1,000 USD (LTV 0.93, between 1/1.15 and 1/1.03)', () => {
    const P = 1000;
    expect(1 / 1.15).toBeLessThan(0.93);
    expect(0.93).toBeLessThan(1 / 1.03);
    const step = (bonus: number, collateral: number, debt: number) =>
      liquidate(
        createMechanism({ mechanism: 'partial', threshold, bonus, closeFactor }),
        collateral,
        debt,
        P,
        bonus,
        (collateral * P * threshold) / debt,
      );

    // Bonus 3%: repaid = min(0.5 · 9,300, 10 · 1,000 / 1.03) = 4,650; seized = 4,650 · 1.03 / 1,000 = 4.7895.
    // Left 5.2105 ETH and 4,650 USD: LTV = 4,650 / 5,210.5 = 0.892429 < 0.93, and HF = 0.9 / 0.892429 = 1.0085.
    const low = step(0.03, 10, 9300);
    expect(low.repaid).toBeCloseTo(4650, 9);
    expect(low.seized).toBeCloseTo(4.7895, 9);
    expect(low.collateralAfter).toBeCloseTo(5.2105, 9);
    expect(low.debtAfter / (low.collateralAfter * P)).toBeCloseTo(0.892429, 6);
    expect((low.collateralAfter * P * threshold) / low.debtAfter).toBeGreaterThan(1); // healed

    // Bonus 15%: seized = 4,650 · 1.15 / 1,000 = 5.3475; left 4.6525 ETH, 4,650 USD: LTV 0.999463.
    const a = step(0.15, 10, 9300);
    expect(a.seized).toBeCloseTo(5.3475, 9);
    expect(a.debtAfter / (a.collateralAfter * P)).toBeCloseTo(0.999463, 6);
    // Again: repaid 2,325, seized 2.67375; left 1.97875 ETH, 2,325 USD: LTV 2,325 / 1,978.75 = 1.174984.
    const b = step(0.15, a.collateralAfter, a.debtAfter);
    expect(b.repaid).toBeCloseTo(2325, 9);
    expect(b.collateralAfter).toBeCloseTo(1.97875, 9);
    expect(b.debtAfter / (b.collateralAfter * P)).toBeCloseTo(1.174984, 6);
    // Again: repaid 1,162.5, seized 1.336875; left 0.641875 ETH, 1,162.5 USD: LTV 1.811100.
    const c = step(0.15, b.collateralAfter, b.debtAfter);
    expect(c.collateralAfter).toBeCloseTo(0.641875, 9);
    expect(c.debtAfter / (c.collateralAfter * P)).toBeCloseTo(1.8111, 6);
    // The cap 581.25 exceeds 641.875 / 1.15 = 558.152174: all collateral goes, 604.347826 USD is bad debt.
    const d = step(0.15, c.collateralAfter, c.debtAfter);
    expect(d.closed).toBe(true);
    expect(d.collateralAfter).toBe(0);
    expect(d.repaid).toBeCloseTo(558.152174, 6);
    expect(d.badDebt).toBeCloseTo(604.347826, 6);
  });

  /** LTV before each loan's first liquidation, and whether each liquidation left it lower or higher. */
  function spiral(id: string) {
    const run = runOf(id);
    const firstLtv = new Map<number, number>();
    let rose = 0;
    let fell = 0;
    for (const l of liquidationsOf(run)) {
      const P = l.record.oraclePrice;
      const before = l.debtBefore / (l.collateralBefore * P);
      if (!firstLtv.has(l.position)) firstLtv.set(l.position, before);
      if (l.closed) continue;
      if (l.debtAfter / (l.collateralAfter * P) > before) rose++;
      else fell++;
    }
    const hit = [...firstLtv.keys()];
    return { run, summary: summarize(run), firstLtv: [...firstLtv.values()], hit, rose, fell };
  }

  it('the loans hit sit between the two frontiers (LTV 0.90–0.95) in both twins', () => {
    for (const id of sets.bonus) {
      const { firstLtv } = spiral(id);
      expect(Math.min(...firstLtv), id).toBeGreaterThan(0.9);
      expect(Math.max(...firstLtv), id).toBeLessThan(0.96);
      expect(Math.min(...firstLtv), id).toBeGreaterThan(1 / 1.15);
      expect(Math.max(...firstLtv), id).toBeLessThan(1 / 1.03);
    }
  });

  it('below the frontier (3%): every liquidation lowers the LTV; the 157 loans hit survive, smaller; no bad debt', () => {
    const { run, summary, hit, rose, fell } = spiral('bonus-below-frontier');
    expect(summary.converged).toBe(true);
    expect(summary.positionsLiquidated).toBe(157);
    expect(rose).toBe(0);
    expect(fell).toBeGreaterThanOrEqual(157);
    expect(summary.badDebt).toBe(0);
    for (const i of hit) {
      expect(run.book.open[i], run.book.id(i)).toBe(1);
      expect(run.book.collateral[i]).toBeGreaterThan(0);
      expect(run.book.collateral[i]).toBeLessThan(run.book.initialCollateral[i]!);
    }
  });

  it('above the frontier (15%): every liquidation raises the LTV; the 172 loans hit go to nothing; about 664,000 USD of bad debt', () => {
    const { run, summary, hit, rose, fell } = spiral('bonus-above-frontier');
    expect(summary.converged).toBe(true);
    expect(summary.positionsLiquidated).toBe(172);
    expect(fell).toBe(0);
    expect(rose).toBeGreaterThan(2 * 172); // several rising liquidations each before the last
    for (const i of hit) {
      expect(run.book.open[i], run.book.id(i)).toBe(0);
      expect(run.book.collateral[i]).toBe(0);
    }
    expect(summary.collateralReturned).toBe(0);
    expect(summary.badDebt).toBeGreaterThan(650_000);
    expect(summary.badDebt).toBeLessThan(680_000);
  });
});

describe('fire-sale gain: g = κρ, total drop Δ0 / (1 − g)', () => {
  /** g from the preset's parameters, at the top of the book (P = p0). */
  function gainOf(p: Preset) {
    const g = p.generate!;
    const p0 = p.asset.price;
    const meanCollateral = (g.collateral.min + g.collateral.max) / 2;
    const bonus = p.liquidation.bonus;
    // Uniform health factors in [hmin, hmax] put liquidation prices p0 / HF evenly near p0: a fall of dP
    // crosses count · dP / ((hmax − hmin) · p0) loans, each seizing collateral · LT · (1 + bonus).
    const rho =
      (g.count * meanCollateral * p.liquidation.threshold * (1 + bonus)) /
      ((g.healthFactor.max - g.healthFactor.min) * p0);
    // The order book multiplies the price by exp(−q / Q): near p0 each unit sold takes p0 / Q off.
    const kappa = p0 / orderbookDepthScale(p.market.depth2pct, p0);
    return { rho, kappa, gain: kappa * rho };
  }

  /** The shock's fall, then the fall each round's sale adds. */
  function falls(run: CascadeRun): number[] {
    const p0 = run.scenario.asset.price;
    return [p0 - run.rounds[0]!.startPrice, ...run.rounds.map((r) => r.startPrice - r.price)];
  }

  it('the descriptions state g from the parameters: 0.49 and 1.47 (ρ 36.4, κ 0.0135 and 0.0404)', () => {
    const below = gainOf(presetOf('gain-below-one'));
    const above = gainOf(presetOf('gain-above-one'));
    expect(presetOf('gain-below-one').market.model).toBe('orderbook');
    expect(below.rho).toBeCloseTo(36.4, 1);
    expect(below.kappa).toBeCloseTo(0.0135, 4);
    expect(below.gain).toBeCloseTo(0.49, 2);
    expect(above.kappa).toBeCloseTo(0.0404, 4);
    expect(above.gain).toBeCloseTo(1.47, 2);
  });

  it('g = 0.49: the total fall matches Δ0 / (1 − g) = 157 USD within 5%, each round about half the last', () => {
    const preset = presetOf('gain-below-one');
    const run = runOf(preset);
    const s = summarize(run);
    const { gain } = gainOf(preset);
    const shock = preset.shock.pct * preset.asset.price;
    const predicted = shock / (1 - gain);
    const fall = preset.asset.price - s.finalPrice;
    expect(predicted).toBeCloseTo(156.9, 1);
    expect(Math.abs(fall / predicted - 1)).toBeLessThan(0.05);
    expect(fall).toBeCloseTo(156, 0);
    expect(s.converged).toBe(true);
    expect(s.badDebt).toBe(0);
    expect(s.positionsLiquidated).toBeLessThan(s.positions / 4);
    const f = falls(run);
    for (let r = 1; r <= 3; r++) {
      expect(f[r]! / f[r - 1]!, `round ${r}`).toBeGreaterThan(0.4);
      expect(f[r]! / f[r - 1]!, `round ${r}`).toBeLessThan(0.6);
    }
  });

  it('g = 1.47: each round falls further than the last; the whole book goes, 876 USD, about 1.1M USD bad debt', () => {
    const run = runOf('gain-above-one');
    const s = summarize(run);
    const f = falls(run);
    for (let r = 1; r <= 4; r++) expect(f[r]!, `round ${r}`).toBeGreaterThan(f[r - 1]!);
    expect(s.positionsLiquidated).toBe(s.positions);
    expect(s.positions).toBe(4000);
    expect(s.finalPrice).toBeGreaterThan(870);
    expect(s.finalPrice).toBeLessThan(880);
    expect(s.badDebt).toBeGreaterThan(1.0e6);
    expect(s.badDebt).toBeLessThan(1.2e6);
  });

  it('the sweep: the whole book already goes at $3.8M of depth (g = 0.77), not at $4.2M', () => {
    const base = presetOf('gain-below-one');
    const at = (depth2pct: number) => ({ ...base, market: { ...base.market, depth2pct } });
    expect(gainOf(at(3.8e6)).gain).toBeCloseTo(0.77, 2);
    const shallow = summaryOf(at(3.8e6));
    expect(shallow.positionsLiquidated).toBe(shallow.positions);
    const deeper = summaryOf(at(4.2e6));
    expect(deeper.positionsLiquidated).toBeLessThan(deeper.positions / 2);
  });
});

describe('full vs partial vs auction: one book, one market, three mechanisms', () => {
  it('the three differ only in liquidation', () => {
    const {
      liquidation: _full,
      description: _d1,
      name: _n1,
      variantOf: _v1,
      ...full
    } = presetOf('instant-sale');
    for (const id of ['instant-sale-partial', 'dutch-auction']) {
      const { liquidation: _l, description: _d, name: _n, variantOf: _v, ...other } = presetOf(id);
      expect(other, id).toEqual(full);
    }
  });

  it('partial sells under a quarter of the full sale and keeps a higher low; the auction resolves last', () => {
    const full = summaryOf('instant-sale');
    const partial = summaryOf('instant-sale-partial');
    const auction = summaryOf('dutch-auction');
    expect(partial.collateralSold).toBeLessThan(full.collateralSold / 4);
    expect(partial.positionsLiquidated).toBeLessThan(full.positionsLiquidated / 2);
    expect(partial.minPrice).toBeGreaterThan(full.minPrice);
    expect(partial.badDebt).toBe(0);
    expect(auction.resolvedAtRound).toBeGreaterThan(Math.max(full.resolvedAtRound, partial.resolvedAtRound));
    expect(auction.minPrice).toBeGreaterThan(full.minPrice);
  });
});
