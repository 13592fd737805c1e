import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import textWidth from '../../src/ui/text-width.js';

// The glyphs the fast path takes, as its expression lists them (ranges spelled out).
const GLYPHS = [
  ...Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i)),
  ...Array.from({ length: 0x259f - 0x2500 + 1 }, (_, i) => String.fromCharCode(0x2500 + i)),
  ...'…·−→↑↓←×–—±▶✖⚠≥≤’●○■∞❯',
];

describe('textWidth: string-width with a fast path for the glyphs the dashboard draws', () => {
  it('string-width gives every glyph of the fast path one column', () => {
    for (const glyph of GLYPHS) expect(stringWidth(glyph), `U+${glyph.codePointAt(0)!.toString(16)}`).toBe(1);
  });

  it('gives what string-width gives, for text of those glyphs and for any other text', () => {
    const glyphText = fc.array(fc.constantFrom(...GLYPHS), { maxLength: 200 }).map((a) => a.join(''));
    // Mixed in: escapes, tabs, wide and combining characters, emoji and their selectors, which leave the fast path.
    const other = fc.constantFrom(
      '\u001b[31m',
      '\t',
      '古',
      'e\u0301',
      '👍',
      '\u2194\ufe0f',
      '\u200d',
      '\u00a0',
    );
    const mixed = fc
      .array(fc.oneof(fc.constantFrom(...GLYPHS), other, fc.string({ unit: 'grapheme' })), { maxLength: 60 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(glyphText, mixed), (text) => {
        expect(textWidth(text)).toBe(stringWidth(text));
        expect(textWidth(text, { ambiguousIsNarrow: false })).toBe(
          stringWidth(text, { ambiguousIsNarrow: false }),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the fast path for a chart row (its width is its length)', () => {
    const row =
      '    1,703┤                ┗━━━━━━━━━━━━━━┓┄┄┄┄┄┄┄┄┄┄┄┄┄┄╮               1.00–1.05    7,928 ███████';
    expect(textWidth(row)).toBe(row.length);
    expect(stringWidth(row)).toBe(row.length);
  });
});
