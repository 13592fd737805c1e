import stringWidth, { type Options } from 'string-width';

/**
 * Printable ASCII and the one-column glyphs the dashboard draws (box drawing and blocks U+2500–U+259F,
 * arrows, ·, −, ×, …, ▶, ●, ≤, ≥ and the like): single code points, none of which combines, joins or
 * takes an emoji presentation on its own. test/ui/text-width.test.ts checks that string-width gives each
 * of them one column.
 */
const ONE_COLUMN_EACH = /^[\u0020-\u007E\u2500-\u259F…·−→↑↓←×–—±▶✖⚠≥≤’●○■∞❯]*$/u;

/**
 * string-width, with a fast path for text made only of ONE_COLUMN_EACH: its width is its length. The
 * dashboard's bundle gives Ink (and the two packages through which Ink measures text) this in place of
 * string-width (scripts/text-width.mjs), whose own fast path is printable ASCII only: a line with one box
 * glyph, block or arrow in it was split into graphemes and each tested against the emoji expressions,
 * every frame. That was about 2 ms of a 14 ms dashboard step at 100,000 positions. Anything else (ANSI
 * escapes, tabs, other scripts, emoji, options) goes to string-width as before.
 */
export default function textWidth(text: string, options?: Options): number {
  if (options === undefined && typeof text === 'string' && ONE_COLUMN_EACH.test(text)) return text.length;
  return stringWidth(text, options);
}
