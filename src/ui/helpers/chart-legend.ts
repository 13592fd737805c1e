/**
 * The price chart's legend: what is drawn, in words, fitted to the chart's width. Pure.
 *
 * It names each line with the glyph it is drawn with, the span of rounds drawn (the whole run, or the
 * zoom's last N rounds), where a run that ended earlier stops, the log scale, the marker of the round on
 * screen, the run's start and the reference lines (whose names are here, never over the data). These
 * always show, on as many rows as they need; high, low and the shock follow when there is room.
 */
import { formatCount, formatNumber } from '../../format.js';
import type { DrawnReference } from './chart.js';
import { MARKER, legendGlyph } from './chart-glyphs.js';
import { packParts } from './pack.js';

export type LegendInk = 'title' | 'venue' | 'oracle' | 'note' | 'line' | 'marker';

export interface LegendSegment {
  readonly text: string;
  readonly ink: LegendInk;
}

export interface LegendPart {
  readonly text: string;
  readonly segments: readonly LegendSegment[];
}

export interface LegendInput {
  /** Compare mode: the lines are the baseline's and the variant's venue prices. */
  readonly compare: boolean;
  /** The first and last round drawn. */
  readonly first: number;
  readonly last: number;
  /** The zoom in force (the last this many rounds), if any. */
  readonly zoom?: number;
  /** The span ends before the last round computed (the zoom window moved back to the round on screen). */
  readonly beforeEnd?: boolean;
  /** Each line's last round, when it ends before `last` (a run that converged earlier). */
  readonly ends?: { readonly solid?: number; readonly dashed?: number };
  readonly log: boolean;
  /** The round on screen, when it is marked. */
  readonly marker?: number;
  readonly references: readonly DrawnReference[];
  /** The unit of the prices (USD). */
  readonly quote?: string;
  /** Round 0's price, when round 0 is drawn. */
  readonly start?: number;
  readonly high?: number;
  readonly low?: number;
  /** "shock −10% at round 1" or "outside price follows a path". */
  readonly cause?: string;
}

const part = (...segments: LegendSegment[]): LegendPart => ({
  text: segments.map((s) => s.text).join(''),
  segments,
});
const note = (text: string) => part({ text, ink: 'note' });

/**
 * "rounds 0–93", "last 20 rounds: 74–93", "20 rounds: 3–22" (moved back), "rounds 0–11 (zoom: last 50)"
 * (a zoom longer than the run; "r0–11 (zoom 50)" when `compact`).
 */
export function spanText(
  first: number,
  last: number,
  zoom?: number,
  beforeEnd = false,
  compact = false,
): string {
  const range = first === last ? `round ${formatCount(first)}` : `${formatCount(first)}–${formatCount(last)}`;
  const count = last - first + 1;
  if (zoom === undefined || count < zoom) {
    // Narrow, "r0–93" (as the header's "r37"), so that the start fits beside it.
    const whole = first === last ? range : compact ? `r${range}` : `rounds ${range}`;
    return zoom === undefined ? whole : `${whole} (zoom${compact ? '' : ': last'} ${formatCount(zoom)})`;
  }
  if (first === last) return `last round: ${range}`;
  return `${beforeEnd ? '' : 'last '}${formatCount(count)} rounds: ${range}`;
}

/**
 * The legend's parts: those that must show, and the others. `compact` (for a narrow chart) says where a
 * run ended beside its name ("━ baseline ended r11") instead of in a part of its own.
 */
export function legendParts(
  input: LegendInput,
  compact = false,
  bare = false,
): { must: LegendPart[]; more: LegendPart[] } {
  const unit = input.quote ? ` ${input.quote}` : '';
  // `bare` (narrower still): a drawn reference line's figure without its unit, the header's prices carry it.
  const refUnit = bare ? '' : unit;
  const [solidName, dashedName] = input.compare ? ['baseline', 'variant'] : ['venue', 'oracle'];
  const ended = (end: number | undefined) =>
    compact && end !== undefined ? ` ended r${formatCount(end)}` : '';
  const must: LegendPart[] = [
    part(
      { text: 'Price ', ink: 'title' },
      { text: `${legendGlyph('solid')} ${solidName}${ended(input.ends?.solid)}`, ink: 'venue' },
      { text: ' ', ink: 'note' },
      { text: `${legendGlyph('dashed')} ${dashedName}${ended(input.ends?.dashed)}`, ink: 'oracle' },
    ),
    note(spanText(input.first, input.last, input.zoom, input.beforeEnd, compact)),
  ];
  if (!compact && input.ends?.solid !== undefined)
    must.push(note(`${solidName} ended at round ${formatCount(input.ends.solid)}`));
  if (!compact && input.ends?.dashed !== undefined)
    must.push(note(`${dashedName} ended at round ${formatCount(input.ends.dashed)}`));
  // Round 0's price, when drawn: the run's start (a zoomed chart's first round is not). A narrow chart
  // leaves out its unit (the header's prices carry it) so that a reference line's name keeps its own.
  if (input.start !== undefined) must.push(note(`start ${formatNumber(input.start)}${compact ? '' : unit}`));
  if (input.log) must.push(note('log scale'));
  if (input.marker !== undefined)
    must.push(
      part({ text: MARKER, ink: 'marker' }, { text: ` round ${formatCount(input.marker)}`, ink: 'note' }),
    );
  const more: LegendPart[] = [];
  for (const ref of input.references) {
    if (ref.place === 'drawn')
      must.push(
        part({ text: ref.glyph.repeat(3), ink: 'line' }, { text: ` ${ref.label}${refUnit}`, ink: 'note' }),
      );
    else if (ref.place === 'above' || ref.place === 'below')
      more.push(note(`${ref.label}${unit} (${ref.place})`));
    // Not drawn on a level chart (no row of its own): named, when there is room.
    else more.push(note(`${ref.label}${unit}`));
  }
  // High and low together or not at all, and not for a level chart (its one label says it).
  if (input.high !== undefined && input.low !== undefined && input.high !== input.low)
    more.push(note(`high ${formatNumber(input.high)}  low ${formatNumber(input.low)}${unit}`));
  if (input.cause) more.push(note(input.cause));
  return { must, more };
}

/**
 * The legend in at most `rows` rows of `width` columns: every part that must show, on the fewest rows (the
 * last cut with … if even `rows` cannot hold them), then as many of the others, in order, as those rows
 * have room for.
 */
export function legendRows(input: LegendInput, width: number, rows: number): LegendPart[][] {
  const limit = Math.max(1, rows);
  let { must, more } = legendParts(input);
  let base = packParts(must, width);
  if (base.length > limit) {
    ({ must, more } = legendParts(input, true));
    base = packParts(must, width);
  }
  if (base.length > limit) {
    ({ must, more } = legendParts(input, true, true));
    base = packParts(must, width);
  }
  if (base.length > limit) return [...base.slice(0, limit - 1), cutRow(base.slice(limit - 1).flat(), width)];
  // The others only on the rows the must-show parts need: they never take a row from the plot.
  let shown = base;
  for (let k = 1; k <= more.length; k++) {
    const packed = packParts([...must, ...more.slice(0, k)], width);
    if (packed.length > base.length) break;
    shown = packed;
  }
  return shown;
}

/** Parts on one row, two spaces apart, cut with … at `width`. */
function cutRow(parts: readonly LegendPart[], width: number): LegendPart[] {
  const out: LegendPart[] = [];
  let used = 0;
  for (const p of parts) {
    const gap = out.length > 0 ? 2 : 0;
    const length = Array.from(p.text).length;
    if (used + gap + length <= width) {
      out.push(p);
      used += gap + length;
      continue;
    }
    const room = width - used - gap;
    if (room >= 2)
      out.push(
        note(
          `${Array.from(p.text)
            .slice(0, room - 1)
            .join('')}…`,
        ),
      );
    break;
  }
  return out;
}
