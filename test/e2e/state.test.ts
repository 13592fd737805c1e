// The last walk's items (issue 13) read on screen in a real pseudo-terminal at 80×24 and 120×36: the round
// after x and k, what k says, messages that stay on their screen, a typed value kept on ↑/↓, the levers of
// a perpetuals-only preset, the sweep's charts and tipping point against `liqloop sweep`, the help in a
// terminal too small, the panel's help and the picker's description whole.
import { afterEach, describe, expect, it } from 'vitest';
import { Timeline, type Scenario } from '../../src/engine/index.js';
import { formatCount } from '../../src/format.js';
import { loadPreset } from '../../src/presets/index.js';
import { CLI, ROOT, liqloop } from '../helpers/cli.js';
import { KEY } from '../helpers/ink.js';
import { killAll, spawnInPty, type PtyScreen } from '../helpers/pty.js';

const START_MS = 30_000;
const SWEEP_MS = 90_000;
const SIZES = [
  { cols: 80, rows: 24 },
  { cols: 120, rows: 36 },
] as const;

afterEach(() => killAll());

function load(id: string): Scenario {
  const loaded = loadPreset(id);
  if (!loaded.ok) throw new Error(`preset ${id} did not load`);
  return loaded.preset;
}
const lastRound = (preset: Scenario) => new Timeline(preset).finish();
/** Lets the app read each key on its own (Esc then a letter written at once would arrive as Alt). */
const pause = (ms = 150) => new Promise((r) => setTimeout(r, ms));
const quit = async (s: PtyScreen) => {
  s.write(KEY.ctrlC);
  expect((await s.waitForExit()).exitCode).toBe(0);
};

describe.each(SIZES)('at $cols×$rows', ({ cols, rows }) => {
  const open = async (args: string[], size = { cols, rows }) => {
    const s = spawnInPty(process.execPath, [CLI, ...args], { cwd: ROOT, ...size });
    await s.waitFor(args.length ? 'Round 0' : 'pick a preset', START_MS);
    return s;
  };
  const fits = (screen: string) => {
    for (const line of screen.split('\n')) expect([...line].length).toBeLessThanOrEqual(cols);
  };
  /** e, a shock typed, Enter sets it, Enter runs the variant. */
  const variant = async (s: PtyScreen, shock: string) => {
    s.write('e');
    await s.waitFor('What if');
    s.write(shock);
    s.write(KEY.enter);
    await s.waitFor(/\(was [\d.]+%\)/);
    s.write(KEY.enter);
    await s.waitFor(/Variant|variant/);
  };

  it('x after End with a longer variant: the screen sits at the baseline’s last round, not past it', async () => {
    const base = lastRound(load('dutch-auction'));
    const s = await open(['dutch-auction']);
    await variant(s, '20%');
    s.write(KEY.end);
    await s.waitFor(`baseline ended at round ${formatCount(base)}`);
    s.write('x');
    const screen = await s.waitFor('variant dropped');
    expect(screen).toContain(`Round ${formatCount(base)} of ${formatCount(base)}`);
    expect(screen).not.toContain('baseline ended');
    fits(screen);
    await quit(s);
  }, 60_000);

  it('k says the baseline changed, and the title carries what was kept', async () => {
    const s = await open(['dutch-auction']);
    await variant(s, '20%');
    s.write('k');
    const screen = await s.waitFor('kept the variant as the baseline: shock size 10.0% → 20.0%');
    const title = screen.split('\n')[0]!;
    // The title is cut at 80 columns (the preset's name is long), whole at 120.
    if (cols >= 120) expect(title).toContain('· kept: shock size 10.0% → 20.0%');
    else expect(title).toMatch(/^Dutch auction/);
    expect(screen).not.toContain('Variant');
    fits(screen);
    await quit(s);
  }, 60_000);

  it('a message said in the panel does not follow the user to the dashboard', async () => {
    const s = await open(['thin-pool']);
    s.write('e');
    await s.waitFor('What if');
    s.write(KEY.enter);
    await s.waitFor('no lever changed');
    s.write(KEY.escape);
    const screen = await s.waitFor((t) => !t.includes('What if'));
    expect(screen).not.toContain('no lever changed');
    expect(screen).toContain('Round 0');
    await quit(s);
  }, 60_000);

  it('↑/↓ in the panel keeps the value typed; a refused one stays with its reason', async () => {
    const s = await open(['thin-pool']);
    s.write('e');
    await s.waitFor('What if');
    s.write('25%');
    s.write(KEY.down);
    let screen = await s.waitFor('25.0%  (was 10.0%)');
    expect(screen).toMatch(/▶ market depth/);
    s.write('-1');
    s.write(KEY.up);
    screen = await s.waitFor('refused:');
    // Still on the depth, the refused text shown.
    expect(screen).toMatch(/▶ market depth \(±2%\) +-1/);
    fits(screen);
    await quit(s);
  }, 60_000);

  it('a perpetuals-only preset: no liquidation or liquidator lever in the panel; its help whole', async () => {
    const s = await open(['perps-october-2025']);
    s.write('e');
    let screen = await s.waitFor('What if');
    for (const lever of ['mechanism', 'bonus', 'liquidation threshold', 'liquidator capital', 'sale cap'])
      expect(screen, lever).not.toContain(lever);
    expect(screen).toContain('insurance fund');
    expect(screen).toContain('ADL ranking');
    // The longest help of all (perpetual fills) is whole: two rows, not cut.
    while (!/▶ perpetual fills/.test(screen)) {
      s.write(KEY.down);
      await pause(80);
      screen = await s.text();
    }
    screen = await s.waitFor('type venue, oracle');
    expect(screen).not.toMatch(/…\s*│/);
    fits(screen);
    await quit(s);
  }, 60_000);

  it('the sweep agrees with `liqloop sweep`: no tipping point where amplification is flat', async () => {
    const s = await open(['may-19-2021']);
    s.write('s');
    const screen = await s.waitFor(/Tipping point[^\n]*\./, SWEEP_MS);
    const cli = liqloop([
      'sweep',
      'may-19-2021',
      '--param',
      'shock.pct',
      '--from',
      '0.01',
      '--to',
      '0.3',
      '--steps',
      '24',
    ]);
    expect(cli.status).toBe(0);
    const said = cli.stdout.trim().split('\n').at(-1)!;
    expect(said).toBe('Tipping point: none; amplification is 1.00× at every value.');
    expect(screen).toContain(said);
    expect(screen).not.toContain('↑ tipping point');
    expect(screen).toContain('Amplification: 1.00× at every value');
    // The bad debt, which moves, is a chart at least five rows tall, its axis in the panel's percents.
    const lines = screen.split('\n');
    const title = lines.findIndex((l) => l.startsWith('Bad debt (USD) against shock size'));
    expect(title).toBeGreaterThan(0);
    const plot = lines.slice(title + 1).findIndex((l) => !/┤/.test(l));
    expect(plot).toBeGreaterThanOrEqual(5);
    expect(lines[title + 1 + plot]).toMatch(/^\s+1\.0%\s+\d+\.\d%/);
    fits(screen);
    await quit(s);
  }, 120_000);

  it('a perpetuals sweep charts the fund, ADL and uncovered loss, not a bad debt always 0', async () => {
    const s = await open(['perps-fund-empty']);
    s.write('s');
    const screen = await s.waitFor(/Tipping point[^\n]*/, SWEEP_MS);
    expect(screen).not.toMatch(/Bad debt \(USD\)/);
    for (const figure of ['Fund drawn (USD)', 'ADL covered (USD)', 'Uncovered loss (USD)'])
      expect(screen, figure).toContain(figure);
    fits(screen);
    await quit(s);
  }, 120_000);

  it('a sweep of a money lever: its unit in the titles and the sentences, the tipping point whole', async () => {
    const s = await open(['perps-long-cascade']);
    s.write('e');
    let screen = await s.waitFor('What if');
    while (!/▶ insurance fund/.test(screen)) {
      s.write(KEY.down);
      await pause(80);
      screen = await s.text();
    }
    s.write('\x13');
    screen = await s.waitFor(/Tipping point[\s\S]*×/, SWEEP_MS);
    expect(screen).toContain('Amplification against insurance fund (USD)');
    // A chart where there is room for one, else a line.
    expect(screen).toMatch(
      /Fund drawn \(USD\)(: 0 USD at 0 USD → [\d.]+M USD at 12M USD| against insurance fund \(USD\))/,
    );
    // The sentence wraps to a second row rather than be cut.
    const sentence = screen.slice(screen.indexOf('Tipping point')).split('\n').slice(0, 2).join(' ');
    expect(sentence).toMatch(
      /^Tipping point: between [\d.]+M USD and [\d.]+M USD, amplification jumps from [\d.]+× ?to [\d.]+×/,
    );
    expect(screen).not.toMatch(/…$/m);
    fits(screen);
    await quit(s);
  }, 120_000);

  it('the picker’s description box is whole', async () => {
    const s = await open([]);
    const screen = await s.waitFor('deficit disappear.');
    expect(screen).toContain('Black Thursday, 12–13 March 2020 (MakerDAO)');
    expect(screen).not.toMatch(/…\s*│/);
    fits(screen);
    await quit(s);
  }, 60_000);
});

describe('a terminal too small for the app', () => {
  it('? shows the keys and says the size needed; Esc closes them; other keys still wait', async () => {
    const s = spawnInPty(process.execPath, [CLI], { cwd: ROOT, cols: 60, rows: 20 });
    await s.waitFor('terminal too small', START_MS);
    expect(await s.text()).toContain('? shows the keys');
    s.write('?');
    let screen = await s.waitFor('Keys on the picker');
    expect(screen).toContain('terminal 60×20: the app needs 80×24');
    s.write(KEY.down);
    screen = await s.waitFor(/↑ 1 more/);
    await pause();
    s.write(KEY.escape);
    await s.waitFor('terminal too small');
    s.write(KEY.enter);
    await pause(600);
    s.resize(120, 36);
    screen = await s.waitFor('pick a preset');
    expect(screen).not.toMatch(/Round \d/);
    expect(screen).toMatch(/❯ black-thursday-2020/);
    await quit(s);
  }, 60_000);
});
