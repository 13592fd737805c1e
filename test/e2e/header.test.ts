// The header at both sizes the app promises (80×24 and 120×36), in a real pseudo-terminal: a finding wrapped
// whole, the time elapsed and the chart's time axis in the preset's unit, and a run that left the model's range.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runCascade, summarize } from '../../src/engine/index.js';
import { formatAmount, formatTimes } from '../../src/format.js';
import { PRESETS_DIR } from '../../src/presets/index.js';
import { liqloop } from '../helpers/cli.js';
import { KEY } from '../helpers/ink.js';
import { killAll } from '../helpers/pty.js';
import { app, load, quit, SIZES, START_MS } from '../helpers/e2e.js';

// thin-pool as an order book of 10K USD: valid, but round 2's sale takes the price to 0.
const dir = mkdtempSync(join(tmpdir(), 'liqloop-header-'));
const extreme = join(dir, 'out-of-range.json');
const thin = JSON.parse(readFileSync(join(PRESETS_DIR, 'thin-pool.json'), 'utf8')) as Record<string, unknown>;
delete thin.$schema;
writeFileSync(
  extreme,
  JSON.stringify({ ...thin, name: 'Out of range', market: { model: 'orderbook', depth2pct: 1e4 } }),
);

afterEach(() => killAll());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(SIZES)('the header at $cols×$rows', ({ cols, rows }) => {
  it('thin-pool after End: the finding is whole (wrapped at 80), and no position is left open', async () => {
    const s = app(['thin-pool'], { cols, rows });
    await s.waitFor('Round 0', START_MS);
    s.write(KEY.end);
    const screen = await s.waitFor('● converged');
    expect(screen).toContain('try liquidators.requireProfit');
    expect(screen).not.toMatch(/requirePr…|requireP…/);
    const lines = screen.split('\n');
    if (cols === 80) {
      expect(lines).toContain('⚠ liquidators lost 26,244,635 USD on 8,904 liquidations —');
      expect(lines).toContain('  try liquidators.requireProfit');
    }
    const m = summarize(runCascade(load('thin-pool')));
    expect(screen).toContain(
      `Trough ${formatAmount(m.troughPrice, 'USD')} r${m.troughRound} (−80.5%, ${formatTimes(m.troughAmplification!)})`,
    );
    expect(screen).toContain('no position left open');
    expect(screen).not.toContain('HF at');
    await quit(s);
  });

  it('a preset with a round length: the time elapsed in the header, the chart’s axis in its unit', async () => {
    const preset = load('luna-oracle-floor-2022');
    expect(preset.roundLength).toBe('6 hours');
    const run = runCascade(preset);
    const last = run.rounds.length;
    const s = app(['luna-oracle-floor-2022'], { cols, rows });
    await s.waitFor('Round 0 · 0 hours', START_MS);
    s.write('n'.repeat(4));
    const mid = await s.waitFor('Round 4 · 24 hours');
    expect(mid).toContain(`Venue ${formatAmount(run.rounds[3]!.price, 'USD')}`);
    s.write(KEY.end);
    const screen = await s.waitFor(`Round ${last} of ${last} · ${last * 6} hours`);
    // The tick row: "    hours 0    30    60 …", the health panel beside it.
    const axis = screen
      .split('\n')
      .map((l) => /^ +hours((?: +[\d,]+)+)/.exec(l)?.[1])
      .find((t) => t !== undefined);
    expect(axis, screen).toBeDefined();
    const ticks = axis!
      .trim()
      .split(/ +/)
      .map((t) => Number(t.replace(/,/g, '')));
    expect(ticks[0]).toBe(0);
    expect(ticks.length).toBeGreaterThan(2);
    for (const t of ticks) expect(t % 6).toBe(0);
    expect(Math.max(...ticks)).toBeLessThanOrEqual(last * 6);
    await quit(s);
  });

  it('aave-close-factor after End: the debt still under water is the figure liqloop run reports', async () => {
    const run = liqloop(['run', 'aave-close-factor']);
    expect(run.status).toBe(0);
    const owed = /bad debt +0 USD, and ([\d,.]+) USD of debt still under water/.exec(run.stdout)?.[1];
    expect(owed, run.stdout).toBeDefined();
    const s = app(['aave-close-factor'], { cols, rows });
    const start = await s.waitFor('Round 0', START_MS);
    expect(start).not.toContain('under water');
    s.write(KEY.end);
    const screen = await s.waitFor('● converged');
    expect(screen).toContain(`Debt still under water ${owed} USD`);
    await quit(s);
  });

  it('a run that leaves the model’s range says where and why it stopped, instead of silently stopping', async () => {
    const s = app([extreme], { cols, rows });
    await s.waitFor('Round 0', START_MS);
    s.write(' ');
    const screen = await s.waitFor("✖ stopped: round 2 left the model's range");
    expect(screen).toContain('Round 1 of 1');
    expect(screen).toContain('✖ the model left its numeric range at round 2 (field price = 0)');
    expect(screen).toContain('the preset is valid but too extreme for the model');
    expect(screen).not.toMatch(/NaN/);
    await quit(s);
  });
});
