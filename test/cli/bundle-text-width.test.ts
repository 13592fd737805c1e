import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { takesTextWidth } from '../../scripts/text-width.mjs';
import { ROOT } from '../helpers/cli.js';

// The dashboard's bundle, as the build leaves it (scripts/bundle.mjs): Ink measures its text with
// src/ui/text-width.ts (string-width with a fast path for the dashboard's glyphs), and nothing else does.
const UI = readFileSync(join(ROOT, 'dist/bundle/main.js'), 'utf8');

describe("the dashboard's bundle measures Ink's text with text-width", () => {
  it('Ink, widest-line and cli-truncate call textWidth, and string-width stays behind it', () => {
    expect(UI).toMatch(/function widestLine\(string\) \{[^}]*textWidth\(line\)/);
    expect(UI).toMatch(/getStringWidth\(text\) \{[^}]*cached = textWidth\(text\)/);
    expect(UI).toContain('const length = textWidth(text);');
    expect(UI).toMatch(/function textWidth\(text, options\) \{[^}]*return stringWidth\(text, options\);/);
  });

  it('the packages that get it, by path or by URL; not wrap-ansi, not the app itself', () => {
    for (const dir of ['ink/build', 'widest-line', 'cli-truncate']) {
      const file = join(ROOT, 'node_modules', dir, 'index.js');
      expect(takesTextWidth(file), file).toBe(true);
      expect(takesTextWidth(pathToFileURL(file).href), file).toBe(true);
    }
    expect(takesTextWidth(join(ROOT, 'node_modules/wrap-ansi/index.js'))).toBe(false);
    expect(takesTextWidth(join(ROOT, 'src/ui/text-width.ts'))).toBe(false);
    expect(takesTextWidth(undefined)).toBe(false);
  });
});
