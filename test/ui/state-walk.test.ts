// The items of the last walk through the app (issue 13) that the reducer and the panel decide: the round
// kept within the run after x/k, the title after k, messages cleared on a change of screen, a typed value
// kept on ↑/↓, and only the levers that act on a perpetuals-only preset.
import { describe, expect, it } from 'vitest';
import { Timeline, runCascade, summarize, type Scenario } from '../../src/engine/index.js';
import { loadPreset } from '../../src/presets/index.js';
import { PARAMS, hasLending, visibleParams } from '../../src/ui/params.js';
import { LIQUIDATION_PARAMS, LIQUIDATOR_PARAMS } from '../../src/ui/params-liquidation.js';
import { initialState, reducer, type Action, type AppState } from '../../src/ui/state/reducer.js';
import { openSession, type Session } from '../../src/ui/state/session.js';
import { openPanel, panelKey } from '../../src/ui/state/whatif.js';
import type { SpecialName } from '../../src/ui/hooks/useKeys.js';

function session(id: string): Session {
  const loaded = loadPreset(id);
  if (!loaded.ok) throw new Error(`${id} did not load`);
  return openSession(loaded);
}

const chr = (char: string): Action => ({ type: 'key', key: { kind: 'char', char } });
const special = (name: SpecialName): Action => ({ type: 'key', key: { kind: 'special', name } });
const NAMED: Record<string, Action> = {
  '↑': special('up'),
  '↓': special('down'),
  '→': special('right'),
  Enter: special('enter'),
  Esc: special('escape'),
  End: special('end'),
};
const keys = (state: AppState, ...names: string[]): AppState =>
  names
    .flatMap((n) => (NAMED[n] ? [NAMED[n]] : [...n].map(chr)))
    .reduce((s, action) => reducer(s, action), state);
const lastRound = (preset: Scenario) => new Timeline(preset).finish();

describe('x and k: the round on screen stays within the run', () => {
  // dutch-auction converges sooner with its own 10% shock than with 20%: the variant runs longer.
  const longer = () => keys(initialState([], session('dutch-auction')), 'e', '20%', 'Enter', 'Enter', 'End');

  it('x after End, with a variant that ran longer: the round is the baseline’s last', () => {
    const before = longer();
    const baselineLast = lastRound(before.session!.preset);
    expect(before.round).toBe(lastRound(before.variant!.preset));
    expect(before.round).toBeGreaterThan(baselineLast);
    const dropped = keys(before, 'x');
    expect(dropped.variant).toBeUndefined();
    expect(dropped.round).toBe(baselineLast);
    expect(dropped.seen).toBe(baselineLast);
  });

  it('k of a variant that ended sooner: the round is the kept run’s last', () => {
    // The variant with a 5% shock converges before the baseline with 20%.
    const state = keys(initialState([], session('dutch-auction')), 'e', '20%', 'Enter', 'Enter', 'k');
    const shorter = keys(state, 'e', '5%', 'Enter', 'Enter', 'End');
    const variantLast = lastRound(shorter.variant!.preset);
    expect(shorter.round).toBeGreaterThan(variantLast);
    const kept = keys(shorter, 'k');
    expect(kept.round).toBe(variantLast);
    expect(kept.session!.timeline.reach(kept.round)).toBe(kept.round);
  });

  it('k says the baseline changed, and the title names every lever kept since the preset was opened', () => {
    const opened = session('dutch-auction');
    const once = keys(initialState([], opened), 'e', '20%', 'Enter', 'Enter', 'k');
    expect(once.message).toBe('kept the variant as the baseline: shock size 10.0% → 20.0%');
    expect(once.session!.preset.name).toBe(`${opened.preset.name} · kept: shock size 10.0% → 20.0%`);
    // A second keep counts from the preset as opened: both levers, each once.
    const twice = keys(once, 'e', '↓', '→', 'Enter', 'k');
    expect(twice.message).toBe(
      'kept the variant as the baseline: market depth (±2%) 1,750,000 USD → 2,187,500 USD',
    );
    expect(twice.session!.preset.name).toBe(
      `${opened.preset.name} · kept: shock size 10.0% → 20.0%, market depth (±2%) 1,750,000 USD → 2,187,500 USD`,
    );
    // Back to the shock it opened with: only the depth is still kept.
    const back = keys(twice, 'e', '10%', 'Enter', 'Enter', 'k');
    expect(back.session!.preset.name).toBe(
      `${opened.preset.name} · kept: market depth (±2%) 1,750,000 USD → 2,187,500 USD`,
    );
    // The kept run is the variant's, and agrees with a run of the same preset.
    expect(back.session!.timeline.finish()).toBe(lastRound(back.session!.preset));
  });
});

describe('status messages belong to the screen they were said on', () => {
  it('a message said in the panel goes when the panel closes; one said on the dashboard stays there', () => {
    const said = keys(initialState([], session('thin-pool')), 'e', 'Enter');
    expect(said.panel).toBeDefined();
    expect(said.message).toMatch(/no lever changed/);
    const closed = keys(said, 'Esc');
    expect(closed.panel).toBeUndefined();
    expect(closed.message).toBeUndefined();
    // On the dashboard a message stays while the screen does (until it expires).
    const written = keys(initialState([], session('thin-pool')), 'w');
    expect(written.message).toMatch(/no variant to write/);
    expect(keys(written, 'n').message).toMatch(/no variant to write/);
    // The help is a screen of its own, the sweep and the record too.
    expect(keys(written, '?').message).toBeUndefined();
    expect(keys(written, 's').message).toBeUndefined();
  });
});

describe('the panel keeps a typed value when ↑/↓ leaves its field', () => {
  const base = session('thin-pool').preset;

  it('a valid value is set, as Enter would, and the cursor moves', () => {
    let panel = openPanel(base);
    for (const char of '25%') panel = panelKey(panel, { kind: 'char', char }).panel;
    const down = panelKey(panel, { kind: 'down' }).panel;
    expect(down.draft.shock.pct).toBe(0.25);
    expect(down.selected).toBe(1);
    expect(down.typing).toBe('');
    const up = panelKey(panelKey(down, { kind: 'char', char: '5' }).panel, { kind: 'up' }).panel;
    expect(up.draft.market.depth2pct).toBe(5);
    expect(up.selected).toBe(0);
  });

  it('a refused value stays on its field with the reason; ↑/↓ again leaves it', () => {
    let panel = openPanel(base);
    for (const char of '-1') panel = panelKey(panel, { kind: 'char', char }).panel;
    const refused = panelKey(panel, { kind: 'down' }).panel;
    expect(refused.selected).toBe(0);
    expect(refused.typing).toBe('-1');
    expect(refused.refused).toBe(true);
    expect(refused.error).toMatch(/shock\.pct/);
    expect(refused.draft).toBe(base);
    const left = panelKey(refused, { kind: 'down' }).panel;
    expect(left.selected).toBe(1);
    expect(left.typing).toBe('');
    expect(left.error).toBeUndefined();
    expect(left.draft).toBe(base);
  });

  it('a choice typed on the way out shows its own fields, and the cursor goes to the next lever', () => {
    const model = visibleParams(base).findIndex((p) => p.path === 'oracle.model');
    let panel = { ...openPanel(base), selected: model };
    for (const char of 'twap') panel = panelKey(panel, { kind: 'char', char }).panel;
    const down = panelKey(panel, { kind: 'down' }).panel;
    expect(down.draft.oracle.model).toBe('twap');
    expect(visibleParams(down.draft)[down.selected]!.path).toBe(visibleParams(down.draft)[model + 1]!.path);
  });
});

describe('a perpetuals-only preset shows only the levers that act on it', () => {
  const lending = new Set([...LIQUIDATION_PARAMS, ...LIQUIDATOR_PARAMS].map((p) => p.path));

  it.each(['perps-fund-empty', 'perps-long-cascade', 'perps-october-2025', 'short-squeeze'])(
    '%s: no liquidation or liquidator lever; the market, oracle and perpetual ones stay',
    (id) => {
      const preset = session(id).preset;
      expect(hasLending(preset)).toBe(false);
      const paths = visibleParams(preset).map((p) => p.path);
      expect(paths.filter((p) => lending.has(p))).toEqual([]);
      expect(paths).toEqual(expect.arrayContaining(['shock.pct', 'market.depth2pct', 'perps.insuranceFund']));
    },
  );

  it('a lending preset keeps them all', () => {
    const preset = session('thin-pool').preset;
    expect(hasLending(preset)).toBe(true);
    expect(visibleParams(preset).map((p) => p.path)).toEqual(
      expect.arrayContaining(['liquidation.bonus', 'liquidators.capital']),
    );
  });

  it('the levers left out change nothing in a run of a perpetuals-only preset', () => {
    const preset = session('perps-long-cascade').preset;
    const summary = JSON.stringify(summarize(runCascade(preset, {})));
    const changed: Scenario = {
      ...preset,
      liquidation: { ...preset.liquidation, bonus: 0.2, threshold: 0.5, maxSellPerRound: 10 },
      liquidators: { capital: 1000, requireProfit: true, gasCost: 100 },
    };
    expect(JSON.stringify(summarize(runCascade(changed, {})))).toBe(summary);
    expect(PARAMS.length).toBeGreaterThan(visibleParams(preset).length);
  });
});
