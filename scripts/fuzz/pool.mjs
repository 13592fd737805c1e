// Runs fuzz cases on a pool of runner processes, each under a time limit and a memory limit, and sorts
// every answer into one of the outcomes the fuzzer counts.
import { Buffer } from 'node:buffer';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RUNNER = fileURLToPath(new URL('./runner.mjs', import.meta.url));

/** The outcomes, in the order the report prints them; the last four are failures. */
export const OUTCOMES = ['clean-error', 'accepted', 'stack-trace', 'hang', 'crash', 'bad-output'];
export const FAILURES = ['stack-trace', 'hang', 'crash', 'bad-output'];

const STACK = /\n\s+at .+[:(]\d+|internal error|RangeError|TypeError|ReferenceError/;
// Control characters other than a newline, and the bidirectional and separator characters.
const UNPRINTABLE = /(?![\n])[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const ROUND_NUMBERS = ['oraclePrice', 'price', 'liquidations', 'collateralSold', 'debtRepaid', 'badDebt'];

/** Why an accepted run's JSON is wrong (a contract number that is not a finite number), or undefined. */
function badJson(text) {
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    return 'stdout is not JSON';
  }
  for (const run of [json, json.baseline, json.variant].filter(Boolean)) {
    for (const [i, round] of (run.rounds ?? []).entries())
      for (const key of ROUND_NUMBERS)
        if (!Number.isFinite(round[key])) return `rounds[${i}].${key} is ${JSON.stringify(round[key])}`;
    const summary = run.summary;
    if (summary)
      for (const key of ['initialPrice', 'finalPrice', 'minPrice'])
        if (!Number.isFinite(summary[key])) return `summary.${key} is ${JSON.stringify(summary[key])}`;
  }
  for (const [i, r] of (json.runs ?? []).entries())
    if (!Number.isFinite(r.summary?.finalPrice)) return `runs[${i}].summary.finalPrice is not a number`;
  return undefined;
}

/** The outcome of one answer, and why when it is a failure. */
export function classify(task, answer) {
  const { status, stdout, stderr, thrown } = answer;
  if (thrown !== undefined || STACK.test(stderr)) return { outcome: 'stack-trace', why: thrown ?? stderr };
  if (status === 1 || status === 2) {
    if (stderr.trim() === '') return { outcome: 'bad-output', why: `exit ${status} without a message` };
    if (UNPRINTABLE.test(stderr)) return { outcome: 'bad-output', why: 'a control character on stderr' };
    return { outcome: 'clean-error' };
  }
  if (status !== 0) return { outcome: 'crash', why: `exit ${status}` };
  if (UNPRINTABLE.test(stdout) || UNPRINTABLE.test(stderr))
    return { outcome: 'bad-output', why: 'a control character in the output' };
  // NaN in the text, unless the input itself says NaN (an asset called "NaN" is a name, not a number).
  const words = /\bNaN\b|\bundefined\b|\bInfinity\b/;
  const input = `${task.file ?? ''} ${task.args.join(' ')}`;
  if (words.test(stdout) && !words.test(input)) return { outcome: 'bad-output', why: 'NaN in stdout' };
  const printsJson = task.args.includes('--json') && !task.args.includes('--out');
  const json = printsJson && !answer.truncated ? badJson(stdout) : undefined;
  if (json) return { outcome: 'bad-output', why: json };
  return { outcome: 'accepted' };
}

/**
 * Runs `tasks` on `jobs` runners; each case may take `timeoutMs` and each runner `memoryMb` of heap. A runner
 * that passes its time is killed (a hang) and one that dies (a signal, an out-of-memory abort) is a crash;
 * either is replaced. Calls `onResult(task, result)` for each; resolves when all are done or `deadline` passes.
 */
export function runPool(
  tasks,
  { root, jobs = 2, timeoutMs = 30_000, memoryMb = 1024, deadline = Infinity, onResult },
) {
  let next = 0;
  let active = 0;
  return new Promise((resolve) => {
    const finish = () => active === 0 && resolve();
    const start = () => {
      if (next >= tasks.length || Date.now() > deadline) return finish();
      active += 1;
      const child = fork(RUNNER, [root], {
        execArgv: [`--max-old-space-size=${memoryMb}`],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        env: { ...process.env, NO_COLOR: '1', LIQLOOP_PRESETS: '', XDG_CONFIG_HOME: '/nonexistent' },
      });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
      let task;
      let timer;
      let done = false;
      const send = () => {
        if (next >= tasks.length || Date.now() > deadline) {
          done = true;
          child.disconnect();
          return;
        }
        task = tasks[next++];
        const binary = Buffer.isBuffer(task.file);
        const message = { ...task, binary, file: binary ? task.file.toString('base64') : task.file };
        child.send(message);
        timer = setTimeout(() => {
          onResult(task, { outcome: 'hang', why: `no answer in ${timeoutMs} ms` });
          task = undefined;
          child.kill('SIGKILL');
        }, timeoutMs);
      };
      child.on('message', (answer) => {
        if (answer.ready) return send();
        clearTimeout(timer);
        if (task) onResult(task, { ...classify(task, answer), answer });
        task = undefined;
        send();
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        active -= 1;
        if (task)
          onResult(task, { outcome: 'crash', why: `runner died: ${signal ?? `exit ${code}`}\n${stderr}` });
        if (done && next >= tasks.length) return finish();
        start();
      });
    };
    for (let i = 0; i < jobs; i++) start();
  });
}
