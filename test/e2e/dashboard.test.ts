// The built app (`node dist/cli/main.js`, built by `npm test` before vitest runs) in a real pseudo-terminal,
// its screen read through a headless xterm: what a user sees, key by key.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Timeline } from '../../src/engine/index.js';
import { formatCount } from '../../src/format.js';
import { catalogue, loadLibrary, loadPreset } from '../../src/presets/index.js';
import { BINDINGS } from '../../src/ui/keys.js';
import { CLI, ROOT } from '../helpers/cli.js';
import { KEY } from '../helpers/ink.js';
import { killAll, spawnInPty, type PtyOptions, type PtyScreen } from '../helpers/pty.js';

const BIG = { cols: 120, rows: 36 } as const;
/** The first frame needs Node, Ink and React loaded: allow for a busy machine. */
const START_MS = 30_000;
// eslint-disable-next-line no-control-regex -- terminal escapes are what this matches
const COLOUR = /\x1b\[(?:3[0-79]|9[0-7]|38;[0-9;]+)m/;
const ENTER_ALT = '\x1b[?1049h';
/**
 * Not an assertion: lets the picker take in a redraw before the next key. Its list handles a key that comes
 * just after a redraw with its previous state (test/ui/app.test.tsx, "Enter right after ↓ …").
 */
const PICKER_SETTLE_MS = 250;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function load(id: string) {
  const loaded = loadPreset(id);
  if (!loaded.ok) throw new Error(`preset ${id} did not load`);
  return loaded.preset;
}

const app = (args: string[], options: PtyOptions = {}) =>
  spawnInPty(process.execPath, [CLI, ...args], { cwd: ROOT, ...BIG, ...options });
/** The app started by a shell that first prints a line on the user's screen. */
const appAfterEcho = (args: string[], options: PtyOptions = {}) =>
  spawnInPty('bash', ['-c', `echo BEFORE-APP; exec "${process.execPath}" "${CLI}" ${args.join(' ')}`], {
    cwd: ROOT,
    ...BIG,
    ...options,
  });

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** The round in the header ("Round 3" or "Round 17 of 17"). */
const roundShown = (screen: string) => Number(/Round (\d+)/.exec(screen)?.[1] ?? NaN);
const waitForRound = (s: PtyScreen, n: number) => s.waitFor((screen) => roundShown(screen) === n);

/** After the app has gone: the user's screen is back, with what was printed before and nothing of the app. */
async function expectUserScreenBack(s: PtyScreen) {
  expect(await s.bufferType()).toBe('normal');
  const lines = await s.lines();
  expect(lines[0]).toBe('BEFORE-APP');
  expect(lines.join('\n')).not.toMatch(/Round \d|pick a preset|Liquidations, newest first/);
}

beforeAll(() => {
  if (!existsSync(CLI)) {
    throw new Error(
      `${CLI} is missing: build the app first (\`npx tsc -p tsconfig.build.json\`; \`npm test\` does it before vitest).`,
    );
  }
});

afterEach(() => {
  killAll();
});

describe('the dashboard in a real terminal (120×36)', () => {
  it('picker → dashboard → steps, fast keys, back, help, quit; the user screen comes back', async () => {
    // The presets the picker lists: those of the library that load.
    const ids = catalogue(loadLibrary()).map((e) => e.id);
    const s = appAfterEcho([]);
    const picker = await s.waitFor('pick a preset', START_MS);
    expect(await s.bufferType()).toBe('alternate');
    // Under their headings: as many as the list has rows for at 120×36.
    for (const id of ids.slice(0, 14)) expect(picker).toContain(id);
    expect(picker).toMatch(new RegExp(`❯ (?:History|Lessons)? *${escape(ids[0]!)} `));

    // ↓ highlights the second preset and shows its description; Enter opens it.
    s.write(KEY.down);
    const id = ids[1]!;
    const preset = load(id);
    await s.waitFor(new RegExp(`❯ (?:History|Lessons)? *${escape(id)} `));
    // The list and the description box may reach the terminal in separate writes: wait for the text.
    await s.waitFor(preset.description.slice(0, 60));
    // This test is about the dashboard: give the picker its moment (see PICKER_SETTLE_MS).
    await pause(PICKER_SETTLE_MS);
    s.write(KEY.enter);

    const timeline = new Timeline(preset);
    const last = timeline.finish();
    const dashboard = await waitForRound(s, 0);
    expect(dashboard).toContain('before the shock');
    expect(dashboard).toContain(`Liquidated 0 of ${formatCount(timeline.positions)}`);
    expect(dashboard).not.toContain('pick a preset');
    const lines = await s.lines();
    expect(lines[0]).toMatch(new RegExp(`^${escape(preset.name)} +Round 0`));
    expect(lines[34]).toMatch(/space\/→ next .* q quit/);
    expect(lines[35]).toBe('');

    // 'n', then 'nn' typed fast (one write): each key counts, up to the last round.
    s.write('n');
    await waitForRound(s, 1);
    const first = timeline.record(1)!;
    // The header and the log may reach the terminal in separate writes: wait for the log's line itself.
    if (first.liquidations > 0) await s.waitFor(`round 1: ${formatCount(first.liquidations)} liquidated`);
    s.write('nn');
    const three = Math.min(3, last);
    await waitForRound(s, three);
    s.write('b');
    await waitForRound(s, Math.max(0, three - 1));
    s.write(KEY.left);
    const back = Math.max(0, three - 2);
    await waitForRound(s, back);

    s.write('?');
    let help = await s.waitFor('Keys on the dashboard');
    expect(help).toMatch(/╭─+╮/);
    // The help scrolls: space pages down to its end, where it says every key counts.
    for (let page = 0; page < 10 && !help.includes('Keys typed quickly'); page++) {
      s.write(' ');
      await new Promise((r) => setTimeout(r, 200));
      help += await s.text();
    }
    expect(help).toContain('Keys typed quickly');
    // Each key with the start of its description (a long one wraps under its own column).
    for (const b of BINDINGS) {
      const start = b.description.split(' ').slice(0, 3).join(' ');
      expect(help).toMatch(new RegExp(`│ ${escape(b.label)} +${escape(start)}`));
    }
    expect(help).not.toMatch(/Round \d/);
    s.write(KEY.escape);
    const closed = await waitForRound(s, back);
    expect(closed).not.toContain('Keys typed quickly');

    // The default theme draws in colour (the NO_COLOR test below relies on this).
    expect(s.raw()).toMatch(COLOUR);
    s.write('q');
    expect((await s.waitForExit()).exitCode).toBe(0);
    await expectUserScreenBack(s);
  });

  it("End runs to convergence: the header says 'converged' on the last round", async () => {
    const s = app(['thin-pool']);
    await s.waitFor('Round 0', START_MS);
    s.write(KEY.end);
    const end = await s.waitFor('converged');
    expect(end).toMatch(/Round (\d+) of \1 +● converged/);
    expect(roundShown(end)).toBeGreaterThan(3);
    s.write(KEY.home);
    await waitForRound(s, 0);
    s.write('q');
    expect((await s.waitForExit()).exitCode).toBe(0);
  });

  it('Ctrl-C exits 0 and gives the user screen back', async () => {
    const s = appAfterEcho(['thin-pool']);
    await s.waitFor('Round 0', START_MS);
    expect(await s.bufferType()).toBe('alternate');
    s.write('n');
    await waitForRound(s, 1);
    s.write(KEY.ctrlC);
    expect((await s.waitForExit()).exitCode).toBe(0);
    await expectUserScreenBack(s);
  });

  it('Esc goes back to the picker, and q quits from there', async () => {
    const s = appAfterEcho(['thin-pool']);
    await s.waitFor('Round 0', START_MS);
    s.write(KEY.escape);
    const picker = await s.waitFor('pick a preset');
    expect(picker).not.toMatch(/Round \d/);
    s.write('q');
    expect((await s.waitForExit()).exitCode).toBe(0);
    await expectUserScreenBack(s);
  });

  it('at 60×20 it asks for 80×24, and draws the dashboard once the terminal is resized', async () => {
    const s = app(['thin-pool'], { cols: 60, rows: 20 });
    const small = await s.waitFor('terminal too small', START_MS);
    expect(small).toContain('terminal too small: need 80×24');
    expect(small).toContain('This one is 60×20');
    expect(small).not.toMatch(/Round \d/);
    s.resize(120, 36);
    const big = await waitForRound(s, 0);
    expect(big).not.toContain('terminal too small');
    expect((await s.lines())[0]).toMatch(/^Thin pool: a 10% shock runs away +Round 0/);
    s.write('q');
    expect((await s.waitForExit()).exitCode).toBe(0);
  });

  it('NO_COLOR=1: no colour escape anywhere, in the dashboard or the picker', async () => {
    const s = app(['thin-pool'], { noColor: true });
    await s.waitFor('Round 0', START_MS);
    s.write('n');
    await waitForRound(s, 1);
    s.write(KEY.escape);
    await s.waitFor('pick a preset');
    s.write('q');
    expect((await s.waitForExit()).exitCode).toBe(0);
    expect(s.raw()).toContain('Round 1');
    expect(s.raw()).not.toMatch(COLOUR);
  });
});

describe('the dashboard refuses to start', () => {
  it('on an unknown preset: exit 1 with the preset error, never on the alternate screen', async () => {
    const s = app(['no-such-preset']);
    const exit = await s.waitForExit(START_MS);
    expect(exit.exitCode).toBe(1);
    const screen = await s.text();
    expect(screen).toContain('no preset named "no-such-preset"');
    expect(screen).toContain('liqloop list shows the presets');
    expect(await s.bufferType()).toBe('normal');
    expect(s.raw()).not.toContain(ENTER_ALT);
  });

  it('without a terminal: exit 2 with a one-line hint to use `liqloop run`, no stack trace', () => {
    const env = { ...process.env };
    delete env.CI;
    const result = spawnSync(process.execPath, [CLI], {
      cwd: ROOT,
      encoding: 'utf8',
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 10_000,
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('liqloop run');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toContain(ENTER_ALT);
  });
});
