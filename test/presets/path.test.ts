import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCascade, summarize } from '../../src/engine/index.js';
import { loadPreset, loadPresetFile } from '../../src/presets/index.js';
import { parsePriceCsv } from '../../src/presets/price-path.js';
import { liqloop } from '../helpers/cli.js';
import { scenario } from '../helpers/scenario.js';

describe('parsePriceCsv', () => {
  it('reads one price per line, or the last column, with an optional header and blank lines', () => {
    expect(parsePriceCsv('100\n99.5\n\n98\n')).toEqual({ ok: true, prices: [100, 99.5, 98] });
    expect(parsePriceCsv('hour,price\n1,100\n2,"90"\r\n3,80')).toEqual({ ok: true, prices: [100, 90, 80] });
  });

  it('names the line and what is wrong', () => {
    expect(parsePriceCsv('')).toEqual({
      ok: false,
      message: 'expected at least one price, the file has none',
    });
    expect(parsePriceCsv('price\n')).toEqual({
      ok: false,
      message: 'expected at least one price, the file has none',
    });
    expect(parsePriceCsv('100\n-5\n')).toEqual({
      ok: false,
      message: 'line 2: expected a price > 0, got -5',
    });
    expect(parsePriceCsv('100\n0\n')).toEqual({ ok: false, message: 'line 2: expected a price > 0, got 0' });
    expect(parsePriceCsv('100\nabc\n')).toEqual({
      ok: false,
      message: 'line 2: expected a price (a finite number > 0); the line is not one (its text is not shown)',
    });
    expect(parsePriceCsv('1,100\n2,\n')).toEqual({
      ok: false,
      message: 'line 2: expected a price (a finite number > 0); the line is not one (its text is not shown)',
    });
  });
});

describe('a preset with a price path', () => {
  it('moves the venue to the path each round (follow 1) and runs at least to the end of the path', () => {
    const prices = [1900, 1850, 1800, 1750];
    const s = scenario({
      shock: { pct: 0 },
      path: { prices },
      positions: [{ id: 'a', collateral: 1, debt: 1000 }],
    });
    const run = runCascade(s);
    expect(run.rounds.length).toBeGreaterThanOrEqual(prices.length);
    prices.forEach((p, i) => expect(run.rounds[i]!.startPrice).toBeCloseTo(p, 9));
    const summary = summarize(run);
    // The exogenous move is the path's own fall; nothing was liquidated, so amplification is exactly 1.
    expect(summary.shockPct).toBeCloseTo(1 - 1750 / 2000, 12);
    expect(summary.amplification).toBeCloseTo(1, 9);
    expect(run.converged).toBe(true);
  });

  it('follow < 1 closes only that fraction of the gap each round; the shock scales the path', () => {
    const s = scenario({
      shock: { pct: 0.1 },
      path: { prices: [2000, 1000], follow: 0.5 },
      positions: [{ id: 'a', collateral: 1, debt: 1 }],
    });
    const run = runCascade(s, { maxRounds: 3 });
    // Round 1: from 2000 halfway to 2000·0.9; round 2: halfway to 1000·0.9; round 3: the path holds its last price.
    expect(run.rounds[0]!.startPrice).toBeCloseTo(1900, 9);
    expect(run.rounds[1]!.startPrice).toBeCloseTo((1900 + 900) / 2, 9);
    expect(run.rounds[2]!.startPrice).toBeCloseTo((1400 + 900) / 2, 9);
  });

  it('reads the CSV beside the preset file; a bad CSV is a clear error naming the file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liqloop-path-'));
    const preset = {
      name: 'p',
      description: '',
      asset: { symbol: 'ETH', quote: 'USD', price: 100 },
      market: { model: 'orderbook', depth2pct: 1e6 },
      oracle: { model: 'spot' },
      liquidation: { mechanism: 'full', threshold: 0.8 },
      shock: { pct: 0 },
      positions: [{ id: 'a', collateral: 1, debt: 10 }],
      path: { file: 'prices.csv' },
    };
    const file = join(dir, 'p.json');
    writeFileSync(file, JSON.stringify(preset));
    const missing = loadPresetFile(file);
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.problems[0]).toEqual({ path: 'path.file', message: 'prices.csv: no such file' });
    writeFileSync(join(dir, 'prices.csv'), 'price\n99\n98\n');
    const loaded = loadPresetFile(file);
    expect(loaded.ok && loaded.preset.path?.prices).toEqual([99, 98]);
    for (const [content, message] of [
      ['', 'expected at least one price'],
      ['99\n-1\n', 'line 2: expected a price > 0, got -1'],
      [
        '99\nninety\n',
        'line 2: expected a price (a finite number > 0); the line is not one (its text is not shown)',
      ],
    ]) {
      writeFileSync(join(dir, 'prices.csv'), content!);
      const result = liqloop(['validate', file]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`path.file: prices.csv: ${message}`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    const inline = join(dir, 'inline.json');
    writeFileSync(inline, JSON.stringify({ ...preset, path: { prices: [] } }));
    expect(liqloop(['validate', inline]).stderr).toContain('path.prices: expected at least one price');
    writeFileSync(inline, JSON.stringify({ ...preset, path: { prices: [10, 0] } }));
    expect(liqloop(['validate', inline]).stderr).toContain(
      'path.prices[1]: expected a finite number > 0, got 0',
    );
    writeFileSync(inline, JSON.stringify({ ...preset, path: { prices: [10, 'x'] } }));
    expect(liqloop(['validate', inline]).stderr).toContain(
      'path.prices[1]: expected a finite number > 0, got "x"',
    );
  });

  it('a path replayed hour by hour liquidates in batches arbitrage absorbs; the same fall at once craters', () => {
    const summaryOf = (id: string) => {
      const loaded = loadPreset(id);
      if (!loaded.ok) throw new Error(id);
      return summarize(runCascade(loaded.preset));
    };
    const path = summaryOf('path-replay');
    const single = summaryOf('path-single-shock');
    expect(path.shockPct).toBeCloseTo(single.shockPct, 5);
    expect(path.minPrice).toBeGreaterThan(2 * single.minPrice);
    expect(path.badDebt).toBe(0);
    expect(single.badDebt).toBeGreaterThan(0);
  });
});
