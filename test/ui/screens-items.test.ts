// The screen items of issue 13's second walk: the variant's amplification on price paths, the attack's
// outcome and the skipped liquidations in the header, units and signs, float dust, written variants.
import { describe, expect, it } from 'vitest';
import { runCascade, summarize, type Scenario } from '../../src/engine/index.js';
import { attackWords, runText } from '../../src/cli/run-text.js';
import { formatAmount, formatCount, formatTimes } from '../../src/format.js';
import { checkRecord, describeCheck, formatRecorded, loadPreset } from '../../src/presets/index.js';
import { outcomeLines } from '../../src/ui/components/Header.js';
import { histogramRows } from '../../src/ui/components/HealthPanel.js';
import { figuresAt, variantLines } from '../../src/ui/components/VariantLine.js';
import { logLength, logLines } from '../../src/ui/helpers/log.js';
import { outcomesAt } from '../../src/ui/helpers/run-totals.js';
import { withoutWhatIfHints } from '../../src/ui/helpers/variant-text.js';
import { sessionOf, type Session } from '../../src/ui/state/session.js';

function preset(id: string): Scenario {
  const loaded = loadPreset(id);
  if (!loaded.ok) throw new Error(`${id} did not load`);
  return loaded.preset;
}

const session = (id: string, change: Partial<Scenario> = {}): Session =>
  sessionOf(id, { ...preset(id), ...change });

/** The header's lines as text at the run's last round. */
function headerAtEnd(s: Session, columns: number): string[] {
  const last = s.timeline.finish();
  return outcomeLines(s, last, outcomesAt(s.timeline, last), columns).map((parts) =>
    parts.map((p) => p.text).join('  '),
  );
}

describe('the variant line', () => {
  it('measures amplification on a price path against the exogenous move, as liqloop run does', () => {
    for (const id of ['may-19-2021', 'luna-oracle-floor-2022']) {
      const s = session(id);
      const last = s.timeline.finish();
      const m = summarize(runCascade(s.preset));
      expect(m.amplification, id).not.toBeNull();
      expect(figuresAt(s.timeline, last).amplification, id).toBeCloseTo(m.amplification!, 12);
    }
  });

  it('a perpetuals-only variant shows its losses (fund paid + ADL covered + uncovered), not a bad debt of 0', () => {
    const base = session('perps-fund-empty');
    const p = base.preset;
    const variant = sessionOf('perps-fund-empty', { ...p, perps: { ...p.perps!, insuranceFund: 4_000_000 } });
    const last = Math.max(variant.timeline.finish(), base.timeline.finish());
    const [b, v] = [runCascade(base.preset), runCascade(variant.preset)].map(summarize);
    const loss = (m: typeof b) => m!.fundDrawn + m!.adlCovered + m!.uncoveredLoss;
    const text = variantLines(base, variant, last, 120).join(' ').replace(/ +/g, ' ');
    expect(loss(b)).toBeGreaterThan(0);
    expect(text).toContain(`perps loss ${formatAmount(loss(v), 'USD')}`);
    expect(text).toContain('insurance fund 0 USD → 4,000,000 USD');
    expect(text).not.toContain('bad debt');
  });

  it('names what changed, was → now, and wraps at 80 columns instead of cutting', () => {
    const base = session('may-19-2021');
    const p = base.preset;
    const variant = sessionOf('may-19-2021', {
      ...p,
      shock: { ...p.shock, pct: 0.2 },
      market: { ...p.market, depth2pct: 50_000_000 },
    });
    const last = variant.timeline.finish();
    base.timeline.finish();
    const m = summarize(runCascade(variant.preset));
    for (const columns of [80, 120]) {
      const lines = variantLines(base, variant, last, columns);
      for (const line of lines) expect(Array.from(line).length, line).toBeLessThanOrEqual(columns);
      expect(lines.join('\n')).not.toContain('…');
      const text = lines.join(' ').replace(/ +/g, ' ');
      expect(text).toContain('shock size 0.0% → 20.0%');
      expect(text).toContain('market depth (±2%) 100,000,000 USD → 50,000,000 USD');
      expect(text).toContain(`amp ${formatTimes(m.amplification!)}`);
      expect(text).not.toContain('n/a');
      expect(text).toContain(`bad debt ${formatAmount(m.badDebt, 'USD')}`);
    }
    expect(variantLines(base, variant, last, 80).length).toBeGreaterThan(
      variantLines(base, variant, last, 200).length,
    );
  });

  it('reads an unchanged figure as ±0, never a float-noise difference', () => {
    const base = session('dutch-auction');
    const same = sessionOf('dutch-auction', { ...base.preset });
    const last = same.timeline.finish();
    const text = variantLines(base, same, last, 200).join(' ');
    expect(text).toContain('(±0)');
    expect(text).not.toMatch(/[−+]<|−0\.00\b/);
  });
});

describe('the header outcome', () => {
  it('includes the attack’s bad debt and words the attacker’s result by its sign', () => {
    const luna = session('luna-oracle-floor-2022');
    const attack = summarize(runCascade(luna.preset)).attack!;
    const lines = headerAtEnd(luna, 120).join('\n');
    expect(lines).toContain(
      `Attack: bad debt left ${formatAmount(attack.badDebt, 'USD')} (in the loss)  attacker's profit ${formatAmount(attack.profit, 'USD')}`,
    );
    const usde = session('usde-binance-2025');
    const lost = summarize(runCascade(usde.preset)).attack!;
    expect(lost.profit).toBeLessThan(0);
    const text = headerAtEnd(usde, 80).join('\n');
    expect(text).toContain(`attacker's loss ${formatAmount(-lost.profit, 'USD')}`);
    expect(text).not.toMatch(/-\d/);
  });

  it('counts skipped liquidations over the run, as liqloop run does, with the round’s own count beside it', () => {
    const mango = session('mango-markets-2022');
    const m = summarize(runCascade(mango.preset));
    const last = mango.timeline.finish();
    const record = mango.timeline.record(last)!;
    const own = record.skippedForCapital + record.skippedUnprofitable;
    expect(m.skippedLiquidations).toBeGreaterThan(own);
    expect(headerAtEnd(mango, 120).join('\n')).toContain(
      `${formatCount(m.skippedLiquidations)} liquidations skipped (${formatCount(own)} in round ${last})`,
    );
    expect(runText(runCascade(mango.preset))).toContain(
      `${formatCount(m.skippedLiquidations)} liquidations skipped by liquidators`,
    );
  });

  it('writes every money figure with its unit, in the digits of liqloop run', () => {
    const s = session('perps-fund-empty');
    const m = summarize(runCascade(s.preset));
    const text = headerAtEnd(s, 120).join('\n');
    expect(text).toContain(`ADL ${formatCount(m.deleveraged)} for ${formatAmount(m.adlCovered, 'USD')}`);
    expect(text).toContain(`uncovered ${formatAmount(m.uncoveredLoss, 'USD')}`);
    expect(text).toContain('order book: 10,000,000 USD moves the price 2%');
  });
});

describe('the log', () => {
  it('gives the perpetuals’ net sale its unit and shows no float dust as a figure', () => {
    const s = session('perps-fund-empty');
    const last = s.timeline.finish();
    const lines = logLines(s.timeline, last, logLength(s.timeline, last), 'ETH', 'USD').map((l) => l.text);
    expect(lines.some((l) => /net sold [\d,.]+ ETH\)/.test(l))).toBe(true);
    expect(lines.filter((l) => /net (sold|bought) [\d,.]+\)/.test(l))).toEqual([]);
    // Deleveraged remainders of 1e-15 ETH are counted (the totals say so) but not written as 0.000000000000003553.
    expect(lines.filter((l) => /0\.0{6,}/.test(l))).toEqual([]);
    expect(lines.some((l) => l.includes('rounding remainder'))).toBe(true);
    expect(lines.filter((l) => /(^|[^\w])-\d/.test(l))).toEqual([]);
  });

  it('writes a dust-sized slice (perps-sliced) as a remainder, and its float slippage not at all', () => {
    const s = session('perps-sliced');
    const last = s.timeline.finish();
    const lines = logLines(s.timeline, last, logLength(s.timeline, last), 'ETH', 'USD').map((l) => l.text);
    expect(lines.filter((l) => /0\.0{9,}/.test(l))).toEqual([]);
    expect(lines.some((l) => l.includes('liquidated a rounding remainder (a size under 10⁻⁹ ETH)'))).toBe(
      true,
    );
    expect(lines.filter((l) => /slippage −?0\.0{6,}/.test(l))).toEqual([]);
  });
});

describe('the record', () => {
  it('gives a money figure its quote and an amount of the asset its symbol, in the panel and in run', () => {
    const p = preset('luna-oracle-floor-2022');
    const m = summarize(runCascade(p));
    const [loss] = checkRecord(m, p.record!);
    expect(describeCheck(loss!, { units: p.asset }).text).toMatch(
      /^recorded 11,200,000 USD, model 11,235,500 USD {2}= matched/,
    );
    expect(runText(runCascade(p))).toContain('recorded 11,200,000 USD, model 11,235,500 USD');
    // Shares and rounds keep their own form, with no unit.
    const figure = { figure: 'f', recorded: 0.36, metric: 'zeroBidShare' };
    expect(formatRecorded(figure, p.asset)).toBe('36.0%');
    expect(formatRecorded({ ...figure, recorded: 12, metric: 'collateralSold' }, p.asset)).toBe('12.00 LUNA');
  });
});

describe('the command line’s wording', () => {
  it('words the attack by sign and a round in the singular', () => {
    expect(attackWords({ cost: -82_292_059, borrowed: 1, profit: -7_707_941, badDebt: 0 }, 'USD')).toBe(
      'the trade raised 82,292,059 USD, borrowed 1.00 USD, loss 7,707,941 USD, bad debt left 0 USD',
    );
    expect(attackWords({ cost: 10, borrowed: 100, profit: 90, badDebt: 5 }, 'USD')).toBe(
      'cost 10.00 USD, borrowed 100.00 USD, profit 90.00 USD, bad debt left 5.00 USD',
    );
    const p = preset('thin-pool');
    const lagged = runText(runCascade({ ...p, oracle: { model: 'lagged', delay: 1 } }));
    expect(lagged).toContain('oracle lagged 1 round,');
    const usde = runText(runCascade(preset('usde-binance-2025')));
    expect(usde).not.toMatch(/cost -|profit -/);
    expect(usde).toContain('the trade raised 82,292,059 USD');
  });
});

describe('small pieces', () => {
  it('a written variant drops the "Press e" sentences of its original', () => {
    const text = 'One round is one hour. Step with space. Press e and raise the cap: it heals. End runs it.';
    expect(withoutWhatIfHints(text)).toBe('One round is one hour. Step with space. End runs it.');
    const bt = preset('black-thursday-2020').description;
    expect(bt).toMatch(/Press e/);
    expect(withoutWhatIfHints(bt)).not.toMatch(/press e\b/i);
  });

  it('the histogram takes no more rows than it is given', () => {
    const bands = [1, 2, 3, 4, 5, 6, 7];
    expect(histogramRows(bands, 8)).toEqual({ title: true, bands });
    expect(histogramRows(bands, 7)).toEqual({ title: false, bands });
    expect(histogramRows(bands, 5)).toEqual({ title: false, bands: [1, 2, 3, 4, 5] });
  });
});
