// The what-if panel as a modal form, the footer and help of each screen, and status messages that
// expire, read in a real pseudo-terminal at 80×24 and 120×36.
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers/cli.js';
import { KEY } from '../helpers/ink.js';
import { killAll, spawnInPty, type PtyScreen } from '../helpers/pty.js';

const START_MS = 30_000;
const SIZES = [
  { cols: 80, rows: 24 },
  { cols: 120, rows: 36 },
] as const;
const CTRL_S = '\x13';

afterEach(() => killAll());

/** The last non-empty line on screen: the footer's keys. */
const footer = (screen: string) =>
  screen
    .split('\n')
    .filter((l) => l.trim() !== '')
    .at(-1) ?? '';
/** Lets the app read a key on its own (Esc then y written at once would arrive as Alt-y). */
const pause = () => new Promise((r) => setTimeout(r, 150));

describe.each(SIZES)('at $cols×$rows', ({ cols, rows }) => {
  const open = async (args: string[]) => {
    const s = spawnInPty(process.execPath, [CLI, ...args], { cwd: ROOT, cols, rows });
    await s.waitFor(args.length ? 'Round 0' : 'pick a preset', START_MS);
    return s;
  };
  const fits = (screen: string) => {
    for (const line of screen.split('\n')) expect([...line].length).toBeLessThanOrEqual(cols);
  };
  const quit = async (s: PtyScreen, key = 'q') => {
    s.write(key);
    expect((await s.waitForExit()).exitCode).toBe(0);
  };

  it('the panel is modal: q is typed, refused text stays selected, Esc twice asks before discarding', async () => {
    const s = await open(['thin-pool']);
    s.write('e');
    await s.waitFor('What if');
    s.write('q');
    await s.waitFor('q▏');
    expect(s.done).toBe(false);
    s.write(KEY.enter);
    let screen = await s.waitFor('refused: shock.pct: expected a number, got "q"');
    // The refused text stays on screen, without a cursor: the next key types over it.
    expect(screen).toMatch(/▶ shock size +q +│/);
    s.write('0.3');
    await s.waitFor('0.3▏');
    s.write(KEY.enter);
    await s.waitFor('30.0%  (was 10.0%)');
    s.write(KEY.down + KEY.right);
    await s.waitFor('3,750,000 USD  (was 3,000,000 USD)');
    // Esc with nothing typed asks; n keeps editing; Esc again asks, y discards and closes.
    s.write(KEY.escape);
    screen = await s.waitFor(
      (t) =>
        t.includes('discard 2 unapplied edits? y/n') &&
        /^y discard the changes {2}n\/Esc keep editing {2}Ctrl-C quit$/.test(footer(t)),
    );
    await pause();
    s.write('n');
    await s.waitFor((t) => !t.includes('discard 2'));
    expect(await s.text()).toContain('30.0%  (was 10.0%)');
    s.write(KEY.escape);
    await s.waitFor('discard 2 unapplied edits? y/n');
    await pause();
    s.write('y');
    screen = await s.waitFor((t) => !t.includes('What if') && t.includes('Round 0'));
    expect(screen).not.toContain('Variant');
    await quit(s);
  });

  it('Esc clears a typed value first; Ctrl-S sweeps the selected lever; Ctrl-C quits', async () => {
    const s = await open(['thin-pool']);
    s.write('e');
    await s.waitFor('What if');
    s.write('12');
    await s.waitFor('12▏');
    s.write(KEY.escape);
    // The footer says Enter runs again (not "Enter set"): nothing is typed.
    const screen = await s.waitFor(
      (t) => !t.includes('12▏') && /^Enter run .*\? help {2}Ctrl-C quit$/.test(footer(t)),
    );
    expect(screen).toContain('▶ shock size               10.0%');
    // Ctrl-S sweeps the selected lever (s would be typed).
    s.write(KEY.down + CTRL_S);
    await s.waitFor(/Sweeping market depth|against market depth/);
    await quit(s, KEY.ctrlC);
  });

  it('every footer fits, with help and quit kept: dashboard, variant, what-if, sweep, picker', async () => {
    const s = await open(['thin-pool']);
    /** Waits for the footer to match (a frame is written in several chunks), then checks the screen fits. */
    const footerFor = async (match: RegExp) => {
      const screen = await s.waitFor((t) => match.test(footer(t)));
      fits(screen);
      return screen;
    };
    await footerFor(/^space\/→ next .*\? help {2}q quit$/);
    s.write('e');
    await footerFor(/^Enter run {2}Esc close .*\? help {2}Ctrl-C quit$/);
    // The help line of the selected lever: its unit and range, from the schema.
    s.write(KEY.down);
    await s.waitFor('from 1e-6 to 1e15 USD');
    s.write(KEY.right + KEY.enter);
    const variant = await footerFor(/^k keep {2}x drop .*\? help {2}q quit$/);
    expect(variant).toContain('Variant: ');
    s.write('s');
    await footerFor(/^Esc close sweep .*\? help {2}q quit$/);
    s.write(KEY.escape);
    await footerFor(/^k keep {2}x drop .*\? help {2}q quit$/);
    s.write(KEY.escape);
    const picker = await footerFor(
      /^↑\/↓ choose {2}\/ filter {2}Enter open {2}PgUp\/PgDn page {2}Home\/End ends {2}\? help {2}q quit$/,
    );
    // The keys are in the footer alone: the line under the title is no longer a second list of them.
    expect(picker.split('\n').filter((l) => l.includes('Enter open'))).toHaveLength(1);
    // Filtering: q is typed, so Ctrl-C quits; ? still opens the help.
    s.write('/');
    await footerFor(/^type to filter .*Esc clear .*\? help {2}Ctrl-C quit$/);
    s.write('?');
    await s.waitFor('Keys on the picker');
    s.write(KEY.escape);
    await s.waitFor((t) => !t.includes('Keys on') && t.includes('/ ▏'));
    await quit(s, KEY.ctrlC);
  });

  it('help fits the screen, lists the screen’s own keys first, and scrolls', async () => {
    const s = await open([]);
    s.write('?');
    const drawn = (title: string) => (t: string) => t.includes(title) && /╰─+╯/.test(t);
    let screen = await s.waitFor(drawn('Keys on the picker'));
    fits(screen);
    let lines = screen.split('\n');
    expect(lines.some((l) => l.trimStart().startsWith('╭'))).toBe(true);
    expect(lines.some((l) => l.trimStart().startsWith('╰'))).toBe(true);
    expect(screen).toContain('│ Picker');
    expect(screen).not.toContain('autoplay');
    s.write(KEY.escape);
    await s.waitFor((t) => !t.includes('Keys on the picker'));
    s.write(KEY.enter);
    await s.waitFor('Round 0', START_MS);
    s.write('e');
    await s.waitFor('What if');
    s.write('?');
    screen = await s.waitFor(drawn('Keys on the what-if panel'));
    fits(screen);
    lines = screen.split('\n');
    expect(lines.some((l) => l.trimStart().startsWith('╰'))).toBe(true);
    for (const key of ['Ctrl-S', 'Backspace', 'Esc']) expect(screen).toContain(`│ ${key} `);
    // A wrapped description goes on under its own column, never at the border.
    const inside = lines.filter((l) => /^ *│/.test(l)).map((l) => l.replace(/^ *│ /, ''));
    expect(inside.filter((l) => /^ {13}\S/.test(l)).length).toBeGreaterThan(0);
    if (rows === 24) {
      expect(screen).toMatch(/↓ \d+ more/);
      s.write(KEY.down.repeat(3));
      await s.waitFor(/↑ 3 more/);
    }
    expect(screen).toContain('Ctrl-C');
    s.write(KEY.escape);
    await s.waitFor((t) => !t.includes('Keys on'));
    await quit(s, KEY.ctrlC);
  });

  it('a status message has its own line and goes by the third key after it, or after 4 s', async () => {
    const s = await open(['thin-pool']);
    s.write('w');
    let screen = await s.waitFor('no variant to write');
    const lines = screen.split('\n').filter((l) => l.trim() !== '');
    expect(lines.at(-2)).toMatch(/^no variant to write: press e, change a lever, Enter$/);
    expect(footer(screen)).toMatch(/q quit$/);
    // Gone by the third key after it (sooner if its four seconds pass first: the unit tests count keys).
    s.write('nnn');
    await s.waitFor((t) => t.includes('Round 3') && !t.includes('no variant to write'));
    // …or after four seconds, and never into the picker.
    s.write('w');
    await s.waitFor('no variant to write');
    await s.waitFor((t) => !t.includes('no variant to write'), 10_000);
    s.write('w');
    await s.waitFor('no variant to write');
    s.write(KEY.escape);
    screen = await s.waitFor('pick a preset');
    expect(screen).not.toContain('no variant to write');
    await quit(s);
  });
});
