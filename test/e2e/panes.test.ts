// The dashboard's bottom pane in a real pseudo-terminal at 80×24 and 120×36: the liquidation log and the
// record take the keys (Tab), scroll (PgUp/PgDn, j/k, g/G), and Enter on a log line goes to its round.
import { afterEach, describe, expect, it } from 'vitest';
import { Timeline } from '../../src/engine/index.js';
import { loadPreset } from '../../src/presets/index.js';
import { logLength, logLines } from '../../src/ui/helpers/log.js';
import { CLI, ROOT } from '../helpers/cli.js';
import { KEY } from '../helpers/ink.js';
import { killAll, spawnInPty, type PtyOptions, type PtyScreen } from '../helpers/pty.js';

/** The first frame needs Node, Ink and React loaded: allow for a busy machine. */
const START_MS = 15000;
const SIZES = [
  { cols: 80, rows: 24 },
  { cols: 120, rows: 36 },
] as const;

const app = (args: string[], options: PtyOptions) =>
  spawnInPty(process.execPath, [CLI, ...args], { cwd: ROOT, ...options });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const roundShown = (screen: string) => Number(/Round (\d+)/.exec(screen)?.[1] ?? NaN);
const quit = async (s: PtyScreen) => {
  s.write('q');
  expect((await s.waitForExit()).exitCode).toBe(0);
};

/** A pane's title line, its position (`↑ 6–10 of 42 lines ↓`) read as numbers, and the rows under it. */
function pane(screen: string, title: string) {
  const lines = screen.split('\n');
  const at = lines.findIndex((l) => l.includes(title));
  const line = lines[at] ?? '';
  const position = /(↑ )?([\d,]+)–([\d,]+) of ([\d,]+) lines( ↓)?/.exec(line);
  const n = (i: number) => Number(position?.[i]?.replace(/,/g, '') ?? NaN);
  // The rows from the title to the footer (the last line with text).
  let end = lines.length - 1;
  while (end > 0 && lines[end]!.trim() === '') end--;
  return {
    focused: line.startsWith('▶ '),
    from: n(2),
    to: n(3),
    total: n(4),
    up: position?.[1] !== undefined,
    down: position?.[5] !== undefined,
    rows: lines.slice(at + 1, end),
  };
}
/** A row as drawn: the line, or (cut to the width) its beginning and an ellipsis. */
const drawn = (row: string | undefined, text: string) =>
  row === text || (row !== undefined && row.endsWith('…') && text.startsWith(row.slice(0, -1)));
/** The last line with text: the footer's keys. */
const footer = (screen: string) =>
  screen
    .split('\n')
    .filter((l) => l.trim() !== '')
    .at(-1) ?? '';
const LOG = 'Liquidations, newest first';
const RECORD = 'Against the record';

afterEach(() => {
  killAll();
});

for (const size of SIZES) {
  describe(`the bottom pane at ${size.cols}×${size.rows}`, () => {
    it('the log takes the keys (Tab, marked ▶), scrolls a true window of it, and Enter goes to a round', async () => {
      const loaded = loadPreset('gain-below-one');
      if (!loaded.ok) throw new Error('gain-below-one did not load');
      const timeline = new Timeline(loaded.preset);
      const last = timeline.finish();
      const { symbol, quote } = loaded.preset.asset;
      // The log as the app draws it: each round's total wrapped to the terminal's width.
      const total = logLength(timeline, last, size.cols);
      const whole = logLines(timeline, last, total, symbol, quote, 0, size.cols);
      const s = app(['gain-below-one'], size);
      await s.waitFor('Round 0', START_MS);
      s.write(KEY.end);
      let screen = await s.waitFor((t) => roundShown(t) === last && pane(t, LOG).total === total);
      expect(pane(screen, LOG).focused).toBe(false);
      expect(screen).toContain('Tab: scroll');

      expect(footer(screen)).toMatch(/^space\/→ next .*\? help {2}q quit$/);
      s.write(KEY.tab);
      // The footer follows the focus: the pane's moves, and how to give the keys back.
      screen = await s.waitFor(
        (t) =>
          pane(t, LOG).focused && /^↑\/↓ j\/k line .*Tab\/Esc done {2}\? help {2}q quit$/.test(footer(t)),
      );
      expect(screen).toContain('Enter: that round');
      expect(footer(screen)).toContain('Enter go to round');
      // PgDn twice: the highlight to the window's last row, then a page on; the rows are the log's own.
      s.write(KEY.pageDown);
      await pause(200);
      s.write(KEY.pageDown);
      // (Conditions are waited for, not read once: a frame may reach the terminal in more than one write.)
      const trueWindow = (t: string) => {
        const log = pane(t, LOG);
        return (
          log.up &&
          log.total === total &&
          log.from > 1 &&
          log.rows.length === log.to - log.from + 1 &&
          drawn(log.rows[0], whole[log.from - 1]!.text) &&
          drawn(log.rows.at(-2), whole[log.to - 2]!.text)
        );
      };
      await s.waitFor(trueWindow);
      s.write('g');
      screen = await s.waitFor((t) => pane(t, LOG).from === 1 && !pane(t, LOG).up);
      s.write('G');
      await s.waitFor((t) => {
        const log = pane(t, LOG);
        return log.to === total && !log.down && drawn(log.rows.at(-1), whole.at(-1)!.text);
      });
      // j down to the fourth round's total, Enter: the header shows that round, the log starts there.
      s.write('g');
      await s.waitFor((t) => pane(t, LOG).from === 1);
      const target = whole.map((l, i) => ({ ...l, i })).filter((l) => l.kind === 'round')[3]!;
      s.write('j'.repeat(target.i));
      await pause(300);
      s.write(KEY.enter);
      await s.waitFor((t) => {
        const log = pane(t, LOG);
        return (
          roundShown(t) === target.round &&
          drawn(log.rows[0], target.text) &&
          log.total === logLength(timeline, target.round, size.cols)
        );
      });
      // Esc gives the keys back (and stays on the dashboard); Esc again goes to the picker.
      s.write(KEY.escape);
      screen = await s.waitFor((t) => !pane(t, LOG).focused);
      expect(screen).toMatch(/Round \d/);
      s.write(KEY.escape);
      await s.waitFor('pick a preset');
      await quit(s);
    }, 120_000);

    it('the record scrolls to its last line instead of cutting it', async () => {
      const s = app(['black-thursday-2020'], size);
      await s.waitFor('Round 0', START_MS);
      s.write(KEY.end);
      await s.waitFor(/Round (\d+) of \1/);
      s.write('h');
      let screen = await s.waitFor(
        (t) => pane(t, RECORD).total > 0 && footer(t).startsWith('h close record'),
      );
      // The record takes e like the dashboard, and its footer says so.
      expect(footer(screen)).toMatch(/ e what-if .*\? help {2}q quit$/);
      let record = pane(screen, RECORD);
      // Longer than its rows at either size: it says which lines show and that more follow.
      expect(record.from).toBe(1);
      expect(record.down).toBe(true);
      expect(screen).not.toContain('a taller terminal');
      const top = record.rows[0];
      // Tab, then G: the last line. The robust reruns add lines as they finish, so G again until it holds.
      s.write(KEY.tab);
      screen = await s.waitFor((t) => pane(t, RECORD).focused && footer(t).startsWith('↑/↓ j/k line'));
      // The record has no line to go to: no Enter in its footer.
      expect(footer(screen)).not.toContain('Enter');
      const deadline = Date.now() + 60_000;
      for (;;) {
        s.write('G');
        await pause(400);
        screen = await s.text();
        record = pane(screen, RECORD);
        if (record.to === record.total && !screen.includes('running in the background')) break;
        if (Date.now() > deadline) throw new Error(`the record did not reach its last line:\n${screen}`);
      }
      expect(record.up).toBe(true);
      expect(record.down).toBe(false);
      expect(record.rows).not.toContain(top);
      expect(record.rows.at(-1)!.trim()).not.toBe('');
      // PgUp goes back a page; g to the top.
      s.write(KEY.pageUp);
      screen = await s.waitFor((t) => pane(t, RECORD).to < record.total);
      // g to the top: the first line again (its text may have changed: the loop's share, which the record
      // shows first, fills in when the background reruns finish).
      s.write('g');
      await s.waitFor((t) => pane(t, RECORD).from === 1 && !pane(t, RECORD).up);
      await quit(s);
    }, 120_000);
  });
}
