// The items of the last walk through the app (issue 13) that the reducer and the panel decide: the round
// kept within the run after x/k, the title after k, messages cleared on a change of screen, a typed value
// kept on ↑/↓, and only the levers that act on a perpetuals-only preset.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, liqloop } from '../helpers/cli.js';
import { paramHelp, paramHelpLines } from '../../src/ui/param-help.js';
import { Timeline, runCascade, summarize, type Scenario } from '../../src/engine/index.js';
import { loadPreset, userPresetDirs, userTitle } from '../../src/presets/index.js';
import { PARAMS, hasLending, valueText, visibleParams } from '../../src/ui/params.js';
import { LIQUIDATION_PARAMS, LIQUIDATOR_PARAMS } from '../../src/ui/params-liquidation.js';
import { initialState, reducer, type Action, type AppState } from '../../src/ui/state/reducer.js';
import { openSession, type Session } from '../../src/ui/state/session.js';
import { openPanel, panelKey, startSweep } from '../../src/ui/state/whatif.js';
import {
  MIN_PLOT_ROWS,
  figureParts,
  sweepFigures,
  sweepLayout,
  tippingParts,
} from '../../src/ui/helpers/sweep-figures.js';
import { tippingPoint } from '../../src/whatif/sweep.js';
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

describe('the sweep shows the outcomes that move', () => {
  it('perpetuals: fund drawn, ADL covered and uncovered loss in place of a bad debt that is always 0', () => {
    const sweep = startSweep(session('perps-long-cascade').preset, 0);
    const summaries = sweep.presets.slice(0, 6).map((p) => summarize(runCascade(p, {})));
    const values = sweep.values.slice(0, 6);
    const figures = sweepFigures(sweep.of, values, summaries);
    expect(figures.map((f) => f.title)).toEqual([
      'Amplification',
      'Fund drawn (USD)',
      'ADL covered (USD)',
      'Uncovered loss (USD)',
    ]);
    expect(figures[1]!.ys).toEqual(summaries.map((s) => s.fundDrawn));
    expect(summaries.every((s) => s.badDebt === 0)).toBe(true);
  });

  it('a flat figure is one line saying so; the others are charts at least MIN_PLOT_ROWS tall, or lines', () => {
    const of = { quote: 'USD', symbol: 'ETH', lending: true, perps: false };
    const sweep = startSweep(session('thin-pool').preset, 0);
    const summaries = sweep.presets.map((p) => summarize(runCascade(p, {})));
    const figures = sweepFigures(of, sweep.values, summaries);
    // At 80×24 the sweep has 12 rows: one chart, the bad debt in a line.
    const small = sweepLayout(figures, 12, true);
    expect(small.charts.map((c) => c.figure.title)).toEqual(['Amplification']);
    expect(small.charts[0]!.plotRows).toBe(12 - 1 - 3);
    expect(small.lines.map((f) => f.title)).toEqual(['Bad debt (USD)']);
    const tall = sweepLayout(figures, 30, true);
    expect(tall.charts).toHaveLength(2);
    for (const c of tall.charts) expect(c.plotRows).toBeGreaterThanOrEqual(MIN_PLOT_ROWS);
    expect(tall.charts.reduce((n, c) => n + c.plotRows, 0) + 2 + 3).toBe(30);
    // Nothing moves: every figure is a line.
    const still = { ...figures[1]!, ys: figures[1]!.ys.map(() => 0) };
    expect(sweepLayout([still], 30, false)).toEqual({ charts: [], lines: [still] });
    expect(figureParts(still, String)).toEqual(['Bad debt (USD): 0 USD at every value']);
  });

  it('says no tipping point where `liqloop sweep` does: amplification the same at every value, as written', () => {
    const flat = tippingPoint([0.1, 0.2, 0.3], [1, 1, 1]);
    expect(flat!.jump).toBe(0);
    expect(tippingParts(flat, [1, 1, 1], String)).toEqual([
      'Tipping point: none; amplification is 1.00× at every value.',
    ]);
    // Float noise (perps-october-2025 swept by its shock): no jump shows, so none either.
    const noise = [1.0000000068, 1.0000000059, 1.0000000052];
    expect(tippingParts(tippingPoint([0.1, 0.2, 0.3], noise), noise, String)).toEqual([
      'Tipping point: none; amplification is 1.00× at every value.',
    ]);
    // A slope too gentle for any step to show, but not flat: said so, with its range.
    const gentle = Array.from({ length: 30 }, (_, i) => 1 + i * 0.004);
    const values = gentle.map((_, i) => i);
    expect(tippingParts(tippingPoint(values, gentle), gentle, String)[0]).toBe(
      'Tipping point: none; amplification changes by less than 0.01× from one value to the next (1.00× to 1.12×).',
    );
    expect(tippingParts(null, [null, null], String)[0]).toMatch(/^Tipping point: none; fewer than two runs/);
    const jump = tippingPoint([0.1, 0.2, 0.3], [1, 1, 2])!;
    expect(tippingParts(jump, [1, 1, 2], (v) => `${v * 100}%`)[0]).toBe(
      'Tipping point: between 20% and 30%, amplification jumps from 1.00× to 2.00×',
    );
  });
});

describe('the what-if panel’s help fits the terminal', () => {
  const ids = readdirSync(join(ROOT, 'presets'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length));

  it.each([76, 116])(
    'at %i columns inside the panel, every lever’s help of every preset is whole, in at most two lines',
    (width) => {
      for (const id of ids) {
        const loaded = loadPreset(id);
        if (!loaded.ok) continue;
        for (const param of visibleParams(loaded.preset)) {
          const lines = paramHelpLines(loaded.preset, param, width);
          expect(lines.length, `${id} ${param.path}`).toBeLessThanOrEqual(2);
          for (const line of lines) expect(line.length, `${id} ${param.path}`).toBeLessThanOrEqual(width);
          expect(lines.join(' '), `${id} ${param.path}`).toBe(paramHelp(loaded.preset, param, 1000));
          // The range is read whole, on one row.
          const range = /from -?[\d.e+-]+ to -?[\d.,e+-]*\d(?: [A-Za-z]+)?/.exec(lines.join(' '))?.[0];
          if (range)
            expect(
              lines.some((l) => l.includes(range)),
              `${id} ${param.path}: ${range}`,
            ).toBe(true);
        }
      }
    },
  );

  it('a help too long for two lines gives its description alone, then one shortened line', () => {
    const preset = session('perps-october-2025').preset;
    const fill = visibleParams(preset).find((p) => p.path === 'perps.fill')!;
    expect(paramHelpLines(preset, fill, 40).length).toBeLessThanOrEqual(2);
    expect(paramHelpLines(preset, fill, 40).join(' ')).not.toContain('type venue');
    expect(paramHelpLines(preset, fill, 20)).toEqual([paramHelp(preset, fill, 20)]);
  });
});

describe('the user presets’ heading names the folders actually read', () => {
  it('XDG_CONFIG_HOME’s folder when it is set, after LIQLOOP_PRESETS’s; the home folder as ~', () => {
    expect(userTitle(userPresetDirs({ XDG_CONFIG_HOME: '/x/conf' }))).toBe(
      'Your presets: /x/conf/liqloop/presets',
    );
    expect(userTitle(userPresetDirs({ LIQLOOP_PRESETS: '/a:/b', XDG_CONFIG_HOME: '/x' }))).toBe(
      'Your presets: /a, then /b, then /x/liqloop/presets',
    );
    expect(userTitle([join(homedir(), '.config', 'liqloop', 'presets')])).toBe(
      'Your presets: ~/.config/liqloop/presets',
    );
    // A folder named in the environment is text for the terminal: no control character gets through.
    expect(userTitle(['/tmp/\x1b[2Jevil'])).not.toContain('\x1b');
  });

  it('liqloop list heads them with the same folders', () => {
    const xdg = mkdtempSync(join(tmpdir(), 'liqloop-xdg-'));
    mkdirSync(join(xdg, 'liqloop', 'presets'), { recursive: true });
    const own = readFileSync(join(ROOT, 'presets', 'deep-pool.json'), 'utf8');
    writeFileSync(join(xdg, 'liqloop', 'presets', 'my-deep-pool.json'), own);
    const env = { XDG_CONFIG_HOME: xdg, LIQLOOP_PRESETS: '' };
    const listed = liqloop(['list'], { env });
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain(`Your presets: ${join(xdg, 'liqloop', 'presets')}`);
    expect(listed.stdout).not.toContain('~/.config');
  });
});

describe('the panel writes each lever’s value in its unit', () => {
  it('money in the preset’s quote, a quantity in its asset, rounds as whole numbers', () => {
    const thursday = session('black-thursday-2020').preset;
    const lever = (path: string) => PARAMS.find((p) => p.path === path)!;
    expect(valueText(lever('market.depth2pct'), thursday, 3.2e6)).toBe('3,200,000 DAI');
    expect(valueText(lever('liquidation.maxSellPerRound'), thursday, 1500)).toBe('1,500.00 ETH');
    expect(valueText(lever('liquidators.capital'), thursday, undefined)).toBe('off');
    expect(valueText(lever('oracle.delay'), thursday, 1)).toBe('1');
    expect(valueText(lever('oracle.window'), thursday, 30)).toBe('30');
    expect(valueText(lever('shock.pct'), thursday, 0.1)).toBe('10.0%');
  });
});
