import fc from 'fast-check';
import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { Timeline, type PositionsView } from '../../src/engine/index.js';
import { loadPreset } from '../../src/presets/index.js';
import { formatCount } from '../../src/format.js';
import {
  GLYPHS,
  LABEL_WIDTH,
  niceStep,
  pricePaths,
  renderPriceChart,
  type ChartRow,
} from '../../src/ui/helpers/chart.js';
import { MARKER } from '../../src/ui/helpers/chart-glyphs.js';
import { columnOf, downsample } from '../../src/ui/helpers/downsample.js';
import {
  BAND_EDGES,
  BAR_SCALE_MAX,
  countBar,
  healthBar,
  healthSnapshot,
  healthTone,
} from '../../src/ui/helpers/health.js';
import { MIN_COLUMNS, MIN_ROWS, dashboardLayout, tooSmall } from '../../src/ui/helpers/layout.js';
import { largest, logLength, logLines } from '../../src/ui/helpers/log.js';
import { commandsOf } from '../../src/ui/hooks/useKeys.js';
import { BINDINGS } from '../../src/ui/keys.js';

const chars = (s: string) => Array.from(s).length;
const rowText = (row: ChartRow) => row.runs.map((r) => r.text).join('');

function thinPoolTimeline(): Timeline {
  const loaded = loadPreset('thin-pool');
  if (!loaded.ok) throw new Error('thin-pool did not load');
  return new Timeline(loaded.preset);
}

// ---------------------------------------------------------------------------------------------------
describe('downsample', () => {
  it('gives exactly `width` columns that cover every point once, in order, for few and many points', () => {
    for (const n of [1, 2, 3, 7, 59, 60, 61, 500]) {
      const series = Array.from({ length: n }, (_, i) => 100 + i * 3 + (i % 2));
      for (const width of [1, 2, 5, 60, 71]) {
        const columns = downsample(series, width);
        expect(columns, `n=${n} width=${width}`).toHaveLength(width);
        expect(columns.at(-1)!.last, `n=${n} width=${width}`).toBe(series.at(-1));
        expect(columns[0]!.first).toBe(series[0]);
        if (n > width) {
          // Buckets: contiguous, covering [0, n).
          expect(columns[0]!.from).toBe(0);
          for (let c = 1; c < width; c++) expect(columns[c]!.from).toBe(columns[c - 1]!.to);
          expect(columns.at(-1)!.to).toBe(n);
        }
      }
    }
  });

  it('draws few points as a staircase: each point an equal run of columns', () => {
    expect(downsample([1, 2, 3], 9).map((c) => c.last)).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3]);
    expect(downsample([5], 4).map((c) => c.min)).toEqual([5, 5, 5, 5]);
    const runs = [10, 20, 30, 40].map(
      (v) => downsample([10, 20, 30, 40], 10).filter((c) => c.max === v).length,
    );
    expect(runs.every((r) => r >= 2 && r <= 3)).toBe(true);
  });

  it("keeps each column's minimum and maximum, so a one-round peak or trough is never averaged away", () => {
    // Buckets [0,3) [3,6) [6,10).
    const columns = downsample([1, 9, 2, 4, 0.5, 6, 7, 8, 9, 10], 3);
    expect(columns.map((c) => [c.first, c.min, c.max, c.last])).toEqual([
      [1, 1, 9, 2],
      [4, 0.5, 6, 6],
      [7, 7, 10, 10],
    ]);
  });

  it('keeps the extremes of any series at any width (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 400 }),
        fc.integer({ min: 1, max: 200 }),
        (series, width) => {
          const columns = downsample(series, width);
          expect(Math.max(...columns.map((c) => c.max))).toBe(Math.max(...series));
          expect(Math.min(...columns.map((c) => c.min))).toBe(Math.min(...series));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives nothing for an empty series or no width', () => {
    expect(downsample([], 10)).toEqual([]);
    expect(downsample([1, 2], 0)).toEqual([]);
  });

  it('columnOf: the first column of a round', () => {
    expect(columnOf(0, 3, 9)).toBe(0);
    expect(columnOf(1, 3, 9)).toBe(3);
    expect(columnOf(2, 3, 9)).toBe(6);
    expect(columnOf(50, 100, 10)).toBe(5);
  });
});

// ---------------------------------------------------------------------------------------------------
describe('renderPriceChart', () => {
  const falling = (n: number) => Array.from({ length: n }, (_, i) => 2000 * 0.97 ** i);
  /** The value labels of the plot rows (the last row holds the round ticks). */
  const labels = (rows: ChartRow[]) =>
    rows
      .slice(0, -1)
      .map((r) => rowText(r).slice(0, LABEL_WIDTH).trim())
      .filter((t) => t !== '');
  const number = (t: string) => Number(t.replace(/,/g, ''));

  it('draws exactly `height` rows of exactly `width` characters', () => {
    for (const n of [1, 2, 5, 17, 300]) {
      const venue = falling(n);
      const oracle = venue.map((v, i) => (i === 0 ? v : venue[i - 1]!));
      for (const [width, height] of [
        [43, 14],
        [71, 26],
        [20, 2],
        [120, 40],
      ] as const) {
        const rows = renderPriceChart({ venue, oracle }, width, height);
        expect(rows, `n=${n} ${width}x${height}`).toHaveLength(height);
        for (const row of rows) expect(chars(rowText(row)), `n=${n} ${width}x${height}`).toBe(width);
      }
    }
  });

  it('keeps its size for any positive series, linear or log (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 16, max: 200 }),
        fc.integer({ min: 2, max: 50 }),
        fc.boolean(),
        (venue, width, height, log) => {
          const oracle = venue.map((v) => v * 1.01);
          const rows = renderPriceChart({ venue, oracle }, width, height, { log });
          expect(rows).toHaveLength(height);
          for (const row of rows) expect(chars(rowText(row))).toBe(width);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does not throw on a single point, a flat series, or NaN and non-positive prices', () => {
    for (const paths of [
      { venue: [2000], oracle: [2000] },
      { venue: [5, 5, 5, 5], oracle: [5, 5, 5, 5] },
      { venue: [NaN, 2000, -1, 0, 1900, Infinity], oracle: [2000, NaN, 1950] },
    ]) {
      const rows = renderPriceChart(paths, 50, 10);
      expect(rows).toHaveLength(10);
      for (const row of rows) expect(chars(rowText(row))).toBe(50);
      expect(rows.some((row) => row.runs.some((r) => r.ink === 'venue'))).toBe(true);
    }
  });

  it('draws the oracle only where it differs from the venue, never with a glyph of the venue', () => {
    const venue = [2000, 1800, 1700, 1650];
    const same = renderPriceChart({ venue, oracle: venue }, 60, 12);
    expect(same.flatMap((r) => r.runs).filter((r) => r.ink === 'oracle')).toEqual([]);
    const lagged = renderPriceChart({ venue, oracle: [2000, 2000, 1800, 1700] }, 60, 12);
    const oracleText = lagged
      .flatMap((r) => r.runs)
      .filter((r) => r.ink === 'oracle')
      .map((r) => r.text)
      .join('');
    const venueText = lagged
      .flatMap((r) => r.runs)
      .filter((r) => r.ink === 'venue')
      .map((r) => r.text)
      .join('');
    expect(oracleText).toMatch(/┄/);
    expect(venueText).toMatch(/━/);
    for (const ch of oracleText) expect(GLYPHS.solid, ch).not.toContain(ch);
    for (const ch of venueText) expect(GLYPHS.dashed, ch).not.toContain(ch);
    for (const row of lagged) expect(row.runs[0]).toMatchObject({ ink: 'axis' });
  });

  it('the two glyph sets share nothing but the blank', () => {
    const shared = GLYPHS.solid.filter((g) => GLYPHS.dashed.includes(g));
    expect(shared).toEqual([' ']);
  });

  it('labels the top row with the high price and the bottom row with the low one, at any width', () => {
    const rows = renderPriceChart({ venue: [2000, 1500], oracle: [2000, 1500] }, 60, 10);
    expect(rowText(rows[0]!)).toMatch(/^\s*2,000┤/);
    expect(rowText(rows.at(-2)!)).toMatch(/^\s*1,500┤/);
    // A one-round spike and a one-round dip in a long run survive downsampling into 40 columns.
    const venue = Array.from({ length: 3000 }, (_, i) =>
      i === 1 ? 0.907 : i === 2000 ? 0.011 : 0.038 + i * 1e-6,
    );
    const long = labels(renderPriceChart({ venue, oracle: venue }, 50, 12));
    expect(number(long[0]!)).toBe(0.907);
    expect(number(long.at(-1)!)).toBe(0.011);
  });

  it('labels prices of ten million and more without dropping their leading digits, and never repeats a label', () => {
    const value = (label: string) => {
      const m = /^\s*([\d,.]+)\s*([KMB]?)/.exec(label);
      if (!m) return NaN;
      return (
        Number(m[1]!.replace(/,/g, '')) *
        ({ '': 1, K: 1e3, M: 1e6, B: 1e9 } as const)[m[2] as '' | 'K' | 'M' | 'B']
      );
    };
    for (const high of [2000, 150_000, 50_000_000, 3e9, 0.0383]) {
      const rows = renderPriceChart({ venue: [high, high * 0.999], oracle: [high, high * 0.999] }, 60, 10);
      const top = value(rowText(rows[0]!).slice(0, LABEL_WIDTH));
      expect(top / high, `top label for ${high}: "${rowText(rows[0]!).slice(0, 9)}"`).toBeCloseTo(1, 3);
      const all = labels(rows);
      expect(new Set(all).size, all.join(' ')).toBe(all.length);
    }
  });

  it('a log scale spreads 80 → 0.01 so that the floor at 0.107 has rows of its own', () => {
    const venue = [80, 40, 10, 1, 0.5, 0.107, 0.05, 0.01];
    const linear = renderPriceChart({ venue, oracle: venue }, 60, 12, {
      references: [{ value: 0.107, label: 'floor' }],
    });
    const log = renderPriceChart({ venue, oracle: venue }, 60, 12, {
      log: true,
      references: [{ value: 0.107, label: 'floor' }],
    });
    // The floor's dots (its name is the legend's, never over the plot).
    const floorRow = (rows: ChartRow[]) => rows.findIndex((r) => rowText(r).includes('·'));
    // Linear: the floor shares the bottom row with 0.01; log: it sits rows above it.
    expect(floorRow(linear)).toBe(10);
    expect(floorRow(log)).toBeLessThan(9);
    expect(floorRow(log)).toBeGreaterThan(2);
  });

  it('marks the round on screen, and ticks rounds under the plot', () => {
    const venue = falling(21);
    const rows = renderPriceChart({ venue, oracle: venue }, 60, 12, { marker: 5 });
    const x = LABEL_WIDTH + 1 + columnOf(5, 21, 60 - LABEL_WIDTH - 1);
    const column = rows.slice(0, -1).map((r) => Array.from(rowText(r))[x]);
    expect(column.filter((c) => c === MARKER).length).toBeGreaterThan(5);
    const ticks = rowText(rows.at(-1)!);
    expect(ticks).toMatch(/round/);
    expect(ticks).toMatch(/\b0\b.*\b10\b.*\b20\b/);
  });

  it('niceStep: 1, 2, 5 times a power of ten', () => {
    expect([0.3, 1, 1.5, 3, 7, 12, 48, 101].map(niceStep)).toEqual([1, 1, 2, 5, 10, 20, 50, 200]);
  });

  it('pricePaths starts both paths at the price before the shock', () => {
    const timeline = thinPoolTimeline();
    const records = timeline.recordsTo(3);
    const paths = pricePaths(2000, records);
    expect(paths.venue).toEqual([2000, ...records.map((r) => r.price)]);
    expect(paths.oracle).toEqual([2000, ...records.map((r) => r.oraclePrice)]);
  });
});

// ---------------------------------------------------------------------------------------------------
/** A hand-built book: each position [collateral, debt, threshold, open]. */
function book(positions: readonly (readonly [number, number, number, boolean])[]): PositionsView {
  return {
    round: 0,
    count: positions.length,
    collateral: Float64Array.from(positions.map((p) => p[0])),
    debt: Float64Array.from(positions.map((p) => p[1])),
    threshold: Float64Array.from(positions.map((p) => p[2])),
    open: Uint8Array.from(positions.map((p) => (p[3] ? 1 : 0))),
    id: (i) => `p${i}`,
  };
}

/** Every open position with debt and its health factor, lowest first: the brute-force answer. */
function bruteForce(view: PositionsView, price: number) {
  const all: { index: number; hf: number }[] = [];
  for (let i = 0; i < view.count; i++) {
    if (!view.open[i] || view.debt[i]! <= 0) continue;
    all.push({ index: i, hf: (view.collateral[i]! * price * view.threshold[i]!) / view.debt[i]! });
  }
  return all.sort((a, b) => a.hf - b.hf);
}

describe('healthSnapshot', () => {
  // At price 100 with threshold 1, the health factor is collateral * 100 / debt.
  const small = book([
    [1, 100, 1, true], // 1.00
    [1, 200, 1, true], // 0.50
    [3, 200, 1, true], // 1.50
    [1, 50, 1, false], // closed
    [2, 0, 1, true], // no debt
    [1.07, 100, 1, true], // 1.07
    [5, 100, 1, true], // 5.00
    [1.2, 100, 1, true], // 1.20
  ]);

  it('bands count every open position with debt, each in its band', () => {
    const snap = healthSnapshot(small, 100, 3);
    expect(snap.open).toBe(7);
    expect(snap.debtFree).toBe(1);
    expect(snap.bands.reduce((a, b) => a + b.count, 0)).toBe(snap.open - snap.debtFree);
    const counts = Object.fromEntries(snap.bands.map((b) => [b.label, b.count]));
    expect(counts).toEqual({
      '< 1.00': 1,
      '1.00–1.05': 1,
      '1.05–1.10': 1,
      '1.10–1.25': 1,
      '1.25–1.50': 0,
      '1.50–2.00': 1,
      '≥ 2.00': 1,
    });
    expect(snap.bands.map((b) => [b.from, b.to])).toEqual(
      BAND_EDGES.slice(0, -1).map((e, i) => [e, BAND_EDGES[i + 1]]),
    );
  });

  it('lists the k nearest liquidation, lowest health first, as a brute-force sort does', () => {
    for (const k of [0, 1, 3, 6, 10]) {
      const snap = healthSnapshot(small, 100, k);
      const expected = bruteForce(small, 100).slice(0, k);
      expect(
        snap.nearest.map((p) => p.index),
        `k=${k}`,
      ).toEqual(expected.map((p) => p.index));
      expect(snap.nearest.map((p) => p.healthFactor)).toEqual(expected.map((p) => p.hf));
      expect(snap.nearest.map((p) => p.id)).toEqual(expected.map((p) => `p${p.index}`));
    }
  });

  it('matches a brute-force sort on random books (property)', () => {
    const position = fc.tuple(
      fc.double({ min: 0, max: 100, noNaN: true }),
      fc.oneof(fc.constant(0), fc.double({ min: 1, max: 1e5, noNaN: true })),
      fc.double({ min: 0.5, max: 0.95, noNaN: true }),
      fc.boolean(),
    );
    fc.assert(
      fc.property(
        fc.array(position, { maxLength: 60 }),
        fc.double({ min: 1, max: 5000, noNaN: true }),
        fc.integer({ min: 0, max: 20 }),
        (positions, price, k) => {
          const view = book(positions);
          const snap = healthSnapshot(view, price, k);
          const all = bruteForce(view, price);
          expect(snap.nearest.map((p) => p.healthFactor)).toEqual(all.slice(0, k).map((p) => p.hf));
          for (const p of snap.nearest) {
            expect(p.healthFactor).toBe(all.find((a) => a.index === p.index)!.hf);
          }
          expect(snap.bands.reduce((a, b) => a + b.count, 0)).toBe(all.length);
          for (const band of snap.bands) {
            expect(band.count).toBe(all.filter((p) => p.hf >= band.from && p.hf < band.to).length);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('agrees with a brute-force sort on the thin-pool book, before the shock and mid-cascade', () => {
    const timeline = thinPoolTimeline();
    for (const round of [0, 2]) {
      const view = timeline.positionsAt(round);
      const price = timeline.record(round)?.price ?? 2000;
      const snap = healthSnapshot(view, price, 12);
      const all = bruteForce(view, price);
      expect(snap.nearest.map((p) => p.healthFactor)).toEqual(all.slice(0, 12).map((p) => p.hf));
      expect(snap.bands.reduce((a, b) => a + b.count, 0)).toBe(all.length);
      expect(snap.open).toBe(Array.from(view.open).filter((o) => o === 1).length);
    }
  });
});

describe('healthBar', () => {
  /** The fill a bar shows, in eighths of a cell. */
  const fillEighths = (bar: string) =>
    Array.from(bar).reduce(
      // The line (┃) stands for a cell of fill when the fill goes on past it.
      (sum, ch, i, all) =>
        sum +
        (ch === '█' || (ch === '┃' && (all[i + 1] ?? ' ') !== ' ') ? 8 : Math.max(0, ' ▏▎▍▌▋▊▉'.indexOf(ch))),
      0,
    );

  it('is exactly `width` cells for any health factor', () => {
    for (const width of [10, 11, 18, 22, 30, 31]) {
      for (const hf of [-1, 0, 0.5, 0.99, 1, 1.02, 1.5, 2, 3, Infinity]) {
        expect(chars(healthBar(hf, width)), `hf=${hf} width=${width}`).toBe(width);
      }
    }
  });

  it('draws the liquidation line (HF = 1) once, at the middle column', () => {
    for (const width of [10, 11, 18, 30]) {
      // The line has a column of its own after an even number of cells' worth of the 0…1 half of the scale.
      const column = ((width - 1) & ~1) / BAR_SCALE_MAX;
      for (const hf of [0, 0.5, 0.99, 1.5, 2]) {
        const cells = Array.from(healthBar(hf, width));
        expect(cells[column], `hf=${hf} width=${width}`).toBe('┃');
        expect(cells.filter((c) => c === '│' || c === '┃')).toHaveLength(1);
      }
      // One glyph, under the fill or not.
      expect(Array.from(healthBar(0.5, width))[column]).toBe('┃');
      expect(Array.from(healthBar(1.8, width))[column]).toBe('┃');
    }
  });

  it('fills in proportion to the health factor, and the fill grows with it', () => {
    expect(healthBar(0, 21)).toBe(' '.repeat(10) + '┃' + ' '.repeat(10));
    expect(healthBar(2, 21)).toBe('█'.repeat(10) + '┃' + '█'.repeat(10));
    expect(healthBar(0.5, 21)).toBe('█'.repeat(5) + ' '.repeat(5) + '┃' + ' '.repeat(10));
    expect(healthBar(1, 21)).toBe('█'.repeat(10) + '┃' + ' '.repeat(10));
    // An even width leaves the last column blank, so that HF = 1 falls exactly on the line.
    expect(healthBar(2, 20)).toBe('█'.repeat(9) + '┃' + '█'.repeat(9) + ' ');
    let previous = -1;
    for (let hf = 0; hf <= 2.2; hf += 0.01) {
      const fill = fillEighths(healthBar(hf, 30));
      expect(fill, `hf=${hf}`).toBeGreaterThanOrEqual(previous);
      previous = fill;
    }
    expect(fillEighths(healthBar(0.5, 30))).toBeLessThan(fillEighths(healthBar(0.9, 30)));
    expect(fillEighths(healthBar(1.2, 30))).toBeLessThan(fillEighths(healthBar(1.6, 30)));
  });

  it('tells 1.00 from 1.02, as its documentation promises (eighths of a cell)', () => {
    // The dashboard's bars are 18 (80 columns), 22 (100) and 30 (120) cells wide.
    for (const width of [18, 22, 30]) {
      expect(healthBar(1.02, width), `width=${width}`).not.toBe(healthBar(1.0, width));
    }
  });
});

describe('countBar and healthTone', () => {
  it('countBar is as wide as `width` for the largest band, at least one cell for any other, none for 0', () => {
    expect(countBar(50, 50, 28)).toBe('█'.repeat(28));
    expect(countBar(1, 1000, 28)).toBe('█');
    expect(countBar(25, 50, 28)).toBe('█'.repeat(14));
    expect(countBar(0, 50, 28)).toBe('');
  });

  it('healthTone: danger under 1, warning under 1.1, safe above', () => {
    expect([0.5, 0.999, 1, 1.099, 1.1, 3].map(healthTone)).toEqual([
      'danger',
      'danger',
      'warning',
      'warning',
      'safe',
      'safe',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------
describe('logLines', () => {
  const timeline = thinPoolTimeline();
  const last = timeline.finish();
  const roundOf = (text: string) => Number(/^round (\d+):/.exec(text)?.[1]);

  it('lists rounds newest first, and nothing before round 1', () => {
    expect(logLines(timeline, 0, 20, 'ETH', 'USD')).toEqual([]);
    const lines = logLines(timeline, 5, 1000, 'ETH', 'USD');
    const rounds = lines.filter((l) => l.kind === 'round').map((l) => roundOf(l.text));
    expect(rounds).toEqual([5, 4, 3, 2, 1]);
    expect(lines[0]!.text).toMatch(/^round 5: /);
  });

  it('never has more than maxLines lines', () => {
    for (const round of [1, 3, last]) {
      for (const maxLines of [0, 1, 2, 3, 7, 20, 45]) {
        expect(logLines(timeline, round, maxLines, 'ETH', 'USD').length).toBeLessThanOrEqual(maxLines);
      }
    }
    // It fills the room it has when there is enough to say.
    expect(logLines(timeline, 3, 7, 'ETH', 'USD')).toHaveLength(7);
  });

  it("says '… and N more' for a round it cannot list in full, N being the rest", () => {
    const lines = logLines(timeline, 3, 8, 'ETH', 'USD');
    const record = timeline.record(3)!;
    expect(lines[0]!.kind).toBe('round');
    const events = lines.slice(1).filter((l) => l.kind === 'event');
    const more = lines.find((l) => l.kind === 'more');
    expect(events).toHaveLength(6);
    expect(more?.text).toBe(`  … and ${record.liquidations - 6} more in round 3`);
    expect(lines.at(-1)).toBe(more);
  });

  it('lists every liquidation, largest seizure first, when there is room', () => {
    const events = timeline.events(1)!;
    const lines = logLines(timeline, 1, events.length + 1, 'ETH', 'USD');
    expect(lines.filter((l) => l.kind === 'more')).toEqual([]);
    expect(lines.filter((l) => l.kind === 'event')).toHaveLength(events.length);
    const ids = lines.slice(1).map((l) => l.text.trim().split(/\s+/)[0]);
    const expected = events.position
      .map((p, i) => ({ id: timeline.positionId(p), seized: events.seized[i]! }))
      .sort((a, b) => b.seized - a.seized)
      .map((e) => e.id);
    expect(ids).toEqual(expected);
  });

  it('scrolls: any window of the log is that slice of the whole log, a cut list ending in its count', () => {
    const total = logLength(timeline, last);
    const whole = logLines(timeline, last, total, 'ETH', 'USD');
    expect(whole).toHaveLength(total);
    // The whole log says no '… more': every liquidation is there, newest round first.
    expect(whole.filter((l) => l.kind === 'more')).toEqual([]);
    expect(total).toBe(
      Array.from({ length: last }, (_, i) => timeline.record(i + 1)!)
        .filter((r) => r.liquidations > 0)
        .reduce((n, r) => n + 1 + r.liquidations, 0),
    );
    for (const [offset, rows] of [
      [0, 5],
      [3, 9],
      [total - 4, 4],
      [total - 2, 10],
      [Math.floor(total / 2), 30],
    ] as const) {
      const window = logLines(timeline, last, rows, 'ETH', 'USD', offset);
      const slice = whole.slice(offset, offset + rows);
      expect(window).toHaveLength(slice.length);
      expect(window.slice(0, -1)).toEqual(slice.slice(0, -1));
      const [shown, expected] = [window.at(-1)!, slice.at(-1)!];
      const next = whole[offset + rows];
      if (expected.kind === 'event' && next?.kind === 'event' && next.round === expected.round) {
        // The row counts what it stands for and every liquidation of its round after it.
        const rest = whole.slice(offset + rows - 1).filter((l) => l.round === expected.round).length;
        expect(shown).toEqual({
          kind: 'more',
          round: expected.round,
          text: `  … and ${formatCount(rest)} more in round ${expected.round}`,
          badDebt: false,
        });
      } else expect(shown).toEqual(expected);
    }
    // Past the end: nothing.
    expect(logLines(timeline, last, 5, 'ETH', 'USD', total)).toEqual([]);
  });

  it('largest: the sorting path (a long list) orders as the short one does, ties by index', () => {
    const values = Array.from({ length: 500 }, (_, i) => (i * 37) % 101);
    const short = largest(values, 60);
    const long = largest(values, 200);
    expect(long.slice(0, 60)).toEqual(short);
    for (let i = 1; i < long.length; i++) {
      const [a, b] = [long[i - 1]!, long[i]!];
      expect(values[a]! > values[b]! || (values[a] === values[b] && a < b)).toBe(true);
    }
  });

  it('shows the largest liquidations of a round when it has to choose', () => {
    const events = timeline.events(2)!;
    const lines = logLines(timeline, 2, 5, 'ETH', 'USD');
    const shown = lines.filter((l) => l.kind === 'event').map((l) => l.text.trim().split(/\s+/)[0]);
    const top = events.position
      .map((p, i) => ({ id: timeline.positionId(p), seized: events.seized[i]! }))
      .sort((a, b) => b.seized - a.seized)
      .slice(0, shown.length)
      .map((e) => e.id);
    expect(shown.length).toBe(3);
    expect(shown).toEqual(top);
  });
});

describe('largest', () => {
  const bruteForce = (values: readonly number[], k: number) =>
    values
      .map((v, i) => ({ v, i }))
      .sort((a, b) => b.v - a.v || a.i - b.i)
      .slice(0, k)
      .map((e) => e.i);

  it('gives the indices of the k largest, largest first', () => {
    expect(largest([3, 9, 1, 7, 5], 3)).toEqual([1, 3, 4]);
    expect(largest([3, 9, 1], 0)).toEqual([]);
    expect(largest([3, 9, 1], 10)).toEqual([1, 0, 2]);
    expect(largest([], 3)).toEqual([]);
  });

  it('matches a sort, ties included (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 80 }),
        fc.integer({ min: 0, max: 30 }),
        (values, k) => {
          expect(largest(values, k)).toEqual(bruteForce(values, k));
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------
describe('layout', () => {
  it('tooSmall below 80×24, not at it', () => {
    expect([MIN_COLUMNS, MIN_ROWS]).toEqual([80, 24]);
    expect(tooSmall(80, 24)).toBe(false);
    expect(tooSmall(79, 24)).toBe(true);
    expect(tooSmall(80, 23)).toBe(true);
    expect(tooSmall(60, 20)).toBe(true);
    expect(tooSmall(300, 100)).toBe(false);
  });

  it('the parts add up to one row less than the terminal, and the columns to its width', () => {
    for (let columns = 80; columns <= 260; columns += 7) {
      for (let rows = 24; rows <= 90; rows++) {
        const layout = dashboardLayout(columns, rows);
        const label = `${columns}x${rows}`;
        expect(layout.rows, label).toBe(rows - 1);
        expect(layout.header + layout.middle + layout.log + layout.footer, label).toBe(rows - 1);
        expect(layout.chartWidth + 1 + layout.healthWidth, label).toBe(columns);
        expect(layout.middle, label).toBeGreaterThanOrEqual(12);
        expect(layout.log, label).toBeGreaterThanOrEqual(5);
        expect(layout.chartWidth, label).toBeGreaterThanOrEqual(40);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------------
describe('commandsOf', () => {
  const NO_KEY: Key = {
    upArrow: false,
    downArrow: false,
    leftArrow: false,
    rightArrow: false,
    pageDown: false,
    pageUp: false,
    home: false,
    end: false,
    return: false,
    escape: false,
    ctrl: false,
    shift: false,
    tab: false,
    backspace: false,
    delete: false,
    meta: false,
    super: false,
    hyper: false,
    capsLock: false,
    numLock: false,
  };
  const key = (flags: Partial<Key> = {}): Key => ({ ...NO_KEY, ...flags });
  /** A character no binding uses (bindings are added over time). */
  const UNBOUND = ['z', 'y', '~', '§'].find((c) => !BINDINGS.some((b) => b.chars?.includes(c)))!;

  it('each character of a fast-typed run is a command', () => {
    expect(commandsOf('nnn', key())).toEqual(['step', 'step', 'step']);
    expect(commandsOf('n b', key())).toEqual(['step', 'step', 'back']);
    expect(commandsOf(`n${UNBOUND}q`, key())).toEqual(['step', 'quit']);
    expect(commandsOf('G', key({ shift: true }))).toEqual(['end']);
  });

  it('every bound character means its command', () => {
    for (const binding of BINDINGS) {
      for (const ch of binding.chars ?? []) expect(commandsOf(ch, key()), ch).toEqual([binding.command]);
    }
  });

  it('arrows, Home/End, Esc and Ctrl-C', () => {
    expect(commandsOf('', key({ rightArrow: true }))).toEqual(['step']);
    expect(commandsOf('', key({ leftArrow: true }))).toEqual(['back']);
    expect(commandsOf('', key({ home: true }))).toEqual(['first']);
    expect(commandsOf('', key({ end: true }))).toEqual(['end']);
    // Ink reports Esc with meta set too.
    expect(commandsOf('', key({ escape: true, meta: true }))).toEqual(['escape']);
    expect(commandsOf('c', key({ ctrl: true }))).toEqual(['quit']);
  });

  it('unknown keys and modified letters mean nothing', () => {
    expect(commandsOf(UNBOUND, key())).toEqual([]);
    expect(commandsOf('', key())).toEqual([]);
    expect(commandsOf('', key({ upArrow: true }))).toEqual([]);
    expect(commandsOf('', key({ downArrow: true }))).toEqual([]);
    expect(commandsOf('\r', key({ return: true }))).toEqual([]);
    expect(commandsOf('', key({ tab: true }))).toEqual([]);
    expect(commandsOf('n', key({ ctrl: true }))).toEqual([]);
    expect(commandsOf('n', key({ meta: true }))).toEqual([]);
    expect(commandsOf('', key({ pageDown: true }))).toEqual([]);
  });
});

describe('logLines for auctions won by a zero bid', () => {
  it('a round in which auctions were won for zero says how many', () => {
    const loaded = loadPreset('black-thursday-2020');
    if (!loaded.ok) throw new Error('black-thursday-2020');
    const timeline = new Timeline(loaded.preset);
    const last = timeline.finish();
    const round = Array.from({ length: last }, (_, i) => i + 1).find(
      (r) => timeline.record(r)!.wonForZero > 0,
    )!;
    const won = timeline.record(round)!.wonForZero;
    const [line] = logLines(timeline, round, 5, 'ETH', 'DAI');
    expect(line!.text).toMatch(new RegExp(`^round ${round}: .*; ${won} won for 0 DAI$`));
    // A round without any: no such note.
    const quiet = logLines(timeline, round - 1, 5, 'ETH', 'DAI')[0]!;
    if (timeline.record(round - 1)!.wonForZero === 0) expect(quiet.text).not.toContain('won for 0');
  });
});
