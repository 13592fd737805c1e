// The price chart's shared x axis, glyphs, reference lines and legend: pure functions, checked cell by cell.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawChart, LABEL_WIDTH, type ChartRow, type ChartSpec } from '../../src/ui/helpers/chart.js';
import { columnRounds, sharedColumns } from '../../src/ui/helpers/chart-columns.js';
import {
  AXIS,
  GLYPHS,
  MARKER,
  REFERENCE_GLYPHS,
  glyphFor,
  glyphsOf,
  legendGlyph,
} from '../../src/ui/helpers/chart-glyphs.js';
import { legendRows, spanText } from '../../src/ui/helpers/chart-legend.js';
import { columnOf } from '../../src/ui/helpers/downsample.js';
import { chartWindow } from '../../src/ui/components/PriceChart.js';

const cells = (row: ChartRow) => Array.from(row.runs.map((r) => r.text).join(''));
const inks = (row: ChartRow) => row.runs.flatMap((r) => Array.from(r.text).map(() => r.ink));
const legendText = (rows: ReturnType<typeof legendRows>) => rows.map((r) => r.map((p) => p.text).join('  '));

const spec = (over: Partial<ChartSpec> & Pick<ChartSpec, 'lines'>): ChartSpec => ({
  width: 60,
  height: 14,
  positive: true,
  ...over,
});

describe('sharedColumns: one x axis for series of different lengths', () => {
  it('column c stands for the same rounds in every series, and is empty past a series’ end', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 120 }),
        (a, b, width) => {
          const n = Math.max(a, b);
          const long = Array.from({ length: n }, (_, i) => i);
          const short = long.slice(0, Math.min(a, b));
          const cl = sharedColumns(long, n, width);
          const cs = sharedColumns(short, n, width);
          expect(cl).toHaveLength(width);
          expect(cs).toHaveLength(width);
          cs.forEach((col, c) => {
            const { from } = columnRounds(c, n, width);
            if (from >= short.length) expect(col).toBeUndefined();
            else {
              expect(col!.from).toBe(cl[c]!.from);
              expect(col!.to).toBeLessThanOrEqual(short.length);
              expect(col!.last).toBe(Math.min(cl[c]!.to, short.length) - 1);
            }
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps every column’s minimum and maximum: the start, a one-round peak and a trough survive', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 600 }),
        fc.integer({ min: 1, max: 150 }),
        (series, width) => {
          const cols = sharedColumns(series, series.length, width).filter((c) => c !== undefined);
          expect(Math.max(...cols.map((c) => c!.max))).toBe(Math.max(...series));
          expect(Math.min(...cols.map((c) => c!.min))).toBe(Math.min(...series));
          expect(cols[0]!.first).toBe(series[0]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('Mango’s shape: a 0.038 start and a round-1 peak of 0.907 over 94 rounds in 50 columns', () => {
    const series = [0.038, 0.907, ...Array.from({ length: 92 }, (_, i) => 0.6 * 0.95 ** i)];
    const rows = drawChart(spec({ lines: [{ series, ink: 'venue', style: 'solid' }], width: 60 })).rows;
    const labels = rows.slice(0, -1).map((r) => cells(r).slice(0, LABEL_WIDTH).join('').trim());
    expect(Number(labels[0])).toBe(0.907);
    expect(Number(labels.at(-1))).toBeCloseTo(0.6 * 0.95 ** 91, 4);
  });
});

describe('drawChart: a run that ended earlier', () => {
  const baseline = [2000, 1800, 1750, 1769, 1769];
  const variant = Array.from({ length: 22 }, (_, i) => 2000 - i * 50);

  it('stops at its own last round instead of being held flat to the other run’s end', () => {
    const width = 60;
    const plotWidth = width - LABEL_WIDTH - 1;
    const drawn = drawChart(
      spec({
        width,
        lines: [
          { series: baseline, ink: 'venue', style: 'solid' },
          { series: variant, ink: 'oracle', style: 'dashed' },
        ],
      }),
    );
    const lastColumn = Math.max(
      ...drawn.rows.slice(0, -1).flatMap((row) =>
        inks(row)
          .map((ink, x) => (ink === 'venue' ? x : -1))
          .filter((x) => x >= 0),
      ),
    );
    // The last column that shows round 4 (of 22 on the axis), and no further.
    const end = LABEL_WIDTH + 1 + columnOf(5, 22, plotWidth) - 1;
    expect(lastColumn).toBe(end);
    // The variant runs to the right edge.
    const oracleColumns = drawn.rows.flatMap((row) =>
      inks(row)
        .map((ink, x) => (ink === 'oracle' ? x : -1))
        .filter((x) => x >= 0),
    );
    expect(Math.max(...oracleColumns)).toBe(width - 1);
  });
});

describe('glyphs: two lines apart without colour', () => {
  it('no glyph is in two of the sets: venue, oracle, axis, marker, reference lines', () => {
    const sets = [
      glyphsOf('solid'),
      glyphsOf('dashed'),
      Object.values(AXIS),
      [MARKER],
      [...REFERENCE_GLYPHS],
    ];
    for (let i = 0; i < sets.length; i++)
      for (let j = i + 1; j < sets.length; j++)
        expect(
          sets[i]!.filter((g) => sets[j]!.includes(g)),
          `sets ${i} and ${j}`,
        ).toEqual([]);
  });

  it('the dashed line never draws a junction (├┤┼┬┴ read as the axis or as a solid line)', () => {
    for (const g of ['├', '┤', '┼', '┬', '┴', '─', '│']) expect(glyphsOf('dashed')).not.toContain(g);
    expect(glyphFor('dashed', { left: true, up: true, down: true })).toBe('┆');
    expect(glyphFor('dashed', { left: true, right: true, up: true })).toBe('┄');
    expect(glyphFor('solid', { left: true, up: true, down: true })).toBe('┫');
    expect(glyphFor('dashed', { left: true, up: true })).toBe('╯');
  });

  it('the legend’s glyphs are the ones a level stretch of each line is drawn with', () => {
    const flatThenDrop = [10, 10, 10, 10, 10, 10, 5];
    const drawn = drawChart(
      spec({
        lines: [
          { series: flatThenDrop, ink: 'venue', style: 'solid' },
          { series: flatThenDrop.map((v) => v * 0.5 + 0.1), ink: 'oracle', style: 'dashed' },
        ],
      }),
    );
    const all = drawn.rows.flatMap((row) => cells(row).map((ch, x) => ({ ch, ink: inks(row)[x] })));
    const count = (ink: string, ch: string) => all.filter((c) => c.ink === ink && c.ch === ch).length;
    expect(legendGlyph('solid')).toBe('━');
    expect(legendGlyph('dashed')).toBe('┄');
    expect(count('venue', legendGlyph('solid'))).toBeGreaterThan(10);
    expect(count('oracle', legendGlyph('dashed'))).toBeGreaterThan(10);
    // Each line draws only its own set.
    for (const c of all) {
      if (c.ink === 'venue') expect(GLYPHS.solid).toContain(c.ch);
      if (c.ink === 'oracle') expect(GLYPHS.dashed).toContain(c.ch);
    }
  });
});

describe('reference lines', () => {
  const venue = [80, 40, 10, 1, 0.5, 0.2, 0.15, 0.12, 0.11, 0.107];
  const oracle = venue.map((v) => Math.max(v, 0.107));
  const lines: ChartSpec['lines'] = [
    { series: venue, ink: 'venue', style: 'solid' },
    { series: oracle, ink: 'oracle', style: 'dashed' },
  ];

  it('fill only cells no line occupies, and write no name over the plot', () => {
    for (const log of [false, true]) {
      const without = drawChart(spec({ lines, log })).rows;
      const withRefs = drawChart(
        spec({
          lines,
          log,
          references: [
            { value: 0.107, label: 'oracle floor 0.1070' },
            { value: 5, label: 'next liquidation 5.00' },
          ],
        }),
      );
      withRefs.rows.forEach((row, y) => {
        const a = cells(without[y]!);
        const b = cells(row);
        a.forEach((ch, x) => {
          if (ch !== ' ') expect(b[x], `row ${y} col ${x}`).toBe(ch);
          else expect([' ', ...REFERENCE_GLYPHS]).toContain(b[x]);
        });
        expect(b.join('')).not.toMatch(/floor|liquidation/);
      });
      expect(withRefs.references.map((r) => r.place)).toEqual(['drawn', 'drawn']);
      expect(withRefs.references.map((r) => r.glyph)).toEqual([REFERENCE_GLYPHS[0], REFERENCE_GLYPHS[1]]);
    }
  });

  it('outside the drawn range are reported above or below, never drawn', () => {
    const drawn = drawChart(
      spec({
        lines,
        references: [
          { value: 100, label: 'high' },
          { value: 0.01, label: 'low' },
        ],
      }),
    );
    expect(drawn.references.map((r) => r.place)).toEqual(['above', 'below']);
    for (const row of drawn.rows) for (const g of REFERENCE_GLYPHS) expect(cells(row)).not.toContain(g);
  });
});

describe('the legend', () => {
  const base = {
    compare: false,
    first: 0,
    last: 93,
    log: false,
    references: [],
    quote: 'USD',
    start: 0.038,
    high: 0.907,
    low: 0.01712,
    cause: 'shock −10% at round 1',
  } as const;

  it('states the span of rounds drawn', () => {
    expect(spanText(0, 11)).toBe('rounds 0–11');
    expect(spanText(12, 31, 20)).toBe('last 20 rounds: 12–31');
    expect(spanText(3, 22, 20, true)).toBe('20 rounds: 3–22');
    expect(spanText(0, 11, 50)).toBe('rounds 0–11 (zoom: last 50)');
    expect(spanText(0, 0)).toBe('round 0');
  });

  it('always shows the lines, the span, the end of a shorter run, log scale, the marker and references', () => {
    for (const width of [40, 47, 71, 120]) {
      const rows = legendRows(
        {
          ...base,
          compare: true,
          first: 2,
          last: 21,
          zoom: 20,
          ends: { solid: 11 },
          log: true,
          marker: 15,
          start: undefined,
          references: [{ value: 1738.23, label: 'next liquidation 1,738.23', glyph: '·', place: 'drawn' }],
        },
        width,
        4,
      );
      const text = legendText(rows).join('\n');
      for (const line of legendText(rows)) expect(Array.from(line).length).toBeLessThanOrEqual(width);
      expect(text).toContain('━ baseline');
      expect(text).toContain('┄ variant');
      expect(text).toContain('last 20 rounds: 2–21');
      expect(text).toMatch(/baseline ended (at round |r)11/);
      expect(text).toContain('log scale');
      expect(text).toContain(`${MARKER} round 15`);
      expect(text).toContain('··· next liquidation 1,738.23 USD');
      expect(text).not.toContain('start');
    }
  });

  it('always shows the run’s start with its unit; high and low only on the rows the rest needs', () => {
    const wide = legendText(legendRows(base, 120, 3));
    expect(wide).toHaveLength(1);
    expect(wide[0]).toContain('start 0.03800 USD');
    expect(wide[0]).toContain('high 0.9070');
    expect(wide[0]).toContain('low 0.01712 USD');
    const narrow = legendText(legendRows(base, 40, 3));
    // High and low go together: at 40 columns there is no room for the pair beside the start.
    expect(narrow).toEqual(['Price ━ venue ┄ oracle  rounds 0–93', 'start 0.03800 USD']);
    expect(legendText(legendRows({ ...base, high: 2, low: 2 }, 120, 3))[0]).not.toContain('high');
    const zoomed = legendText(legendRows({ ...base, first: 74, zoom: 20, start: undefined }, 120, 3));
    expect(zoomed[0]).not.toContain('start');
  });

  it('a narrow legend gives way in steps: first the span and the start shorten, then a reference line drops its unit', () => {
    const floor = { label: 'oracle floor 0.1070', glyph: '·', place: 'drawn', value: 0.107 } as const;
    const next = { label: 'next liquidation 0.01799', glyph: '·', place: 'drawn', value: 0.01799 } as const;
    // LUNA at 80x24 (43 columns, 2 rows): "r0–26" and a start without its unit, the floor keeps its own.
    const luna = legendText(
      legendRows({ ...base, last: 26, start: 80, references: [floor], high: undefined }, 43, 2),
    );
    expect(luna).toEqual(['Price ━ venue ┄ oracle  r0–26  start 80.00', '··· oracle floor 0.1070 USD']);
    // Mango: even so the line is one column too long, so the reference drops its unit, not its digits.
    const mango = legendText(legendRows({ ...base, references: [next] }, 43, 2));
    expect(mango).toEqual(['Price ━ venue ┄ oracle  r0–93', 'start 0.03800  ··· next liquidation 0.01799']);
    expect(mango.join('\n')).not.toContain('…');
  });
});

describe('chartWindow: the rounds a zoom draws', () => {
  it('follows the last N rounds, moves back to the round on screen, and is the whole run unzoomed', () => {
    expect(chartWindow(93, 93, undefined)).toEqual({ first: 0, last: 93, beforeEnd: false });
    expect(chartWindow(93, 93, 20)).toEqual({ first: 74, last: 93, beforeEnd: false });
    expect(chartWindow(93, 80, 20)).toEqual({ first: 74, last: 93, beforeEnd: false });
    expect(chartWindow(93, 10, 20)).toEqual({ first: 10, last: 29, beforeEnd: true });
    expect(chartWindow(11, 11, 50)).toEqual({ first: 0, last: 11, beforeEnd: false });
  });
});
