// End-to-end harness: runs a program in a real pseudo-terminal (node-pty) and reads the screen it draws
// through a headless xterm (@xterm/headless), as a user would see it.
import process from 'node:process';
import { spawn, type IPty } from 'node-pty';
// A CommonJS package: its named `Terminal` export is undefined under ESM, the default import is not.
import xterm from '@xterm/headless';

export interface PtyExit {
  readonly exitCode: number;
  readonly signal?: number;
}

export interface PtyScreen {
  readonly pty: IPty;
  /** Resolves when the child exits. */
  readonly exited: Promise<PtyExit>;
  /** Whether the child has exited. */
  readonly done: boolean;
  write(data: string): void;
  /** The visible rows of the active buffer, right-trimmed. */
  lines(): Promise<string[]>;
  text(): Promise<string>;
  /** Polls the screen until `match` holds; throws with the screen after `timeoutMs`. */
  waitFor(match: string | RegExp | ((screen: string) => boolean), timeoutMs?: number): Promise<string>;
  /** Waits for the child to exit; throws with the screen after `timeoutMs`. */
  waitForExit(timeoutMs?: number): Promise<PtyExit>;
  bufferType(): Promise<'normal' | 'alternate'>;
  resize(cols: number, rows: number): void;
  /** Every byte the child wrote. */
  raw(): string;
  /** Kills the child unless it has exited. */
  kill(signal?: string): void;
}

export interface PtyOptions {
  readonly cols?: number;
  readonly rows?: number;
  readonly cwd?: string;
  /** Added to (and overriding) the parent's environment. */
  readonly env?: Record<string, string>;
  /** Sets NO_COLOR=1 in the child. */
  readonly noColor?: boolean;
}

const live = new Set<PtyScreen>();

/** How long the output must pause before a matching screen is taken as a whole frame (`waitFor`). */
const SETTLE_MS = 30;
const SETTLE_MAX_MS = 300;

/** Kills every child still running; call it in `afterEach`. */
export function killAll(): void {
  for (const screen of live) screen.kill('SIGKILL');
  live.clear();
}

export function spawnInPty(file: string, args: readonly string[], options: PtyOptions = {}): PtyScreen {
  const cols = options.cols ?? 100;
  const rows = options.rows ?? 30;
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, TERM: 'xterm-256color', ...options.env })) {
    if (v !== undefined) env[k] = v;
  }
  // is-in-ci: CI or CONTINUOUS_INTEGRATION (unless '0' or 'false') make Ink draw nothing until it exits.
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
  if (options.noColor) env.NO_COLOR = '1';
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true, scrollback: 1000 });
  const pty = spawn(file, [...args], {
    // node-pty sets TERM to `name`: a TERM given in `env` (TERM=dumb) must be the name too.
    name: env.TERM ?? 'xterm-256color',
    cols,
    rows,
    cwd: options.cwd ?? process.cwd(),
    env,
  });
  let raw = '';
  let done = false;
  /** When the child last wrote (ms since the epoch). */
  let lastData = Date.now();
  pty.onData((data) => {
    raw += data;
    lastData = Date.now();
    term.write(data);
  });
  const exited = new Promise<PtyExit>((resolve) => {
    pty.onExit((e) => {
      done = true;
      live.delete(screen);
      resolve(e);
    });
  });
  // The xterm parser is asynchronous: an empty write's callback runs once everything before it is parsed.
  const flush = () => new Promise<void>((resolve) => term.write('', resolve));
  const lines = async () => {
    await flush();
    const buffer = term.buffer.active;
    const out: string[] = [];
    for (let y = 0; y < term.rows; y++) {
      out.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    }
    return out;
  };
  const text = async () => (await lines()).join('\n');
  /**
   * A frame can reach the terminal in several writes (a pseudo-terminal passes at most a few KB at a
   * time), so a screen that matches may be a frame's first part: the header's new words over the last
   * frame's plot. Once `shown` matches, waits for the output to pause (SETTLE_MS without a write, at
   * most SETTLE_MAX_MS) and returns the screen then if it still matches; else `shown` (a state that
   * lasted less than a frame still counts).
   */
  const settled = async (shown: string, test: (s: string) => boolean) => {
    const until = Date.now() + SETTLE_MAX_MS;
    while (!done && Date.now() - lastData < SETTLE_MS && Date.now() < until)
      await new Promise((r) => setTimeout(r, SETTLE_MS / 2));
    const now = await text();
    return test(now) ? now : shown;
  };
  const screen: PtyScreen = {
    pty,
    exited,
    get done() {
      return done;
    },
    write: (data) => pty.write(data),
    lines,
    text,
    async waitFor(match, timeoutMs = 15_000) {
      const test =
        typeof match === 'string'
          ? (s: string) => s.includes(match)
          : match instanceof RegExp
            ? (s: string) => match.test(s)
            : match;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const shown = await text();
        if (test(shown)) return settled(shown, test);
        if (Date.now() > deadline) {
          throw new Error(
            `timed out after ${timeoutMs} ms waiting for ${String(match)}${done ? ' (the program has exited)' : ''}; screen:\n${shown}`,
          );
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async waitForExit(timeoutMs = 15_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          void text().then((shown) =>
            reject(new Error(`the program did not exit within ${timeoutMs} ms; screen:\n${shown}`)),
          );
        }, timeoutMs);
      });
      try {
        return await Promise.race([exited, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async bufferType() {
      await flush();
      return term.buffer.active.type;
    },
    resize(c, r) {
      pty.resize(c, r);
      term.resize(c, r);
    },
    raw: () => raw,
    kill(signal = 'SIGTERM') {
      if (done) return;
      try {
        pty.kill(signal);
      } catch {
        // already gone
      }
    },
  };
  live.add(screen);
  return screen;
}
