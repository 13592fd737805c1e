// `npm run fuzz -- [--seed N] [--cases N] [--time SECONDS] [--jobs N] [--timeout MS] [--memory MB] [--save DIR]`
// Seeded mutations of every shipped preset and of --set, through validate, run, sweep and compare, each
// under a time and a memory limit. Prints the count of each outcome; exits 1 when any case failed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { makeCase, shippedPresets } from './cases.mjs';
import { FAILURES, OUTCOMES, runPool } from './pool.mjs';

const ROOT = process.env.LIQLOOP_ROOT ?? fileURLToPath(new URL('../../', import.meta.url));

/** Runs a campaign; resolves to the counts of each outcome and the failures, each with its case. */
export async function fuzz({
  seed = 1,
  cases = 1000,
  seconds = Infinity,
  jobs = 2,
  timeoutMs = 30_000,
  memoryMb = 1024,
  onResult,
} = {}) {
  const presets = shippedPresets(join(ROOT, 'presets'));
  const tasks = Array.from({ length: cases }, (_, i) => makeCase(presets, seed, i));
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0]));
  const failures = [];
  let tried = 0;
  await runPool(tasks, {
    root: ROOT,
    jobs,
    timeoutMs,
    memoryMb,
    deadline: Date.now() + seconds * 1000,
    onResult: (task, result) => {
      tried += 1;
      counts[result.outcome] += 1;
      if (FAILURES.includes(result.outcome)) failures.push({ task, result });
      onResult?.(task, result, tried);
    },
  });
  return { tried, counts, failures };
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      cases: { type: 'string', default: '1000' },
      time: { type: 'string', default: 'Infinity' },
      jobs: { type: 'string', default: '2' },
      timeout: { type: 'string', default: '30000' },
      memory: { type: 'string', default: '1024' },
      save: { type: 'string' },
    },
  });
  const started = Date.now();
  const result = await fuzz({
    seed: Number(values.seed),
    cases: Number(values.cases),
    seconds: Number(values.time),
    jobs: Number(values.jobs),
    timeoutMs: Number(values.timeout),
    memoryMb: Number(values.memory),
    onResult: (task, r, tried) => {
      if (FAILURES.includes(r.outcome))
        process.stderr.write(
          `case ${task.id} (${task.preset}) ${r.outcome}: ${JSON.stringify(task.args)}\n  ${String(r.why).slice(0, 600)}\n`,
        );
      if (tried % 100 === 0)
        process.stderr.write(`… ${tried} cases, ${Math.round((Date.now() - started) / 1000)} s\n`);
    },
  });
  if (values.save && result.failures.length) {
    mkdirSync(values.save, { recursive: true });
    for (const { task, result: r } of result.failures) {
      if (task.file !== undefined) writeFileSync(join(values.save, `case-${task.id}.json`), task.file);
      writeFileSync(
        join(values.save, `case-${task.id}.txt`),
        `${JSON.stringify(task.args)}\n${r.outcome}\n${r.why}\n`,
      );
    }
  }
  const line = OUTCOMES.map((o) => `${o} ${result.counts[o]}`).join(', ');
  process.stdout.write(
    `liqloop fuzz: seed ${values.seed}: ${result.tried} inputs tried in ${Math.round((Date.now() - started) / 1000)} s: ${line}\n`,
  );
  process.exitCode = result.failures.length ? 1 : 0;
}
