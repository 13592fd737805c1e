// The price chart as a pseudo-terminal shows it, at 80×24 and 120×36: the legend says exactly what is
// drawn (span of rounds, zoom, log scale, marker, reference lines), a run that ended earlier stops at its
// own last round, and the lines stay apart without colour. Figures are checked against the engine's.
import { afterEach, describe, expect, it } from 'vitest';
import { Timeline } from '../../src/engine/index.js';
import { formatNumber } from '../../src/format.js';
import { GLYPHS, MARKER, REFERENCE_GLYPHS } from '../../src/ui/helpers/chart-glyphs.js';
import { LABEL_WIDTH } from '../../src/ui/helpers/chart.js';
import { columnOf } from '../../src/ui/helpers/downsample.js';
import { dashboardLayout } from '../../src/ui/helpers/layout.js';
import { KEY } from '../helpers/ink.js';
import { killAll } from '../helpers/pty.js';
import { app, load, quit, SIZES, START_MS } from '../helpers/e2e.js';

/** The legend's span of rounds: "rounds 0–93", or on a narrow chart "r0–93" (as the header's "r37"). */
const span = (first: number, last: number) => new RegExp(`(?:rounds |\\br)${first}–${last}\\b`);

/** The chart's plot rows (value label, `┤` or `│`, the plot) cut to the chart's width. */
function plotRows(screen: string, cols: number): string[] {
  const width = dashboardLayout(cols, 24).chartWidth;
  return screen
    .split('\n')
    .filter((line) => /^ *([\d,.]+[KMB]?┤| {9}│)/.test(line))
    .map((line) => Array.from(line).slice(0, width).join(''));
}

/** The value labels down the axis, top to bottom. */
const axisLabels = (rows: string[]) =>
  rows
    .map((line) => /^ *([\d,.]+[KMB]?)┤/.exec(line)?.[1])
    .filter((t): t is string => t !== undefined)
    .map((t) => Number(t.replace(/,/g, '')));

/** The legend: the chart's rows from `Price ` to the first plot row, the chart's columns only. */
function legend(screen: string, cols: number): string {
  const width = dashboardLayout(cols, 24).chartWidth;
  const lines = screen.split('\n');
  const from = lines.findIndex((l) => l.startsWith('Price '));
  const to = lines.findIndex((l, i) => i > from && /^ *[\d,.]+[KMB]?┤/.test(l));
  return lines
    .slice(from, to)
    .map((l) => Array.from(l).slice(0, width).join('').trimEnd())
    .join('\n');
}

afterEach(() => killAll());

describe.each(SIZES)('the chart at $cols×$rows', ({ cols, rows }) => {
  it('compare mode: the baseline stops at its own last round; the legend names the span and its end', async () => {
    const base = new Timeline(load('dutch-auction'));
    const baseLast = base.finish();
    const s = app(['dutch-auction'], { cols, rows, noColor: true });
    await s.waitFor('Round 0', START_MS);
    s.write('e');
    await s.waitFor('What if');
    s.write(KEY.right.repeat(10));
    await s.waitFor('20.0%');
    s.write(KEY.enter);
    await s.waitFor('Variant: ');
    s.write(KEY.end);
    const width = dashboardLayout(cols, rows).chartWidth;
    const dashed = new Set(GLYPHS.dashed.filter((g) => g !== ' '));
    /** The rightmost column of the plot holding a glyph of the variant's dashed line (-Infinity: none). */
    const dashedRight = (t: string) =>
      Math.max(
        ...plotRows(t, cols).flatMap((row) =>
          Array.from(row)
            .map((ch, x) => (dashed.has(ch) ? x : -1))
            .filter((x) => x >= 0),
        ),
      );
    // The frame after End: the variant converged, the chart's span reaching its last round (a frame
    // drawn before End can already carry the header's words) and its plot drawn to the right edge (a
    // frame can reach the screen in more than one write: the header's lines before the plot's).
    const screen = await s.waitFor((t) => {
      const last = /Variant: .*\(converged at round (\d+)\)/.exec(t)?.[1];
      return (
        last !== undefined &&
        span(0, Number(last)).test(legend(t, cols)) &&
        /baseline ended (at round |r)\d+/.test(legend(t, cols)) &&
        dashedRight(t) === width - 1
      );
    }, 15_000);
    const variantLast = Number(/Variant: .*\(converged at round (\d+)\)/.exec(screen)![1]);
    expect(variantLast).toBeGreaterThan(baseLast);
    const text = legend(screen, cols);
    expect(text).toContain('━ baseline');
    expect(text).toContain('┄ variant');
    expect(text).toMatch(span(0, variantLast));
    expect(text).toMatch(new RegExp(`baseline ended (at round |r)${baseLast}\\b`));
    // No glyph of the baseline's heavy line right of the last column that shows its last round.
    const plotWidth = width - LABEL_WIDTH - 1;
    const n = variantLast + 1;
    const lastColumn = LABEL_WIDTH + 1 + columnOf(baseLast + 1, n, plotWidth) - 1;
    const solid = new Set(GLYPHS.solid.filter((g) => g !== ' '));
    const plot = plotRows(screen, cols);
    expect(plot.length).toBeGreaterThan(3);
    const heavy = plot.flatMap((row) =>
      Array.from(row)
        .map((ch, x) => (x > LABEL_WIDTH && solid.has(ch) ? x : -1))
        .filter((x) => x >= 0),
    );
    expect(heavy.length).toBeGreaterThan(0);
    expect(Math.max(...heavy)).toBeLessThanOrEqual(lastColumn);
    // The variant's dashed line reaches the right edge of the plot.
    expect(dashedRight(screen)).toBe(width - 1);
    await quit(s);
  });

  it('zoom and stepping back: the legend states the rounds drawn, the labels their range, a marker the round', async () => {
    const timeline = new Timeline(load('mango-markets-2022'));
    const last = timeline.finish();
    const records = timeline.recordsTo(last);
    const s = app(['mango-markets-2022'], { cols, rows, noColor: true });
    await s.waitFor('Round 0', START_MS);
    s.write(KEY.end);
    await s.waitFor(span(0, last), 15_000);
    s.write('zz');
    const first = last - 20 + 1;
    const zoomed = await s.waitFor((t) => legend(t, cols).includes(`last 20 rounds: ${first}–${last}`));
    expect(legend(zoomed, cols)).not.toContain('start');
    // The ticks count the zoom's rounds in the preset's unit (one minute a round): none before the span.
    const tickRow = zoomed.split('\n').find((l) => /^ +minutes /.test(l))!;
    const ticks = Array.from(tickRow)
      .slice(0, dashboardLayout(cols, rows).chartWidth)
      .join('')
      .replace('minutes', '')
      .trim()
      .split(/ +/)
      .map((t) => Number(t.replace(/,/g, '')));
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    for (const t of ticks) expect(t >= first && t <= last, `tick ${t}`).toBe(true);
    // The top and bottom labels are the highest and lowest price of the rounds drawn.
    const drawn = records.slice(first - 1).flatMap((r) => [r.price, r.oraclePrice]);
    const labels = axisLabels(plotRows(zoomed, cols));
    expect(labels.length).toBeGreaterThanOrEqual(2);
    expect(labels[0]! / Math.max(...drawn)).toBeCloseTo(1, 4);
    expect(labels.at(-1)! / Math.min(...drawn)).toBeCloseTo(1, 4);
    expect(new Set(labels).size).toBe(labels.length);
    s.write(KEY.left.repeat(3));
    const back = await s.waitFor((t) => legend(t, cols).includes(`${MARKER} round ${last - 3}`));
    expect(legend(back, cols)).toContain(`last 20 rounds: ${first}–${last}`);
    const markerCells = plotRows(back, cols).filter((row) => row.includes(MARKER));
    expect(markerCells.length).toBeGreaterThan(2);
    // The whole run again: the start and the round-1 peak at their values.
    s.write('z');
    const whole = await s.waitFor((t) => span(0, last).test(legend(t, cols)));
    expect(legend(whole, cols)).toContain(`start ${formatNumber(0.038)} USD`);
    expect(axisLabels(plotRows(whole, cols))[0]).toBeCloseTo(Math.max(...records.map((r) => r.price)), 3);
    await quit(s);
  });

  it('without colour: the oracle floor is named in the legend, never over the data; log scale stays said', async () => {
    const floor = load('luna-oracle-floor-2022').oracle.floor!;
    const s = app(['luna-oracle-floor-2022'], { cols, rows, noColor: true });
    await s.waitFor('Round 0', START_MS);
    s.write(KEY.end);
    const last = new Timeline(load('luna-oracle-floor-2022')).finish();
    const drawnFloor = `${REFERENCE_GLYPHS[0].repeat(3)} oracle floor`;
    const screen = await s.waitFor(
      (t) => span(0, last).test(legend(t, cols)) && legend(t, cols).includes(drawnFloor),
      15_000,
    );
    // Six hours a round: the ticks are hours from 0.
    expect(screen).toMatch(/^ +hours 0 +\d+ /m);
    const text = legend(screen, cols);
    expect(text).toContain(`${REFERENCE_GLYPHS[0].repeat(3)} oracle floor ${formatNumber(floor)} USD`);
    expect(text).toContain('━ venue');
    expect(text).toContain('┄ oracle');
    const plot = plotRows(screen, cols);
    for (const row of plot) expect(row).not.toMatch(/floor|liquidation/);
    // Every cell of the plot is the venue's, the oracle's, a reference line's or the marker's: the two
    // lines share no glyph, and neither uses the axis's.
    const allowed = new Set([...GLYPHS.solid, ...GLYPHS.dashed, ...REFERENCE_GLYPHS, MARKER, ' ']);
    const cells = plot.flatMap((row) => Array.from(row).slice(LABEL_WIDTH + 1));
    for (const ch of cells) expect(allowed.has(ch), `"${ch}"`).toBe(true);
    expect(cells).toContain('━');
    expect(cells).toContain(REFERENCE_GLYPHS[0]);
    s.write('l');
    const log = await s.waitFor((t) => legend(t, cols).includes('log scale'));
    // On a log scale the oracle held at its floor is rows above the venue's fall to 0.01: its dashes show.
    expect(plotRows(log, cols).flatMap((row) => Array.from(row).slice(LABEL_WIDTH + 1))).toContain('┄');
    const labels = axisLabels(plotRows(log, cols));
    // Evenly spaced in the logarithm: each label about the same ratio to the next.
    const ratios = labels.slice(1).map((v, i) => labels[i]! / v);
    for (const r of ratios) expect(r / ratios[0]!).toBeCloseTo(1, 0);
    // Another preset opened with the log scale still on says so.
    s.write(KEY.escape);
    await s.waitFor('pick a preset');
    s.write(KEY.down + KEY.enter);
    // The whole frame of the other preset: its header and the chart's first plot row.
    const other = await s.waitFor(
      (t) => /Round 0/.test(t) && !t.includes('LUNA') && /^ *[\d,.]+[KMB]?┤/m.test(t),
    );
    expect(other.split('\n')[0]).not.toContain('LUNA');
    expect(legend(other, cols)).toContain('log scale');
    await quit(s);
  });
});
