// Colour on, first: the colour tests read raw frames (test/helpers/force-colour.ts).
import '../helpers/force-colour.js';
import { Text } from 'ink';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLibrary, loadPreset, type LoadResult } from '../../src/presets/index.js';
import { App } from '../../src/ui/App.js';
import { useTerminalSize } from '../../src/ui/hooks/useTerminalSize.js';
import { BINDINGS } from '../../src/ui/keys.js';
import { initialState, type PresetEntry } from '../../src/ui/state/reducer.js';
import { openSession } from '../../src/ui/state/session.js';
import { themeFor, type Theme } from '../../src/ui/theme.js';
import { KEY, press, renderSized, settle, waitForFrame } from '../helpers/ink.js';

// eslint-disable-next-line no-control-regex -- terminal escapes are what this matches
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
// eslint-disable-next-line no-control-regex -- terminal escapes are what this matches
const COLOUR = /\x1b\[(?:3[0-79]|9[0-7]|38;[0-9;]+)m/;
const plain = (frame: string | undefined) => (frame ?? '').replace(ANSI, '');
const NO_COLOUR: Theme = themeFor({ NO_COLOR: '1' });

// Three shipped presets, so that the picker's list does not change as presets are added to the library.
const PICKED = ['deep-pool', 'thin-pool', 'thin-pool-partial'];
const ENTRIES: PresetEntry[] = loadLibrary().flatMap((l) =>
  l.ok && PICKED.includes(l.id) ? [{ id: l.id, name: l.preset.name, description: l.preset.description }] : [],
);
const entry = (id: string) => ENTRIES.find((e) => e.id === id)!;

function thinPoolSession() {
  const loaded = loadPreset('thin-pool');
  if (!loaded.ok) throw new Error('thin-pool did not load');
  return openSession(loaded);
}

/**
 * The app on the picker (or on thin-pool's dashboard), in ink-testing-library's 100-column terminal;
 * `lastFrame` gives the text without escapes, `frames` the raw frames.
 */
function renderApp(options: { dashboard?: boolean; theme?: Theme; load?: (id: string) => LoadResult } = {}) {
  const initial = initialState(ENTRIES, options.dashboard ? thinPoolSession() : undefined);
  const rendered = render(
    <App initial={initial} loadPreset={options.load ?? loadPreset} theme={options.theme ?? NO_COLOUR} />,
  );
  // Colour is forced on in this file: tests read the text, the colour tests the raw frames.
  return { ...rendered, lastFrame: () => plain(rendered.lastFrame()) };
}

const roundShown = (frame: string | undefined) => Number(/Round (\d+)/.exec(plain(frame))?.[1] ?? NaN);

/** Waits until the header shows round `n` (exactly) and returns the frame. */
const waitForRound = (lastFrame: () => string | undefined, n: number) =>
  waitForFrame(lastFrame, (f) => roundShown(f) === n);

afterEach(() => {
  cleanup();
});

describe('terminal size', () => {
  it('falls back to 24 rows when stdout has none (ink-testing-library: 100 columns, no rows)', async () => {
    function Probe() {
      const { columns, rows } = useTerminalSize();
      return <Text>{`${columns}x${rows}`}</Text>;
    }
    const { lastFrame } = render(<Probe />);
    expect(lastFrame()).toBe('100x24');
  });

  it('lays the dashboard out in 23 rows (one fewer than the terminal), none wider than 100', async () => {
    const { lastFrame } = renderApp({ dashboard: true });
    await waitForFrame(lastFrame, 'Round 0');
    const lines = plain(lastFrame()).split('\n');
    expect(lines).toHaveLength(23);
    for (const line of lines) expect(Array.from(line).length).toBeLessThanOrEqual(100);
    expect(lines.at(-1)).toMatch(/q quit/);
  });

  it('follows a resize: too small below 80×24, the dashboard again above', async () => {
    const { lastFrame, stdout } = renderApp({ dashboard: true });
    await waitForFrame(lastFrame, 'Round 0');
    Object.defineProperty(stdout, 'rows', { value: 20, configurable: true });
    stdout.emit('resize');
    const small = plain(await waitForFrame(lastFrame, 'terminal too small'));
    expect(small).toContain('terminal too small: need 80×24');
    expect(small).toContain('This one is 100×20');
    expect(small).not.toContain('Round 0');
    Object.defineProperty(stdout, 'columns', { value: 120, configurable: true });
    Object.defineProperty(stdout, 'rows', { value: 36, configurable: true });
    stdout.emit('resize');
    const big = plain(await waitForFrame(lastFrame, 'Round 0'));
    expect(big.split('\n')).toHaveLength(35);
  });
});

describe('picker', () => {
  it('lists every preset and describes the highlighted one', async () => {
    expect(ENTRIES.map((e) => e.id)).toEqual(PICKED);
    const { lastFrame, stdin } = renderApp();
    const first = plain(await waitForFrame(lastFrame, 'pick a preset'));
    for (const e of ENTRIES) expect(first).toMatch(new RegExp(`${e.id}\\s+${e.name.slice(0, 20)}`));
    expect(first).toMatch(/❯ (?:History|Lessons)? *deep-pool/);
    // The description box names the highlighted preset (the list has every name once, the box a second time).
    const count = (s: string, part: string) => s.split(part).length - 1;
    expect(count(first, entry('deep-pool').name)).toBe(2);
    expect(first).toContain(entry('deep-pool').description.slice(0, 40));
    await press(stdin, KEY.down);
    const second = plain(await waitForFrame(lastFrame, /❯ (?:History|Lessons)? *thin-pool /));
    expect(count(second, entry('thin-pool').name)).toBe(2);
    expect(count(second, entry('deep-pool').name)).toBe(1);
    expect(second).toContain(entry('thin-pool').description.slice(0, 40));
    expect(second).not.toContain(entry('deep-pool').description.slice(0, 40));
  });

  it('Enter opens the highlighted preset on its dashboard at round 0', async () => {
    const { lastFrame, stdin } = renderApp();
    await waitForFrame(lastFrame, 'pick a preset');
    await press(stdin, KEY.down, KEY.enter);
    const frame = plain(await waitForFrame(lastFrame, 'Round 0'));
    expect(frame).toContain(entry('thin-pool').name);
    expect(frame).toContain('before the shock');
    expect(frame).toContain('Liquidated 0 of 10,000');
    expect(frame).not.toContain('pick a preset');
  });

  it('shows why a preset could not be opened, and stays on the picker', async () => {
    const load = (id: string): LoadResult => ({
      ok: false,
      file: id,
      problems: [{ path: 'asset.price', message: 'must be positive' }],
    });
    const { lastFrame, stdin } = renderApp({ load });
    await waitForFrame(lastFrame, 'pick a preset');
    await press(stdin, KEY.enter);
    const frame = plain(await waitForFrame(lastFrame, 'must be positive'));
    expect(frame).toContain('deep-pool: asset.price must be positive');
    expect(frame).toContain('pick a preset');
    expect(frame).not.toContain('Round 0');
  });

  it('? shows the help over the picker and Esc closes it', async () => {
    const { lastFrame, stdin } = renderApp();
    await waitForFrame(lastFrame, 'pick a preset');
    await press(stdin, '?');
    await waitForFrame(lastFrame, 'Esc or ? closes this help');
    await press(stdin, KEY.escape);
    const frame = plain(await waitForFrame(lastFrame, 'pick a preset'));
    expect(frame).not.toContain('closes this help');
  });

  it('arrows typed quickly each count (two ↓ in one read move two rows)', async () => {
    const { lastFrame, stdin } = renderApp();
    await waitForFrame(lastFrame, 'pick a preset');
    await press(stdin, KEY.down + KEY.down);
    expect(lastFrame()).toMatch(/❯ (?:History|Lessons)? *thin-pool-partial /);
  });

  it('Enter right after ↓ (one read) opens the highlighted preset, not the one before it', async () => {
    const { lastFrame, stdin } = renderApp();
    await waitForFrame(lastFrame, 'pick a preset');
    await press(stdin, KEY.down + KEY.enter);
    const frame = await waitForFrame(lastFrame, 'Round 0');
    expect(frame).toContain(entry('thin-pool').name);
  });

  it('keeps the highlighted preset across the help overlay', async () => {
    const { lastFrame, stdin } = renderApp();
    await waitForFrame(lastFrame, 'pick a preset');
    await press(stdin, KEY.down);
    await waitForFrame(lastFrame, /❯ (?:History|Lessons)? *thin-pool /);
    await press(stdin, '?');
    await waitForFrame(lastFrame, 'closes this help');
    await press(stdin, KEY.escape);
    const frame = plain(await waitForFrame(lastFrame, 'pick a preset'));
    expect(frame).toMatch(/❯ (?:History|Lessons)? *thin-pool /);
  });
});

describe('picker at the smallest size', () => {
  it('fits a long library into 80×24: title, whole rows, and the highlighted name all shown', async () => {
    // Like the shipped library: more presets than fit, one long name, long descriptions.
    const entries: PresetEntry[] = Array.from({ length: 15 }, (_, i) => ({
      id: `item-${String(i).padStart(2, '0')}`,
      name: i === 4 ? `Preset number ${i} with a name long enough to wrap at eighty` : `Preset number ${i}`,
      description: `Description of preset ${i}. ` + 'A sentence about the market and the oracle. '.repeat(7),
    }));
    const { lastFrame } = renderSized(
      <App initial={initialState(entries)} loadPreset={loadPreset} theme={NO_COLOUR} />,
      80,
      24,
    );
    const frame = await waitForFrame(() => plain(lastFrame()), 'item-00');
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(frame).toContain('liqloop: pick a preset');
    // The description box names the highlighted preset.
    expect(frame).toMatch(/│ Preset number 0 · Lesson +│/);
    // Every list row is one item, drawn whole: no row starts inside another item's text.
    for (const line of lines.filter((l) => /item-\d\d/.test(l)))
      expect(line).toMatch(/^(?:❯| ) (?:History|Lessons)? *item-\d\d /);
  });

  it('gives a long description the rows it needs at 80×24, down to six list rows', async () => {
    const entries: PresetEntry[] = Array.from({ length: 15 }, (_, i) => ({
      id: `item-${String(i).padStart(2, '0')}`,
      name: `Preset number ${i}`,
      description:
        `Description of preset ${i}. ` +
        'A sentence about the market and the oracle. '.repeat(8) +
        'Press e to see it.',
    }));
    const { lastFrame } = renderSized(
      <App initial={initialState(entries)} loadPreset={loadPreset} theme={NO_COLOUR} />,
      80,
      24,
    );
    const frame = await waitForFrame(() => plain(lastFrame()), 'item-00');
    expect(frame).toContain('Press e to see it.');
    expect(frame.split('\n').filter((l) => /item-\d\d/.test(l)).length).toBeGreaterThanOrEqual(6);
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
  });
});

describe('dashboard', () => {
  it("'n' steps one round; 'nnn' in one write steps three", async () => {
    const { lastFrame, stdin } = renderApp({ dashboard: true });
    await waitForRound(lastFrame, 0);
    await press(stdin, 'n');
    const one = plain(await waitForRound(lastFrame, 1));
    expect(one).toContain('cascading');
    expect(one).toMatch(/round 1: 139 liquidated/);
    await press(stdin, 'nnn');
    const four = plain(await waitForRound(lastFrame, 4));
    expect(four).toMatch(/round 4: \d+ liquidated/);
  });

  it('space and → step too; ← and b step back; back from round 0 stays at 0', async () => {
    const { lastFrame, stdin } = renderApp({ dashboard: true });
    await waitForRound(lastFrame, 0);
    await press(stdin, ' ', KEY.right);
    await waitForRound(lastFrame, 2);
    await press(stdin, KEY.left);
    await waitForRound(lastFrame, 1);
    await press(stdin, 'b');
    await waitForRound(lastFrame, 0);
    await press(stdin, 'b', KEY.left);
    await settle();
    expect(roundShown(lastFrame())).toBe(0);
    expect(plain(lastFrame())).toContain('before the shock');
  });

  it('End runs to convergence, Home goes to round 0, r resets to round 0', async () => {
    const { lastFrame, stdin } = renderApp({ dashboard: true });
    await waitForRound(lastFrame, 0);
    await press(stdin, KEY.end);
    const end = plain(await waitForFrame(lastFrame, 'converged'));
    const last = roundShown(end);
    expect(last).toBeGreaterThan(4);
    expect(end).toContain(`Round ${last} of ${last}`);
    await press(stdin, KEY.home);
    await waitForRound(lastFrame, 0);
    await press(stdin, 'n', 'n');
    await waitForRound(lastFrame, 2);
    await press(stdin, 'r');
    await waitForRound(lastFrame, 0);
    await press(stdin, 'G');
    await waitForRound(lastFrame, last);
  });

  it('autoplay steps by itself, at the chosen speed, and stops at the end', async () => {
    const { lastFrame, stdin } = renderApp({ dashboard: true });
    await waitForRound(lastFrame, 0);
    await press(stdin, 'a');
    expect(plain(await waitForFrame(lastFrame, '▶ autoplay'))).toContain('▶ autoplay 350 ms/round');
    await press(stdin, '++++++');
    expect(plain(await waitForFrame(lastFrame, '▶ autoplay 50 ms'))).toContain('▶ autoplay 50 ms/round');
    const done = plain(await waitForFrame(lastFrame, (f) => plain(f).includes('converged'), 5000));
    await waitForFrame(lastFrame, (f) => !plain(f).includes('▶ autoplay'));
    expect(done).toMatch(/Round (\d+) of \1/);
  });

  it('? shows every key from BINDINGS (scrolling with space), Esc closes it on the same round', async () => {
    const { lastFrame, stdin } = renderApp({ dashboard: true });
    await waitForRound(lastFrame, 0);
    await press(stdin, 'nn', '?');
    let help = plain(await waitForFrame(lastFrame, 'closes this help'));
    expect(help).toContain('Keys on the dashboard');
    // 24 rows show a part: space pages down to the end, where the last hint says every key counts.
    for (let page = 0; page < 10 && !help.includes('Keys typed quickly'); page++) {
      await press(stdin, ' ');
      help += plain(lastFrame());
    }
    expect(help).toContain('Keys typed quickly');
    for (const b of BINDINGS) {
      const start = b.description.split(' ').slice(0, 3).join(' ');
      expect(help).toMatch(
        new RegExp(`${b.label.replace(/[?+/-]/g, '\\$&')}\\s+${start.replace(/[()]/g, '\\$&')}`),
      );
    }
    expect(help).not.toContain('Round 2');
    // Under the help, the dashboard's keys do nothing.
    await press(stdin, 'nnn');
    await press(stdin, KEY.escape);
    const back = plain(await waitForRound(lastFrame, 2));
    expect(back).not.toContain('closes this help');
  });

  it('Esc goes back to the picker', async () => {
    const { lastFrame, stdin } = renderApp({ dashboard: true });
    await waitForRound(lastFrame, 0);
    await press(stdin, KEY.escape);
    const frame = plain(await waitForFrame(lastFrame, 'pick a preset'));
    expect(frame).not.toMatch(/Round \d/);
    for (const e of ENTRIES) expect(frame).toContain(e.id);
  });

  it('opens directly on a dashboard from initialState with a session', async () => {
    const { lastFrame } = renderApp({ dashboard: true });
    const frame = plain(await waitForFrame(lastFrame, 'Round 0'));
    expect(frame).toContain(entry('thin-pool').name);
    expect(frame).toContain('Nearest liquidation');
    expect(frame).toContain('Liquidations, newest first');
    expect(frame).not.toContain('pick a preset');
  });
});

describe('quitting', () => {
  it("'q' unmounts the app: it stops reading keys and draws no more frames", async () => {
    const { lastFrame, stdin, frames } = renderApp({ dashboard: true });
    await waitForRound(lastFrame, 0);
    expect(stdin.listenerCount('readable')).toBeGreaterThan(0);
    const beforeQuit = frames.length;
    await press(stdin, 'q');
    await waitForFrame(lastFrame, () => stdin.listenerCount('readable') === 0);
    const drawn = frames.length;
    await press(stdin, 'nnn');
    expect(frames.length).toBe(drawn);
    // (Under CI=true, Ink writes its last frame once more on unmount: read what was drawn, not the last write.)
    expect(frames.slice(beforeQuit).filter((f) => /Round [1-9]/.test(plain(f)))).toEqual([]);
  });

  for (const [name, key] of [
    ['q', 'q'],
    ['Ctrl-C', KEY.ctrlC],
  ] as const) {
    it(`${name} makes waitUntilExit resolve, from the picker and from the dashboard`, async () => {
      for (const dashboard of [false, true]) {
        const initial = initialState(ENTRIES, dashboard ? thinPoolSession() : undefined);
        const { instance, stdin, lastFrame } = renderSized(
          <App initial={initial} loadPreset={loadPreset} theme={NO_COLOUR} />,
          120,
          36,
        );
        await waitForFrame(() => plain(lastFrame()), dashboard ? 'Round 0' : 'pick a preset');
        let exited = false;
        const exit = instance.waitUntilExit().then(() => {
          exited = true;
        });
        await settle();
        expect(exited).toBe(false);
        await press(stdin, key);
        await exit;
        expect(exited).toBe(true);
      }
    });
  }
});

describe('colour', () => {
  it('draws in colour with the default theme (Ink colours are on in this test file)', async () => {
    const { lastFrame, frames } = renderApp({ dashboard: true, theme: themeFor({}) });
    await waitForFrame(lastFrame, 'Round 0');
    expect(frames.at(-1)).toMatch(COLOUR);
  });

  it('draws no colour escape with the NO_COLOR theme: dashboard, autoplay, help, convergence', async () => {
    expect(NO_COLOUR).toEqual({});
    // From the dashboard (the picker is checked below and end to end).
    const { lastFrame, stdin, frames } = renderApp({ dashboard: true, theme: {} });
    await waitForFrame(lastFrame, 'Round 0');
    await press(stdin, 'nn', 'a', '?');
    await waitForFrame(lastFrame, 'closes this help');
    await press(stdin, KEY.escape, KEY.end);
    await waitForFrame(lastFrame, 'converged');
    expect(frames.length).toBeGreaterThan(5);
    for (const frame of frames) expect(frame).not.toMatch(COLOUR);
  });
  it('draws no colour escape in the picker with the NO_COLOR theme: list, filter, no match', async () => {
    const { lastFrame, stdin, frames } = renderApp({ theme: {} });
    await waitForFrame(lastFrame, 'pick a preset');
    await press(stdin, KEY.down, '/', 'thin', 'zzz');
    await waitForFrame(lastFrame, 'No preset matches');
    for (const frame of frames) expect(frame).not.toMatch(COLOUR);
  });
});
