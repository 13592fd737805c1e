import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers/cli.js';
import { liqloopHere } from '../cli/in-process.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'liqloop-signal-'));

/** A preset whose `run --json` is tens of megabytes: a 30,000-round path (issue 16, item 11). */
function longRunPreset(dir: string): string {
  const preset = JSON.parse(readFileSync(join(ROOT, 'presets/path-replay.json'), 'utf8'));
  const prices = Array.from(
    { length: 30_000 },
    (_, i) => +(194.97 * (1 + 0.3 * Math.sin(i / 50))).toFixed(4),
  );
  preset.path = { prices, follow: 1 };
  preset.rounds = 30_000;
  preset.generate.count = 100;
  delete preset.$schema;
  const file = join(dir, 'long.json');
  writeFileSync(file, JSON.stringify(preset));
  return file;
}

/**
 * Runs `liqloop run FILE --out DIR/out.json`, sends `signal` as soon as the temporary file has bytes in it
 * (the write is under way), and resolves to how the process ended and what the folder holds after.
 */
function interruptWrite(signal: NodeJS.Signals) {
  const dir = freshDir();
  const presetFile = longRunPreset(dir);
  const out = join(dir, 'out');
  return new Promise<{ signal: string | null; code: number | null; left: string[]; sent: boolean }>(
    (resolve) => {
      mkdirSync(out);
      const child = spawn(process.execPath, [CLI, 'run', presetFile, '--out', join(out, 'run.json')], {
        stdio: 'ignore',
      });
      let sent = false;
      const poll = setInterval(() => {
        const temp = readdirSync(out).find((f) => f.endsWith('.tmp'));
        if (!temp || sent) return;
        try {
          if (readFileSync(join(out, temp)).length === 0) return;
        } catch {
          return;
        }
        sent = true;
        child.kill(signal);
      }, 1);
      child.on('exit', (code, sig) => {
        clearInterval(poll);
        resolve({ code, signal: sig, left: readdirSync(out), sent });
      });
    },
  );
}

describe('--out under signals (issue 16, item 11)', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s during the write removes the temporary file and leaves no partial target',
    async (signal) => {
      const result = await interruptWrite(signal);
      expect(result.sent).toBe(true);
      // No temporary file, whenever the signal landed.
      expect(result.left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
      if (result.signal !== null) {
        // Stopped by the signal itself (exit 130 / 143 in a shell), and nothing half-written in place.
        expect(result.signal).toBe(signal);
        expect(result.left).toEqual([]);
      } else {
        // The signal came as the last byte went out: the write finished, whole.
        expect(result.code).toBe(0);
        expect(result.left).toEqual(['run.json']);
      }
    },
    120_000,
  );
});

describe('--out refused before the run (issue 16, item 11)', () => {
  it('a name too long for its temporary file is refused before the computation, saying so', async () => {
    const dir = freshDir();
    // 240 bytes: a legal file name, but .NAME.PID.RANDOM.tmp would pass the 255-byte limit.
    const file = join(dir, `${'x'.repeat(235)}.json`);
    const result = await liqloopHere(['run', 'thin-pool', '--out', file]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `liqloop: cannot write ${file}: the name is too long (at most 229 bytes, as liqloop writes a temporary file beside it first)\n`,
    );
    expect(readdirSync(dir)).toEqual([]);
    // A name over 255 bytes altogether gets the same message.
    const longer = join(dir, `${'y'.repeat(300)}.csv`);
    expect((await liqloopHere(['run', 'thin-pool', '--out', longer])).stderr).toMatch(/the name is too long/);
    // At the limit it is written.
    const fits = join(dir, `${'z'.repeat(224)}.json`);
    expect((await liqloopHere(['run', 'thin-pool', '--out', fits])).status).toBe(0);
    expect(readdirSync(dir)).toEqual([`${'z'.repeat(224)}.json`]);
  });

  it.runIf(existsSync('/proc/self'))(
    '--out /proc/x.json says the folder takes no files, not that it does not exist',
    async () => {
      const result = await liqloopHere(['run', 'thin-pool', '--out', '/proc/x.json']);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(
        'liqloop: cannot write /proc/x.json: cannot create files in /proc (not a directory that holds ordinary files, like /proc)\n',
      );
      expect(result.stderr).not.toMatch(/does not exist/);
    },
  );
});
