import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { terminalStrings, terminalText } from '../../src/presets/describe.js';
import { loadPreset } from '../../src/presets/index.js';
import { Picker } from '../../src/ui/components/Picker.js';
import { openSession } from '../../src/ui/state/session.js';
import { themeFor } from '../../src/ui/theme.js';
import { liqloop, ROOT, tempFile } from '../helpers/cli.js';
import { liqloopHere } from '../cli/in-process.js';

afterEach(cleanup);

/** A terminal title change and a clipboard write: what issue 16 item 5 saw obeyed. */
const TITLE = '\u001b]2;owned\u0007';
const CLIPBOARD = '\u001b]52;c;cm0gLXJm\u0007';
/** Control characters except a newline (and a tab, which only lays text out). */
const controls = (text: string) =>
  [...text].filter((c) => c !== '\n' && c !== '\t' && /\p{Cc}|[\u202a-\u202e]/u.test(c));

/**
 * A user preset whose FILE NAME holds the escapes: the schema checks a preset's text, not its file's name,
 * so only the printer stands between this and the terminal (issue 16, item 5: the second guard).
 */
function evilFolder(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'liqloop-escape-'));
  const preset = JSON.parse(readFileSync(join(ROOT, 'presets/deep-pool.json'), 'utf8'));
  delete preset.$schema;
  const file = join(dir, `evil${TITLE}${CLIPBOARD}.json`);
  writeFileSync(file, JSON.stringify(preset));
  copyFileSync(file, join(dir, 'plain.json'));
  return { dir, file };
}

describe('one escape on the way to the terminal (issue 16, item 5)', () => {
  it('terminalText escapes every control and bidi character but line breaks and tabs', () => {
    expect(terminalText(`a${TITLE}\tb\nc\u202ed\u0085\r`)).toBe(
      'a\\u001b]2;owned\\u0007\tb\nc\\u202ed\\u0085\\u000d',
    );
    expect(terminalStrings({ [`k${TITLE}`]: [`v${TITLE}`, 1, null] })).toEqual({
      'k\\u001b]2;owned\\u0007': ['v\\u001b]2;owned\\u0007', 1, null],
    });
  });

  it('list, validate, run and error messages print a file name full of escapes escaped', () => {
    const { dir, file } = evilFolder();
    const env = { LIQLOOP_PRESETS: dir, XDG_CONFIG_HOME: join(dir, 'none') };
    const runs = [
      liqloop(['list'], { env }),
      liqloop(['validate', file]),
      liqloop(['run', file, '--rounds', '2']),
      liqloop(['run', file, '--set', 'shock.pct=-5']),
      liqloop(['run', `evil${TITLE}`], { env }),
    ];
    for (const r of runs) {
      expect(controls(r.stdout + r.stderr)).toEqual([]);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(runs[0]!.stdout).toContain('evil\\u001b]2;owned\\u0007\\u001b]52;c;cm0gLXJm\\u0007');
    expect(runs[1]!.stdout).toContain('evil\\u001b]2;owned\\u0007');
    expect(runs[1]!.status).toBe(0);
    expect(runs[2]!.status).toBe(0);
    expect(runs[3]!.status).toBe(1);
    expect(runs[3]!.stderr).toContain('evil\\u001b]2;owned');
  });

  it('the picker shows such an id, name, description and message escaped', () => {
    const theme = themeFor({ NO_COLOR: '1' });
    const entries = [
      { id: `evil${TITLE}`, name: `Name${CLIPBOARD}`, description: `Text\u202eevil` },
      { id: 'deep-pool', name: 'Deep pool', description: 'calm' },
    ];
    const { lastFrame } = render(
      <Picker
        entries={entries}
        highlighted={0}
        offset={0}
        message={`bad${TITLE}`}
        height={20}
        width={100}
        theme={theme}
      />,
    );
    const frame = lastFrame() ?? '';
    expect(frame).not.toContain('\u001b]');
    expect(frame).not.toContain('\u202e');
    expect(frame).toContain('evil\\u001b]2;owned\\u0007');
    expect(frame).toContain('Name\\u001b]52;c;cm0gLXJm\\u0007');
    expect(frame).toContain('bad\\u001b]2;owned');
  });

  it("the dashboard's session holds the preset's text escaped, the model unchanged", () => {
    const loaded = loadPreset('deep-pool');
    if (!loaded.ok) throw new Error('deep-pool does not load');
    // Past the schema: a preset object as no file could make it, text only the printer sees.
    const tampered = {
      ...loaded,
      id: `deep${TITLE}`,
      preset: {
        ...loaded.preset,
        name: `Deep${TITLE}`,
        asset: { ...loaded.preset.asset, symbol: `E${CLIPBOARD}` },
      },
    };
    const session = openSession(tampered);
    expect(session.id).toBe('deep\\u001b]2;owned\\u0007');
    expect(session.preset.name).toBe('Deep\\u001b]2;owned\\u0007');
    expect(session.preset.asset.symbol).toBe('E\\u001b]52;c;cm0gLXJm\\u0007');
    // A valid preset is unchanged by the escape.
    expect(openSession(loaded).preset).toEqual(loaded.preset);
  });

  it('messages quote names from the file escaped at the source too (found by npm run fuzz)', async () => {
    const preset = JSON.parse(readFileSync(join(ROOT, 'presets/median-oracle.json'), 'utf8'));
    delete preset.$schema;
    preset.venues[0].name = `dex\u009b31m\u202e`;
    const file = tempFile('venues.json', preset);
    // In process, with nothing between the message and the capture: the message itself is escaped.
    const result = await liqloopHere(['validate', file]);
    expect(result.status).toBe(1);
    expect(controls(result.stderr)).toEqual([]);
    expect(result.stderr).toContain('"dex\\u009b31m\\u202e"');
  });
});
