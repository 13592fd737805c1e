import { writeSync } from 'node:fs';
import { constants } from 'node:os';
import type { Instance } from 'ink';

const ENTER_ALTERNATE_SCREEN = '\x1b[?1049h\x1b[2J\x1b[H';
const LEAVE_ALTERNATE_SCREEN = '\x1b[?25h\x1b[?1049l';

/**
 * Runs an Ink app on the alternate screen and gives the user's screen back on every way out: quit,
 * Ctrl-C, a signal, a crash. Ink 6 has no alternate-screen option, and its signal handler re-raises
 * the signal without an 'exit' event, so this installs its own handlers.
 */
export async function runFullScreen(start: () => Instance): Promise<void> {
  let active = false;
  // Set once the app starts; the handlers below may run before that.
  let instance: Instance | undefined = undefined;
  const leave = () => {
    if (!active) return;
    active = false;
    try {
      if (process.stdin.isTTY) process.stdin.setRawMode(false);
      writeSync(1, LEAVE_ALTERNATE_SCREEN);
    } catch {
      // stdout is gone: nothing to restore.
    }
  };
  const stop = () => {
    try {
      instance?.unmount();
    } catch {
      // already unmounted
    }
    leave();
  };
  const crash = (error: unknown) => {
    stop();
    process.stderr.write(
      `liqloop: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n` +
        'This is a bug in liqloop; please report it with the command you ran.\n',
    );
    process.exit(70);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    stop();
    process.exit(128 + (constants.signals[signal] ?? 0));
  };
  // Raw mode before the first byte, not from Ink's first effect: a key pressed while the first frame is
  // drawn (Ctrl-C included) waits for the app as a key instead of the terminal turning it into SIGINT.
  if (process.stdin.isTTY) process.stdin.setRawMode(true);
  active = true;
  process.on('exit', leave);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, onSignal);
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  process.stdout.write(ENTER_ALTERNATE_SCREEN);
  instance = start();
  try {
    await instance.waitUntilExit();
  } catch (error) {
    crash(error);
  } finally {
    leave();
  }
}
