// What the screens say, read in a real pseudo-terminal at both sizes the app promises (80×24 and 120×36),
// each figure checked against the engine's own numbers for the same round.
import { afterEach, describe, expect, it } from 'vitest';
import { Timeline, type Scenario } from '../../src/engine/index.js';
import { formatAmount, formatCount, formatNumber } from '../../src/format.js';
import { loadPreset } from '../../src/presets/index.js';
import { CLI, ROOT } from '../helpers/cli.js';
import { KEY } from '../helpers/ink.js';
import { killAll, spawnInPty, type PtyOptions, type PtyScreen } from '../helpers/pty.js';

const START_MS = 30_000;
const SIZES = [
  { cols: 80, rows: 24 },
  { cols: 120, rows: 36 },
] as const;
const ENTER_ALT = '\x1b[?1049h';

const app = (args: string[], options: PtyOptions) =>
  spawnInPty(process.execPath, [CLI, ...args], { cwd: ROOT, ...options });

function load(id: string): Scenario {
  const loaded = loadPreset(id);
  if (!loaded.ok) throw new Error(`preset ${id} did not load`);
  return loaded.preset;
}

/** The value labels down the chart's axis (the numbers before `┤`), top to bottom. */
function axisLabels(screen: string): number[] {
  return screen
    .split('\n')
    .map((line) => /^ *([\d,.]+[KMB]?)┤/.exec(line)?.[1])
    .filter((t): t is string => t !== undefined)
    .map((t) => Number(t.replace(/,/g, '')));
}

const quit = async (s: PtyScreen) => {
  s.write('q');
  expect((await s.waitForExit()).exitCode).toBe(0);
};

afterEach(() => killAll());

describe.each(SIZES)('the screens at $cols×$rows', ({ cols, rows }) => {
  it('compare mode past the baseline’s end: the baseline keeps its last round, the variant names its change', async () => {
    const base = new Timeline(load('dutch-auction'));
    const last = base.finish();
    const s = app(['dutch-auction'], { cols, rows });
    await s.waitFor('Round 0', START_MS);
    // Shock 10% → 20%: ten steps of one point on the first lever.
    s.write('e');
    await s.waitFor('What if');
    s.write(KEY.right.repeat(10));
    await s.waitFor('20.0%');
    s.write(KEY.enter);
    await s.waitFor('Variant: ');
    s.write(KEY.end);
    const screen = await s.waitFor(`baseline ended at round ${last}`);
    const lines = screen.split('\n');
    expect(lines[0]).not.toContain(`of ${last}`);
    expect(screen).toContain(`Venue ${formatAmount(base.record(last)!.price, 'USD')}`);
    const variant = lines.find((l) => l.startsWith('Variant: '))!;
    expect(variant).toMatch(/^Variant: shock size 10\.0% → 20\.0% \(converged at round \d+\)$/);
    // Every figure of the variant is on screen, none cut.
    for (const figure of ['price', 'drawdown', 'amp', 'liquidated', 'bad debt'])
      expect(screen).toContain(figure);
    expect(lines.filter((l) => l.startsWith('  ') && l.endsWith('…'))).toEqual([]);
    await quit(s);
  });

  it('the auction log: lots sent to auction and what bidders bought, each with its own label and total', async () => {
    const timeline = new Timeline(load('black-thursday-2020'));
    const record = timeline.record(12)!;
    const events = timeline.events(12)!;
    const lots = events.seized.reduce((a, b) => a + b, 0);
    const s = app(['black-thursday-2020'], { cols, rows });
    await s.waitFor('Round 0', START_MS);
    s.write('n'.repeat(12));
    const screen = await s.waitFor(/round 12: /);
    expect(screen).toContain(
      `round 12: ${formatCount(events.length)} sent to auction (${formatAmount(lots, 'ETH')})`,
    );
    if (cols >= 120) expect(screen).toContain(`bidders bought ${formatAmount(record.collateralSold, 'ETH')}`);
    // The rows under it are lots sent to auction, never "seized" beside the bought total.
    const rowsShown = screen.split('\n').filter((l) => /^ {2}g\d+ /.test(l));
    for (const row of rowsShown) expect(row).toMatch(/sent to auction [\d,.]+ ETH for [\d,.]+ DAI of debt/);
    await quit(s);
  });

  it.each([
    ['mango-markets-2022', 0.038],
    ['perps-october-2025', 122_000],
  ])('%s: the chart draws its start, peak and trough at their values', async (id, start) => {
    const timeline = new Timeline(load(id));
    const last = timeline.finish();
    const records = timeline.recordsTo(last);
    const prices = [start, ...records.flatMap((r) => [r.price, r.oraclePrice])];
    const peak = Math.max(...prices);
    const trough = Math.min(...prices);
    const s = app([id], { cols, rows });
    await s.waitFor('Round 0', START_MS);
    s.write(KEY.end);
    // The frame may reach the terminal in more than one write: wait for the header and the whole chart.
    const screen = await s.waitFor(
      (text) =>
        text.includes(`Round ${last} of ${last}`) && /round +0 /.test(text) && axisLabels(text).length > 3,
      15_000,
    );
    const labels = axisLabels(screen);
    expect(labels.length).toBeGreaterThan(3);
    // Labels carry at least three significant digits: within half a percent.
    expect(labels[0]! / peak).toBeCloseTo(1, 2);
    expect(labels.at(-1)! / trough).toBeCloseTo(1, 2);
    expect(screen).toContain(`start ${formatNumber(start)}`);
    expect(new Set(labels).size).toBe(labels.length);
    await quit(s);
  });
});

describe('a hidden screen and a dumb terminal', () => {
  it('while too small, keys wait: Enter opens nothing and space steps nothing; q still quits', async () => {
    const s = app([], { cols: 60, rows: 20 });
    await s.waitFor('terminal too small', START_MS);
    s.write(KEY.enter);
    s.write(KEY.down);
    // Give the app time to act on the keys, were it to.
    await new Promise((resolve) => setTimeout(resolve, 600));
    s.resize(120, 36);
    const picker = await s.waitFor('pick a preset');
    expect(picker).not.toMatch(/Round \d/);
    const first = picker.split('\n').findIndex((l) => l.includes('❯'));
    expect(first).toBeGreaterThan(0);
    s.resize(60, 20);
    await s.waitFor('terminal too small');
    await quit(s);
  });

  it('while too small on a dashboard, space and End do not move the round', async () => {
    const s = app(['thin-pool'], { cols: 60, rows: 20 });
    await s.waitFor('terminal too small', START_MS);
    s.write('nnn');
    s.write(KEY.end);
    await new Promise((resolve) => setTimeout(resolve, 600));
    s.resize(120, 36);
    const screen = await s.waitFor(/Round \d/);
    expect(screen).toMatch(/Round 0\b/);
    await quit(s);
  });

  it('TERM=dumb is no terminal: a hint pointing at liqloop run, exit 2, no screen switching', async () => {
    const s = app(['thin-pool'], { cols: 80, rows: 24, env: { TERM: 'dumb' } });
    const exit = await s.waitForExit(START_MS);
    expect(exit.exitCode).toBe(2);
    expect(await s.text()).toContain('liqloop run');
    expect(s.raw()).not.toContain(ENTER_ALT);
    expect(s.raw()).not.toContain('\x1b[?25l');
  });
});
