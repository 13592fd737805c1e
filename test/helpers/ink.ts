// Helpers for ink-testing-library (Ink 6.8, React 19). A key written to stdin reaches `useInput` at once,
// but React renders the update one macrotask later and runs effects (re-subscribing `useInput`) one after that.
import { EventEmitter } from 'node:events';
import { render as inkRender } from 'ink';
import type { ReactElement } from 'react';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Lets React render pending updates and run their effects (two macrotasks, plus one of slack). */
export async function settle(n = 3): Promise<void> {
  for (let i = 0; i < n; i++) await tick();
}

/** Writes each chunk to stdin as one read (so 'nnn' arrives as one chunk), settling after each. */
export async function press(stdin: { write(data: string): void }, ...chunks: string[]): Promise<void> {
  for (const chunk of chunks) {
    stdin.write(chunk);
    await settle();
  }
}

/** Polls `lastFrame` until it contains `match` (or `match(frame)` holds); throws with the frame on timeout. */
export async function waitForFrame(
  lastFrame: () => string | undefined,
  match: string | RegExp | ((frame: string) => boolean),
  timeoutMs = 2000,
): Promise<string> {
  const test =
    typeof match === 'string'
      ? (f: string) => f.includes(match)
      : match instanceof RegExp
        ? (f: string) => match.test(f)
        : match;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = lastFrame() ?? '';
    if (test(frame)) return frame;
    if (Date.now() > deadline) throw new Error(`no frame matched ${String(match)}; last frame:\n${frame}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Keys as terminals send them. */
export const KEY = {
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  home: '\x1b[H',
  end: '\x1b[F',
  pageUp: '\x1b[5~',
  pageDown: '\x1b[6~',
  tab: '\t',
  backspace: '\x7f',
  escape: '\x1b',
  enter: '\r',
  ctrlC: '\x03',
} as const;

/** A terminal-sized fake stdout: ink-testing-library's has 100 columns and no rows. */
class FakeStdout extends EventEmitter {
  readonly isTTY = false;
  readonly frames: string[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (frame: string) => {
    this.frames.push(frame);
    return true;
  };
  lastFrame = () => this.frames.at(-1);
  /** Resizes the terminal as a SIGWINCH would. */
  resize(columns: number, rows: number) {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  private data: string | null = null;
  write = (data: string) => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = () => {
    const data = this.data;
    this.data = null;
    return data;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

/**
 * Renders like ink-testing-library (debug mode: every frame written whole), but in a terminal of
 * `columns`×`rows` and with Ink's own instance, so that a test can await `waitUntilExit`.
 */
export function renderSized(tree: ReactElement, columns: number, rows: number) {
  const stdout = new FakeStdout(columns, rows);
  const stdin = new FakeStdin();
  const instance = inkRender(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: new FakeStdout(columns, rows) as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return { instance, stdout, stdin, lastFrame: stdout.lastFrame, frames: stdout.frames };
}
