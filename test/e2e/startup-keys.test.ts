// A key pressed while the first frame is being drawn belongs to the app: raw mode is on from the first
// byte (src/ui/full-screen.ts), not from Ink's first effect, so Ctrl-C then is the app's quit key (exit 0,
// the screen given back) rather than the terminal's SIGINT (exit 130).
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers/cli.js';
import { KEY } from '../helpers/ink.js';
import { killAll, spawnInPty } from '../helpers/pty.js';

afterEach(() => killAll());

describe('keys at start-up', () => {
  it('Ctrl-C sent the moment the app takes the screen (before its first frame) quits with 0', async () => {
    for (let i = 0; i < 3; i++) {
      const s = spawnInPty(process.execPath, [CLI], { cwd: ROOT, cols: 80, rows: 24 });
      let sent = false;
      s.pty.onData(() => {
        // The first thing the app writes is the switch to the alternate screen; raw mode is on before it.
        if (sent || !s.raw().includes('\x1b[?1049h')) return;
        sent = true;
        s.write(KEY.ctrlC);
      });
      const exit = await s.waitForExit(20_000);
      expect(sent).toBe(true);
      expect(exit.exitCode).toBe(0);
      expect(exit.signal ?? 0).toBe(0);
      // The screen is given back.
      expect(s.raw()).toContain('\x1b[?1049l');
    }
  }, 60_000);
});
