import { describe, expect, it } from 'vitest';
import { Timeline } from '../../src/engine/index.js';
import { loadPreset } from '../../src/presets/index.js';
import type { Command } from '../../src/ui/keys.js';
import {
  AUTOPLAY_SPEEDS_MS,
  initialState,
  reducer,
  type Action,
  type AppState,
  type PresetEntry,
} from '../../src/ui/state/reducer.js';
import { openSession, type Session } from '../../src/ui/state/session.js';

const ENTRIES: PresetEntry[] = [
  { id: 'deep-pool', name: 'Deep pool', description: 'deep' },
  { id: 'thin-pool', name: 'Thin pool', description: 'thin' },
];

/** A fresh session: its timeline is mutable (rounds are computed on demand), so never share one. */
function thinPool(): Session {
  const loaded = loadPreset('thin-pool');
  if (!loaded.ok) throw new Error(`thin-pool did not load: ${JSON.stringify(loaded.problems)}`);
  return openSession(loaded);
}

/** How many rounds thin-pool runs, from a timeline of its own. */
function thinPoolRounds(): number {
  const loaded = loadPreset('thin-pool');
  if (!loaded.ok) throw new Error('thin-pool did not load');
  const timeline = new Timeline(loaded.preset);
  const last = timeline.finish();
  expect(timeline.converged).toBe(true);
  return last;
}
const LAST = thinPoolRounds();

const cmd = (command: Command): Action => ({ type: 'command', command });
const run = (state: AppState, ...actions: (Command | Action)[]): AppState =>
  actions.reduce((s, a) => reducer(s, typeof a === 'string' ? cmd(a) : a), state);
const dashboard = () => initialState(ENTRIES, thinPool());
const steps = (n: number): Command[] => Array.from({ length: n }, () => 'step');

describe('initialState', () => {
  it('opens the picker without a session and the dashboard with one, at round 0, autoplay off', () => {
    const picker = initialState(ENTRIES);
    expect(picker).toMatchObject({ mode: 'picker', help: false, round: 0, autoplay: false, quitting: false });
    expect(picker.session).toBeUndefined();
    expect(picker.entries).toEqual(ENTRIES);
    const session = thinPool();
    const open = initialState(ENTRIES, session, 'hello');
    expect(open).toMatchObject({ mode: 'dashboard', round: 0, message: 'hello' });
    expect(open.session).toBe(session);
    expect(AUTOPLAY_SPEEDS_MS[open.speedIndex]).toBeDefined();
  });
});

describe('reducer: moving through rounds', () => {
  it('step moves one round at a time and computes it in the timeline', () => {
    let state = dashboard();
    const timeline = state.session!.timeline;
    for (let r = 1; r <= 3; r++) {
      state = reducer(state, cmd('step'));
      expect(state.round).toBe(r);
      expect(timeline.computed).toBeGreaterThanOrEqual(r);
      expect(timeline.record(state.round)?.round).toBe(r);
    }
  });

  it('back goes one round back, and from round 0 stays at 0', () => {
    let state = run(dashboard(), ...steps(3));
    state = reducer(state, cmd('back'));
    expect(state.round).toBe(2);
    state = run(state, 'back', 'back');
    expect(state.round).toBe(0);
    state = run(state, 'back');
    expect(state.round).toBe(0);
  });

  it('end lands on the last round, the timeline is finished, and autoplay stops', () => {
    const state = run(dashboard(), 'autoplay', 'end');
    const timeline = state.session!.timeline;
    expect(timeline.finished).toBe(true);
    expect(state.round).toBe(timeline.computed);
    expect(state.round).toBe(LAST);
    expect(state.autoplay).toBe(false);
  });

  it('step at the end stays on the last round and stops autoplay', () => {
    let state = run(dashboard(), 'end');
    state = run(state, 'autoplay');
    // Autoplay from the end restarts at round 0 …
    expect(state.round).toBe(0);
    expect(state.autoplay).toBe(true);
    state = run(state, ...steps(LAST));
    expect(state.round).toBe(LAST);
    expect(state.autoplay).toBe(true);
    // … and a step past the end stops it.
    state = run(state, 'step');
    expect(state.round).toBe(LAST);
    expect(state.autoplay).toBe(false);
  });

  it('reset goes to round 0 and stops autoplay; first (Home) goes to round 0 too', () => {
    let state = run(dashboard(), ...steps(4), 'autoplay');
    expect(state.autoplay).toBe(true);
    state = run(state, 'reset');
    expect(state.round).toBe(0);
    expect(state.autoplay).toBe(false);
    state = run(state, ...steps(5), 'first');
    expect(state.round).toBe(0);
  });

  it('steps forward and back give back the same round as a fresh step', () => {
    const state = run(dashboard(), ...steps(5), 'back', 'back', 'step');
    expect(state.round).toBe(4);
  });
});

describe('reducer: autoplay', () => {
  it('autoplay toggles; tick advances only while it is on', () => {
    let state = dashboard();
    state = reducer(state, { type: 'tick' });
    expect(state.round).toBe(0);
    state = run(state, 'autoplay', { type: 'tick' }, { type: 'tick' });
    expect(state.autoplay).toBe(true);
    expect(state.round).toBe(2);
    state = run(state, 'autoplay', { type: 'tick' });
    expect(state.autoplay).toBe(false);
    expect(state.round).toBe(2);
  });

  it('ticks run to the end, then autoplay turns itself off', () => {
    let state = run(dashboard(), 'autoplay');
    for (let i = 0; i < LAST + 5; i++) state = reducer(state, { type: 'tick' });
    expect(state.round).toBe(LAST);
    expect(state.autoplay).toBe(false);
    expect(state.session!.timeline.finished).toBe(true);
  });

  it('autoplay from the last round starts again from round 0; from elsewhere it keeps the round', () => {
    expect(run(dashboard(), 'end', 'autoplay')).toMatchObject({ round: 0, autoplay: true });
    expect(run(dashboard(), ...steps(3), 'autoplay')).toMatchObject({ round: 3, autoplay: true });
  });

  it('tick does nothing under the help overlay or in the picker', () => {
    const playing = run(dashboard(), 'autoplay');
    expect(run(playing, 'help', { type: 'tick' }).round).toBe(0);
    expect(run(initialState(ENTRIES), 'autoplay', { type: 'tick' }).round).toBe(0);
  });

  it('faster and slower move along the speeds and stop at either end', () => {
    const start = dashboard();
    const faster = run(start, 'faster');
    expect(faster.speedIndex).toBe(start.speedIndex + 1);
    expect(AUTOPLAY_SPEEDS_MS[faster.speedIndex]!).toBeLessThan(AUTOPLAY_SPEEDS_MS[start.speedIndex]!);
    const fastest = run(start, ...Array.from({ length: 20 }, (): Command => 'faster'));
    expect(fastest.speedIndex).toBe(AUTOPLAY_SPEEDS_MS.length - 1);
    const slowest = run(start, ...Array.from({ length: 20 }, (): Command => 'slower'));
    expect(slowest.speedIndex).toBe(0);
    expect(run(start, 'slower').speedIndex).toBe(start.speedIndex - 1);
  });
});

describe('reducer: help, escape, quit', () => {
  it('help toggles the overlay', () => {
    const shown = run(dashboard(), 'help');
    expect(shown.help).toBe(true);
    expect(run(shown, 'help').help).toBe(false);
  });

  it('the help overlay swallows every command but help, escape and quit', () => {
    const under = run(dashboard(), ...steps(2), 'help');
    for (const command of [
      'step',
      'back',
      'reset',
      'first',
      'end',
      'autoplay',
      'faster',
      'slower',
    ] as const) {
      const after = run(under, command);
      expect(after, command).toEqual(under);
    }
    const closed = run(under, 'escape');
    expect(closed).toMatchObject({ help: false, mode: 'dashboard', round: 2 });
    expect(run(under, 'quit').quitting).toBe(true);
  });

  it('escape from the dashboard goes back to the picker and stops autoplay', () => {
    const state = run(dashboard(), 'step', 'autoplay', 'escape');
    expect(state.mode).toBe('picker');
    expect(state.autoplay).toBe(false);
    expect(state.help).toBe(false);
  });

  it('the picker ignores the dashboard commands', () => {
    const picker = initialState(ENTRIES);
    for (const command of ['step', 'back', 'reset', 'first', 'end', 'autoplay', 'escape'] as const) {
      expect(run(picker, command), command).toEqual(picker);
    }
    expect(run(picker, 'help').help).toBe(true);
  });

  it('quit sets quitting, from any mode', () => {
    expect(run(initialState(ENTRIES), 'quit').quitting).toBe(true);
    expect(run(dashboard(), 'step', 'quit').quitting).toBe(true);
  });
});

describe('reducer: opening presets', () => {
  it('open shows the session at round 0, closing help, autoplay and any message', () => {
    const failed = run(initialState(ENTRIES), 'help', { type: 'openFailed', message: 'broken' });
    expect(failed.message).toBe('broken');
    expect(failed.mode).toBe('picker');
    const session = thinPool();
    const opened = reducer(failed, { type: 'open', session });
    expect(opened).toMatchObject({ mode: 'dashboard', round: 0, autoplay: false, help: false });
    expect(opened.message).toBeUndefined();
    expect(opened.session).toBe(session);
  });

  it('open from a dashboard mid-run starts the new session at round 0', () => {
    const midRun = run(dashboard(), ...steps(3), 'autoplay', 'escape');
    const opened = reducer(midRun, { type: 'open', session: thinPool() });
    expect(opened).toMatchObject({ mode: 'dashboard', round: 0, autoplay: false });
  });

  it('openFailed keeps the mode and the session', () => {
    const state = run(dashboard(), 'step', { type: 'openFailed', message: 'nope' });
    expect(state).toMatchObject({ mode: 'dashboard', round: 1, message: 'nope' });
  });
});

describe('reducer: purity', () => {
  it('returns a new state and leaves the old one untouched', () => {
    const before = dashboard();
    const snapshot = { ...before };
    const after = reducer(before, cmd('step'));
    expect(after).not.toBe(before);
    expect(before).toEqual(snapshot);
    expect(before.round).toBe(0);
  });
});

describe('the record panel (h)', () => {
  it('h toggles it; opening another preset starts on the log again', () => {
    const shown = run(dashboard(), 'record');
    expect(shown.record).toBe(true);
    expect(run(shown, 'record').record).toBe(false);
    const reopened = run(shown, { type: 'open', session: thinPool() });
    expect(reopened.record).toBe(false);
  });
});

describe('reducer: a hidden screen (terminal too small)', () => {
  const hidden = (action: Action): Action => ({ ...action, hidden: true }) as Action;
  const keyOf = (char: string): Action => ({ type: 'key', key: { kind: 'char', char } });
  const enter: Action = { type: 'key', key: { kind: 'special', name: 'enter' } };

  it('ignores every key but quit and help: Enter opens nothing, space steps nothing', () => {
    const picker = run(
      initialState(ENTRIES),
      hidden(enter),
      hidden({ type: 'key', key: { kind: 'special', name: 'down' } }),
    );
    expect(picker.pendingOpen).toBeUndefined();
    expect(picker.highlighted).toBe(0);
    const board = run(dashboard(), hidden(keyOf(' ')), hidden(keyOf('e')), hidden(keyOf('G')));
    expect(board.round).toBe(0);
    expect(board.panel).toBeUndefined();
    expect(run(board, hidden(keyOf('?'))).help).toBe(true);
    expect(run(board, hidden(keyOf('q'))).quitting).toBe(true);
  });

  it('pauses autoplay: a tick while hidden does not step', () => {
    const playing = run(dashboard(), 'autoplay');
    expect(run(playing, { type: 'tick', hidden: true }).round).toBe(0);
    expect(run(playing, { type: 'tick' }).round).toBe(1);
  });
});

describe('reducer: the what-if panel refuses what it cannot mean', () => {
  const char = (c: string): Action => ({ type: 'key', key: { kind: 'char', char: c } });
  const special = (name: 'down' | 'enter'): Action => ({ type: 'key', key: { kind: 'special', name } });
  const type = (text: string) => Array.from(text, char);

  it('a percent on an amount (the depth) is refused and the text selected; on a share (the shock) it is read', () => {
    const depth = run(dashboard(), 'edit', special('down'), ...type('50%'), special('enter'));
    expect(depth.panel!.error).toMatch(/market\.depth2pct: expected an amount, not a percent, got "50%"/);
    // The refused text stays, selected: the next key types over it.
    expect(depth.panel!).toMatchObject({ typing: '50%', refused: true });
    expect(run(depth, ...type('7')).panel!).toMatchObject({ typing: '7', refused: undefined });
    expect(depth.panel!.draft.market.depth2pct).toBe(dashboard().session!.preset.market.depth2pct);
    const shock = run(dashboard(), 'edit', ...type('20%'), special('enter'));
    expect(shock.panel!.draft.shock.pct).toBeCloseTo(0.2);
  });

  it('Enter with no lever changed says so and runs no variant', () => {
    const state = run(dashboard(), 'edit', special('enter'));
    expect(state.variant).toBeUndefined();
    expect(state.panel).toBeDefined();
    expect(state.message).toMatch(/no lever changed/);
  });
});
