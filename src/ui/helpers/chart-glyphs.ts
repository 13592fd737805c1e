/**
 * The chart's glyphs. Pure data and one choice function.
 *
 * Without colour (NO_COLOR) only shapes tell the lines apart, so no glyph is in two sets: the first line
 * (the venue, or the baseline) is heavy box drawing; the second (the oracle, or the variant) is light
 * dashes with round corners and never a junction (a light `├┤┼` would read as the value axis or as the
 * other line); the value axis is light `┤│`; the marker of the round on screen is `▏`; reference lines are
 * dots. The legend shows these same glyphs.
 */

/** A line's glyphs, indexed by its connections in a cell: left 1, right 2, up 4, down 8. */
export type Glyphs = readonly string[];

// Heavy: every connection drawn.
const SOLID: Glyphs = [' ', '╸', '╺', '━', '╹', '┛', '┗', '┻', '╻', '┓', '┏', '┳', '┃', '┫', '┣', '╋'];
// Dashed: a cell that goes both up and down is a dashed vertical, one that enters and leaves on the same
// row of a spike is a dashed horizontal; the corners are round.
const DASHED: Glyphs = [' ', '╴', '╶', '┄', '╵', '╯', '╰', '┄', '╷', '╮', '╭', '┄', '┆', '┆', '┆', '┆'];

export const GLYPHS = { solid: SOLID, dashed: DASHED } as const;
export type LineStyle = keyof typeof GLYPHS;

/** The glyph that stands for a line in the legend: its horizontal run, the shape most of it takes. */
export const legendGlyph = (style: LineStyle): string => GLYPHS[style][3]!;

/** The value axis: a labelled row, an unlabelled one. */
export const AXIS = { labelled: '┤', plain: '│' } as const;

/** The round on screen when earlier rounds are drawn past it. */
export const MARKER = '▏';

/** Reference lines (the oracle floor, the nearest liquidation price), in the order they are given. */
export const REFERENCE_GLYPHS = ['·', '˙', '∙'] as const;

/** The glyph for a cell of a line: `left`, `right`, `up`, `down` are its connections. */
export function glyphFor(
  style: LineStyle,
  connections: { left?: boolean; right?: boolean; up?: boolean; down?: boolean },
): string {
  const mask =
    (connections.left ? 1 : 0) |
    (connections.right ? 2 : 0) |
    (connections.up ? 4 : 0) |
    (connections.down ? 8 : 0);
  return GLYPHS[style][mask]!;
}

/** Every glyph a line of `style` can draw (the blank aside). */
export const glyphsOf = (style: LineStyle): string[] => [...new Set(GLYPHS[style].filter((g) => g !== ' '))];
