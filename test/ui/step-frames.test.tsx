// A step draws one frame: the log's length, which changes every round, is worked out by the reducer where
// a key needs it, not told back by the dashboard after it drew (which drew every step twice). The cursor
// the dashboard draws, and the one the next key moves, are inside the log of the round on show.
// Colour on (first, before Ink loads), so that the highlighted line's inverse video reaches the frames.
import '../helpers/force-colour.js';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../src/presets/index.js';
import { App } from '../../src/ui/App.js';
import { logLength, logLines } from '../../src/ui/helpers/log.js';
import type { KeyEvent } from '../../src/ui/hooks/useKeys.js';
import { initialState, reducer, type AppState } from '../../src/ui/state/reducer.js';
import { openSession } from '../../src/ui/state/session.js';
import { themeFor } from '../../src/ui/theme.js';
import { KEY, press, settle, waitForFrame } from '../helpers/ink.js';

// eslint-disable-next-line no-control-regex -- terminal escapes are what this matches
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
const plain = (text: string) => text.replace(ANSI, '');
// ink-testing-library's terminal: 100 columns.
const WIDTH = 100;

function session(id: string) {
  const loaded = loadPreset(id);
  if (!loaded.ok) throw new Error(`${id} did not load`);
  return openSession(loaded);
}

/** The text of the log line drawn in inverse video (the highlight; the focused pane's title is too). */
function highlighted(frame: string): string | undefined {
  const line = frame
    .split('\n')
    .find((l) => l.includes('\x1b[7m') && !l.includes('Liquidations, newest first'));
  return line === undefined ? undefined : plain(line).trim();
}

const roundShown = (frame: string) => Number(/Round (\d+)/.exec(plain(frame))?.[1] ?? NaN);

describe('a dashboard step', () => {
  it('draws one frame, not two', async () => {
    const app = render(
      <App
        initial={initialState([], session('thin-pool'))}
        loadPreset={loadPreset}
        theme={themeFor({ NO_COLOR: '1' })}
      />,
    );
    await waitForFrame(() => plain(app.lastFrame() ?? ''), /Round 0\b/);
    for (let round = 1; round <= 4; round++) {
      // The pause a person reads in: the next round is computed ahead, then nothing more is drawn.
      await new Promise((resolve) => setTimeout(resolve, 60));
      await settle(6);
      const before = app.frames.length;
      await press(app.stdin, 'n');
      await waitForFrame(
        () => plain(app.lastFrame() ?? ''),
        (f) => roundShown(f) === round,
      );
      await new Promise((resolve) => setTimeout(resolve, 60));
      await settle(6);
      expect(app.frames.length - before, `frames drawn by step ${round}`).toBe(1);
    }
    app.unmount();
  });

  it('the log highlights its newest line after a step, and G goes to the last line of the new round', async () => {
    const opened = session('thin-pool');
    const { timeline } = opened;
    const { symbol, quote } = opened.preset.asset;
    // The log's lines as the app draws them, the whole log at once.
    const line = (round: number, i: number) =>
      logLines(timeline, round, logLength(timeline, round, WIDTH), symbol, quote, 0, WIDTH)[i]!.text.trim();
    const app = render(
      <App initial={initialState([], opened)} loadPreset={loadPreset} theme={themeFor({})} />,
    );
    await waitForFrame(() => plain(app.lastFrame() ?? ''), /Round 0\b/);
    await press(app.stdin, 'nn');
    await waitForFrame(
      () => plain(app.lastFrame() ?? ''),
      (f) => roundShown(f) === 2,
    );
    // The log takes the keys; G: its last line at round 2.
    await press(app.stdin, KEY.tab, 'G');
    const at2 = logLength(timeline, 2, WIDTH);
    await waitForFrame(
      () => app.lastFrame() ?? '',
      (f) => highlighted(f) === line(2, at2 - 1),
    );
    // A step: the newest line (round 3's total) again, then G: round 3's own last line, a longer log's.
    await press(app.stdin, 'n');
    await waitForFrame(
      () => app.lastFrame() ?? '',
      (f) => roundShown(f) === 3 && highlighted(f) === line(3, 0),
    );
    const at3 = logLength(timeline, 3, WIDTH);
    expect(at3).toBeGreaterThan(at2);
    await press(app.stdin, 'G');
    await waitForFrame(
      () => app.lastFrame() ?? '',
      (f) => highlighted(f) === line(3, at3 - 1),
    );
    await press(app.stdin, KEY.up);
    await waitForFrame(
      () => app.lastFrame() ?? '',
      (f) => highlighted(f) === line(3, at3 - 2),
    );
    app.unmount();
  });

  it('the reducer moves the cursor inside the log of the round it is on, without being told its length', () => {
    const keys = (state: AppState, ...events: KeyEvent[]) =>
      events.reduce(
        (s, key) => reducer(s, { type: 'key', key, screen: { columns: WIDTH, rows: 30 } }),
        state,
      );
    const char = (c: string): KeyEvent => ({ kind: 'char', char: c });
    const opened = session('thin-pool');
    let state = keys(initialState([], opened), char('n'), char('n'));
    state = reducer(state, { type: 'paneExtent', rows: 5, columns: WIDTH });
    state = keys(state, { kind: 'special', name: 'tab' }, char('G'));
    expect(state.paneCursor).toBe(logLength(opened.timeline, 2, WIDTH) - 1);
    state = keys(state, char('n'), char('G'), { kind: 'special', name: 'up' });
    expect(state.round).toBe(3);
    expect(state.paneCursor).toBe(logLength(opened.timeline, 3, WIDTH) - 2);
    // The window follows the cursor: its last row is the cursor's line's next.
    expect(state.paneOffset).toBe(logLength(opened.timeline, 3, WIDTH) - 5);
  });
});
