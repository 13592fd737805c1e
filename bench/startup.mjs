// Section 9 of `npm run bench`: start-up. Also runs on its own: `node bench/startup.mjs` (build first).
//
// a. `liqloop list` and `liqloop validate <preset>` against `node -e 0`: whole processes, stdout a pipe,
//    timed from spawn to exit, run in turn (1 warm-up round discarded, then STARTUP_RUNS rounds); medians
//    compared. Bound: at most 2x.
// b. First frame: a bare Ink hello-world (bench/hello-ink.mjs) against liqloop's picker and a preset's
//    dashboard, each in a pseudo-terminal of 120x36 (node-pty), timed from spawn to the first output that
//    shows the frame's text; the child is killed then. Run in turn the same way. Bound: at most 1.3x.
//
// Exit status on its own: 0 when both bounds hold, 1 when one fails, 2 when it could not run.

import { spawn as spawnChild } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BenchError, CLI, ROOT, fmt, list, median, verdict } from './lib.mjs';

export const LIST_RATIO_BOUND = 2;
export const FRAME_RATIO_BOUND = 1.3;
export const STARTUP_RUNS = 9;
const HELLO = fileURLToPath(new URL('./hello-ink.mjs', import.meta.url));
/** The preset `validate` checks and the dashboard opens: a history preset with a price path file. */
const PRESET = 'black-thursday-2020';
const FRAME_TIMEOUT_MS = 30_000;

/** Milliseconds from spawning `node ...args` to its exit; a failure is an error naming the command. */
function timeProcess(args) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawnChild(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0) reject(new BenchError(`node ${args.join(' ')} exited ${code}: ${stderr.trim()}`));
      else resolve(ms);
    });
  });
}

// An escape sequence (CSI, OSC, or a two-character one): removed before looking for the frame's text.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-_])/g;

/**
 * Milliseconds from spawning `node ...args` in a 120x36 pseudo-terminal to the first output that, escape
 * sequences removed, contains `marker`. The child is killed then.
 */
async function timeFirstFrame(pty, args, marker) {
  const env = { ...process.env, TERM: 'xterm-256color' };
  // Ink draws nothing until exit when it believes it runs in CI.
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = pty.spawn(process.execPath, args, {
      name: 'xterm-256color',
      cols: 120,
      rows: 36,
      cwd: ROOT,
      env,
    });
    let shown = '';
    let ms;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new BenchError(`node ${args.join(' ')} showed no "${marker}" within ${FRAME_TIMEOUT_MS} ms`));
    }, FRAME_TIMEOUT_MS);
    child.onData((data) => {
      if (ms !== undefined) return;
      shown += data;
      if (shown.replace(ESCAPES, '').includes(marker)) {
        ms = Number(process.hrtime.bigint() - start) / 1e6;
        child.kill('SIGKILL');
      }
    });
    child.onExit(() => {
      clearTimeout(timer);
      if (ms === undefined)
        reject(new BenchError(`node ${args.join(' ')} exited before showing "${marker}"`));
      else resolve(ms);
    });
  });
}

/** Runs each case of `cases` ({label: () => Promise<ms>}) in turn, warm-up round first; the times by label. */
async function alternate(cases, runs) {
  const times = Object.fromEntries(Object.keys(cases).map((label) => [label, []]));
  for (let i = 0; i < 1 + runs; i++) {
    for (const [label, run] of Object.entries(cases)) {
      const ms = await run();
      if (i > 0) times[label].push(ms);
    }
  }
  return times;
}

function row(label, runs, reference) {
  const m = median(runs);
  const ratio = reference === undefined ? '' : `; ${fmt(m / reference, 2)}x`;
  console.log(`   ${label.padEnd(34)} median ${fmt(m, 1).padStart(7)} ms${ratio}   (runs ${list(runs)})`);
  return m;
}

/** Prints section 7; returns the bounds that failed. */
export async function startupRows(runs = STARTUP_RUNS) {
  const failures = [];
  if (!existsSync(CLI)) throw new BenchError('dist/ is missing: run `npm run build` first');
  console.log('');
  console.log('9. Start-up: whole processes, timed from spawn, in turn; medians compared');
  console.log(
    `   a. exit of \`liqloop list\` and \`liqloop validate ${PRESET}\` (stdout a pipe) against \`node -e 0\``,
  );
  const cli = await alternate(
    {
      'node -e 0': () => timeProcess(['-e', '0']),
      'liqloop list': () => timeProcess([CLI, 'list']),
      [`liqloop validate ${PRESET}`]: () => timeProcess([CLI, 'validate', PRESET]),
    },
    runs,
  );
  const bare = row('node -e 0', cli['node -e 0']);
  for (const label of ['liqloop list', `liqloop validate ${PRESET}`]) {
    const ratio = row(label, cli[label], bare) / bare;
    const ok = ratio <= LIST_RATIO_BOUND;
    console.log(`      bound <= ${fmt(LIST_RATIO_BOUND, 1)}x node -e 0   ${verdict(ok)}`);
    if (!ok) failures.push(`${label}: ${fmt(ratio, 2)}x node -e 0`);
  }

  console.log(
    '   b. first frame in a 120x36 pseudo-terminal, against a bare Ink hello-world (bench/hello-ink.mjs)',
  );
  let pty;
  try {
    pty = (await import('node-pty')).default;
  } catch (error) {
    throw new BenchError(`node-pty (a dev dependency) does not load: ${error.message}`);
  }
  const frames = await alternate(
    {
      'Ink hello-world': () => timeFirstFrame(pty, [HELLO], 'Hello, world'),
      'liqloop (the picker)': () => timeFirstFrame(pty, [CLI], 'pick a preset'),
      [`liqloop ${PRESET} (dashboard)`]: () => timeFirstFrame(pty, [CLI, PRESET], 'Round 0'),
    },
    runs,
  );
  const hello = row('Ink hello-world', frames['Ink hello-world']);
  for (const label of ['liqloop (the picker)', `liqloop ${PRESET} (dashboard)`]) {
    const ratio = row(label, frames[label], hello) / hello;
    const ok = ratio <= FRAME_RATIO_BOUND;
    console.log(`      bound <= ${fmt(FRAME_RATIO_BOUND, 1)}x the hello-world   ${verdict(ok)}`);
    if (!ok) failures.push(`${label} first frame: ${fmt(ratio, 2)}x the Ink hello-world`);
  }
  return failures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  startupRows().then(
    (failures) => {
      console.log(failures.length ? `RESULT: FAIL (${failures.join('; ')})` : 'RESULT: PASS');
      process.exitCode = failures.length ? 1 : 0;
    },
    (error) => {
      console.error(
        `bench: ${error instanceof BenchError ? error.message : (error?.stack ?? String(error))}`,
      );
      process.exitCode = 2;
    },
  );
}
