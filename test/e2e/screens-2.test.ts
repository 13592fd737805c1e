// The second walk's screen items, read in a real pseudo-terminal at 80×24 and 120×36: the variant's
// amplification on a price path and its wrapped head, the attack and the skipped liquidations in the
// header, units and signs in the log. Each figure is checked against the engine's summary (liqloop run).
import { afterEach, describe, expect, it } from 'vitest';
import { runCascade, summarize, Timeline } from '../../src/engine/index.js';
import { formatAmount, formatCount, formatTimes } from '../../src/format.js';
import { KEY } from '../helpers/ink.js';
import { killAll } from '../helpers/pty.js';
import { app, load, quit, SIZES, START_MS } from '../helpers/e2e.js';

/** The screen's lines joined with their wrapping undone (a wrapped part continues indented by two). */
const unwrapped = (screen: string) => screen.replace(/\n {2}(?=\S)/g, ' ').replace(/ +/g, ' ');

afterEach(() => killAll());

describe.each(SIZES)('the second walk at $cols×$rows', ({ cols, rows }) => {
  it('a variant of a price-path preset: amplification as run measures it, the head wrapped, not cut', async () => {
    const p = load('may-19-2021');
    const variant = summarize(
      runCascade({ ...p, shock: { ...p.shock, pct: 0.2 }, market: { ...p.market, depth2pct: 50_000_000 } }),
    );
    const s = app(['may-19-2021'], { cols, rows });
    await s.waitFor('Round 0', START_MS);
    s.write('e');
    await s.waitFor('What if');
    s.write('20%');
    s.write(KEY.enter);
    await s.waitFor('20.0%');
    s.write(KEY.down);
    s.write('50000000');
    s.write(KEY.enter);
    await s.waitFor('50,000,000');
    s.write(KEY.enter);
    await s.waitFor('Variant: ');
    s.write(KEY.end);
    const screen = await s.waitFor(/converged at round \d+\)/, START_MS);
    const lines = screen.split('\n');
    for (const line of lines) expect(line.trimEnd().length, line).toBeLessThanOrEqual(cols);
    const text = unwrapped(screen);
    expect(text).toContain(
      'Variant: shock size 0.0% → 20.0%, market depth (±2%) 100,000,000 USD → 50,000,000 USD',
    );
    expect(text).toContain(`amp ${formatTimes(variant.amplification!)}`);
    expect(text).not.toContain('amp n/a');
    expect(text).toContain(`bad debt ${formatAmount(variant.badDebt, 'USD')}`);
    expect(lines.filter((l) => l.startsWith('Variant') && l.trimEnd().endsWith('…'))).toEqual([]);
    await quit(s);
  });

  it('LUNA: the header gives the attack’s bad debt, in run’s digits, and the skipped liquidations summed', async () => {
    const m = summarize(runCascade(load('luna-oracle-floor-2022')));
    const s = app(['luna-oracle-floor-2022'], { cols, rows });
    await s.waitFor('Round 0', START_MS);
    s.write(KEY.end);
    const screen = unwrapped(await s.waitFor('Attack: ', START_MS));
    expect(screen).toContain(`Attack: bad debt left ${formatAmount(m.attack!.badDebt, 'USD')}`);
    expect(screen).toContain(`attacker's profit ${formatAmount(m.attack!.profit, 'USD')}`);
    expect(screen).toContain(`Bad debt ${formatAmount(m.badDebt, 'USD')}`);
    expect(screen).toContain(`${formatCount(m.skippedLiquidations)} liquidations skipped`);
    await quit(s);
  });

  it('Mango: skipped liquidations over the run, with the round’s own count beside them', async () => {
    const m = summarize(runCascade(load('mango-markets-2022')));
    const timeline = new Timeline(load('mango-markets-2022'));
    const last = timeline.finish();
    const record = timeline.record(last)!;
    const own = record.skippedForCapital + record.skippedUnprofitable;
    const s = app(['mango-markets-2022'], { cols, rows });
    await s.waitFor('Round 0', START_MS);
    s.write(KEY.end);
    const screen = unwrapped(await s.waitFor(`of ${last}`, START_MS));
    expect(screen).toContain(
      `${formatCount(m.skippedLiquidations)} liquidations skipped (${formatCount(own)} in round ${last})`,
    );
    expect(screen).not.toMatch(/Skipped \d/);
    await quit(s);
  });

  it('perps-fund-empty: the log’s net sale has its unit, and no figure is float dust or an ASCII minus', async () => {
    const timeline = new Timeline(load('perps-fund-empty'));
    const record = timeline.record(6)!;
    const s = app(['perps-fund-empty'], { cols, rows });
    await s.waitFor('Round 0', START_MS);
    s.write('n'.repeat(6));
    const screen = unwrapped(await s.waitFor(/round 6: /));
    expect(screen).toContain(`(net sold ${formatAmount(record.perpNetSold, 'ETH')})`);
    expect(screen).not.toMatch(/0\.0{6,}/);
    expect(screen).not.toMatch(/(^|[\s(])-\d/m);
    await quit(s);
  });
});
