// The last walk's items (issue 13) that the sweep, the panel's help and units, and the user presets'
// heading decide: the outcomes a sweep shows and how they are laid out, its tipping point in the CLI's
// terms, the lever help whole at 80 and 120 columns, units on money levers, the folders actually read.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, liqloop } from '../helpers/cli.js';
import { paramHelp, paramHelpLines } from '../../src/ui/param-help.js';
import { runCascade, summarize } from '../../src/engine/index.js';
import { loadPreset, userPresetDirs, userTitle } from '../../src/presets/index.js';
import { PARAMS, valueText, visibleParams } from '../../src/ui/params.js';
import { openSession, type Session } from '../../src/ui/state/session.js';
import { startSweep } from '../../src/ui/state/whatif.js';
import {
  MIN_PLOT_ROWS,
  figureParts,
  sweepFigures,
  sweepLayout,
  tippingParts,
} from '../../src/ui/helpers/sweep-figures.js';
import { tippingPoint } from '../../src/whatif/sweep.js';

function session(id: string): Session {
  const loaded = loadPreset(id);
  if (!loaded.ok) throw new Error(`${id} did not load`);
  return openSession(loaded);
}

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
