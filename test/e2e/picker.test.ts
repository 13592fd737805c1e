// The picker in a real pseudo-terminal at both sizes the app promises: headings as in `liqloop list`, the
// count and the scroll marks, the filter typed after `/`, the paging keys, and the user's own presets.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KIND_TITLES, catalogue, loadLibrary, userPresetDirs, userTitle } from '../../src/presets/index.js';
import { matchingEntries } from '../../src/ui/helpers/picker-rows.js';
import { CLI, ROOT } from '../helpers/cli.js';
import { KEY } from '../helpers/ink.js';
import { killAll, spawnInPty, type PtyOptions, type PtyScreen } from '../helpers/pty.js';

/** The first frame needs Node, Ink and React loaded: allow for a busy machine. */
const START_MS = 15000;
const SIZES = [
  { cols: 80, rows: 24 },
  { cols: 120, rows: 36 },
] as const;
const entries = catalogue(loadLibrary());
const ids = entries.map((e) => e.id);
const total = entries.length;

const app = (options: PtyOptions) =>
  spawnInPty(process.execPath, [CLI], {
    cwd: ROOT,
    ...options,
    // No user presets from the machine running the tests.
    env: {
      LIQLOOP_PRESETS: '',
      XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'liqloop-xdg-')),
      ...options.env,
    },
  });

/** The id on a list row (after the mark and any indent), or undefined for a heading or another line. */
const idOn = (line: string) => /^[❯ ] {1,3}([a-z0-9-]+) {2,}\S/.exec(line)?.[1];
const listed = (screen: string) =>
  screen
    .split('\n')
    .map(idOn)
    .filter((id): id is string => id !== undefined && ids.includes(id));
const highlightedOn = (screen: string) => /^❯ +([a-z0-9-]+) /m.exec(screen)?.[1];
const countOf = (screen: string) => /(\d+) of (\d+)/.exec(screen.split('\n')[0]!)?.slice(1).map(Number);
const quit = async (s: PtyScreen) => {
  s.write(KEY.ctrlC);
  expect((await s.waitForExit()).exitCode).toBe(0);
};

afterEach(() => {
  killAll();
});

for (const size of SIZES) {
  describe(`the picker at ${size.cols}×${size.rows}`, () => {
    it('headings as in liqloop list, a count, and a mark for the presets below; paging keys move', async () => {
      const s = app(size);
      const first = await s.waitFor('pick a preset', START_MS);
      const lines = first.split('\n');
      expect(lines.length).toBe(size.rows);
      expect(countOf(first)).toEqual([1, total]);
      expect(lines).toContain(KIND_TITLES.history);
      expect(highlightedOn(first)).toBe(ids[0]);
      // The rows shown are the catalogue's first, in its order; the mark counts the rest.
      const shown = listed(first);
      expect(shown).toEqual(ids.slice(0, shown.length));
      expect(shown.length).toBeGreaterThanOrEqual(size.rows === 24 ? 7 : 14);
      expect(first).toContain(`↓ ${total - shown.length} more`);
      expect(first).not.toMatch(/↑ \d/);
      // No wrapped description line starts with a space.
      const box = lines.filter((l) => l.startsWith('│'));
      expect(box.length).toBeGreaterThanOrEqual(3);
      for (const line of box) expect(line).toMatch(/^│ \S/);

      // j/k and ↓/↑ one at a time; PgDn a page less one row; End and Home the ends; g/G too.
      s.write('j');
      await s.waitFor((t) => countOf(t)?.[0] === 2);
      s.write('k');
      await s.waitFor((t) => countOf(t)?.[0] === 1);
      s.write(KEY.pageDown);
      // A frame can reach the screen in more than one write: wait for the whole of it (the count, then
      // the row it names highlighted), not for its first line.
      const paged = await s.waitFor(
        (t) => (countOf(t)?.[0] ?? 1) > 2 && highlightedOn(t) === ids[countOf(t)![0]! - 1],
      );
      const at = countOf(paged)![0]!;
      expect(highlightedOn(paged)).toBe(ids[at - 1]);
      expect(listed(paged)).toContain(ids[at - 1]);
      s.write(KEY.pageUp);
      await s.waitFor((t) => countOf(t)?.[0] === 1);
      s.write(KEY.end);
      const end = await s.waitFor((t) => countOf(t)?.[0] === total && highlightedOn(t) === ids.at(-1));
      expect(highlightedOn(end)).toBe(ids.at(-1));
      expect(end).toContain(`↑ ${total - listed(end).length} more`);
      expect(end).not.toMatch(/↓ \d/);
      s.write(KEY.home);
      await s.waitFor((t) => countOf(t)?.[0] === 1 && !/↑ \d/.test(t));
      s.write('G');
      await s.waitFor((t) => countOf(t)?.[0] === total);
      s.write('g');
      await s.waitFor((t) => countOf(t)?.[0] === 1);
      await quit(s);
    });

    it('/ filters by id, name or description, live; set headings stay, the base first; Esc clears', async () => {
      const s = app(size);
      await s.waitFor('pick a preset', START_MS);
      s.write('/perps');
      const perps = await s.waitFor('/ perps▏');
      const kept = matchingEntries(entries, 'perps').map((i) => ids[i]!);
      expect(countOf(perps)).toEqual([1, kept.length]);
      expect(perps).toContain(`matching (${total} presets)`);
      // The insurance-fund set under its heading, the preset it varies before the empty fund.
      s.write(KEY.end);
      const set = await s.waitFor((t) => countOf(t)?.[0] === kept.length);
      const rows = set.split('\n');
      const heading = rows.findIndex((l) => l === '  Insurance fund: full vs empty, sliced');
      expect(heading).toBeGreaterThan(rows.indexOf(KIND_TITLES.lesson));
      const base = rows.findIndex((l) => idOn(l) === 'perps-long-cascade');
      const variant = rows.findIndex((l) => idOn(l) === 'perps-fund-empty');
      expect(base).toBe(heading + 1);
      expect(variant).toBeGreaterThan(base);
      // q is typed into the filter, not a quit: nothing matches, and the list says so.
      s.write('q');
      const none = await s.waitFor('No preset matches');
      expect(none).toContain('/ perpsq▏');
      expect(listed(none)).toEqual([]);
      s.write(KEY.backspace);
      await s.waitFor('/ perps▏');
      // Esc clears the filter: every preset again, the highlight where it was.
      s.write(KEY.escape);
      const cleared = await s.waitFor((t) => countOf(t)?.[1] === total && !t.includes('▏'));
      expect(highlightedOn(cleared)).toBe(kept.at(-1));
      // A word of the description alone finds a preset; Enter opens the highlighted one.
      s.write('/230M LUNA');
      const luna = await s.waitFor((t) => countOf(t)?.[1] === 1);
      expect(highlightedOn(luna)).toBe('luna-oracle-floor-2022');
      s.write(KEY.enter);
      await s.waitFor(/Round 0/);
      await quit(s);
    });
  });
}

describe('the picker with the user’s own presets', () => {
  it('lists them last, under their own heading', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'liqloop-user-'));
    const own = JSON.parse(readFileSync(join(ROOT, 'presets', 'deep-pool.json'), 'utf8'));
    writeFileSync(join(folder, 'my-deep-pool.json'), JSON.stringify({ ...own, name: 'My deep pool' }));
    const xdg = mkdtempSync(join(tmpdir(), 'liqloop-xdg-'));
    const s = app({ ...SIZES[0], env: { LIQLOOP_PRESETS: folder, XDG_CONFIG_HOME: xdg } });
    await s.waitFor('pick a preset', START_MS);
    s.write(KEY.end);
    const end = await s.waitFor((t) => countOf(t)?.[0] === total + 1);
    const rows = end.split('\n');
    // The heading names the folders the app read: the one given, then XDG_CONFIG_HOME's (cut to fit, …).
    const title = userTitle(userPresetDirs({ LIQLOOP_PRESETS: folder, XDG_CONFIG_HOME: xdg }));
    expect(title).toBe(`Your presets: ${folder}, then ${join(xdg, 'liqloop', 'presets')}`);
    const heading = rows.findIndex((l) => l.startsWith(title.slice(0, SIZES[0].cols - 2)));
    expect(heading, end).toBeGreaterThan(0);
    expect(rows[heading + 1]).toMatch(/^❯ {1,3}my-deep-pool +My deep pool/);
    expect(end).toContain('Your preset');
    await quit(s);
  });
});
