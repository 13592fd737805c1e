// Sections 4 and 5 of `npm run bench`: the dashboard's step latency and a 200-step sweep, both on the
// 100,000-position preset.

import { existsSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import {
  BenchError,
  CLI,
  DIST,
  PEAK_RSS_HOOK,
  RENDER,
  STEP_RENDER_BOUND_MS,
  SWEEP_BOUND_MS,
  SWEEP_CORES_BOUND,
  expectSuccess,
  fmt,
  list,
  median,
  ms,
  runNode,
  verdict,
} from './lib.mjs';

/** Runs both sections on `smallPreset` (`rssFile`: where the CPU-time hook writes); returns the bounds that failed. */
export async function interactiveRows(smallPreset, rssFile) {
  const failures = [];
  // 4. Dashboard step latency.
  console.log('');
  console.log(
    '4. Dashboard: a step on the 100,000-position preset, key to frame (120x36, every round, keys 150 ms apart)',
  );
  const rendered = await runNode([RENDER, DIST, smallPreset], { keepStdout: true });
  expectSuccess('node bench/render.mjs', rendered);
  const { steps, backs, rounds: renderRounds } = JSON.parse(rendered.stdout);
  const stepMedian = median(steps);
  // The bound is on the median; the slowest step (usually the first, while V8 warms up) is printed beside it.
  const stepOk = stepMedian < STEP_RENDER_BOUND_MS;
  console.log(`   ${renderRounds} steps forward: ${list(steps)} ms`);
  console.log(`   ${backs.length} steps back:    ${list(backs)} ms`);
  console.log(
    `   step median ${ms(stepMedian)}, slowest ${ms(Math.max(...steps))}; back median ${ms(median(backs))}   bound median < ${STEP_RENDER_BOUND_MS} ms   ${verdict(stepOk)}`,
  );
  if (!stepOk) failures.push(`dashboard step median ${fmt(stepMedian, 1)} ms >= ${STEP_RENDER_BOUND_MS} ms`);

  // 5. A sweep over the 100,000-position preset, under the hook that records the CPU time of the whole
  // process (every thread: the main one, the workers and V8's helpers) at exit.
  console.log('');
  console.log('5. liqloop sweep over the 100,000-position preset: 200 values of shock.pct from 0.01 to 0.3');
  rmSync(rssFile, { force: true });
  const sweep = await runNode(
    [
      '--import',
      PEAK_RSS_HOOK,
      CLI,
      'sweep',
      smallPreset,
      '--param',
      'shock.pct',
      '--from',
      '0.01',
      '--to',
      '0.3',
      '--steps',
      '200',
      '--json',
    ],
    { keepStdout: true, env: { ...process.env, LIQLOOP_BENCH_RSS_FILE: rssFile } },
  );
  expectSuccess('liqloop sweep', sweep);
  if (!existsSync(rssFile)) throw new BenchError('the CPU-time hook (bench/peak-rss.mjs) wrote nothing');
  const { cpuMs } = JSON.parse(readFileSync(rssFile, 'utf8'));
  const swept = JSON.parse(sweep.stdout);
  const sweepOk = sweep.ms < SWEEP_BOUND_MS && swept.runs.length === 200;
  console.log(
    `   ${swept.runs.length} runs in ${ms(sweep.ms)} on ${availableParallelism()} cores ` +
      `(${ms(sweep.ms / swept.runs.length)} a run)   bound < ${fmt(SWEEP_BOUND_MS / 1000)} s   ${verdict(sweepOk)}`,
  );
  if (!sweepOk) failures.push(`200-step sweep took ${ms(sweep.ms)}`);
  // Cores kept busy: CPU time of the process (user + system, all its threads) over its wall time.
  const cores = cpuMs / sweep.ms;
  const coresOk = cores >= SWEEP_CORES_BOUND;
  console.log(
    `   cores busy on average: CPU time ${ms(cpuMs)} / wall ${ms(sweep.ms)} = ${fmt(cores, 2)}` +
      `   bound >= ${fmt(SWEEP_CORES_BOUND, 1)}   ${verdict(coresOk)}`,
  );
  if (!coresOk) failures.push(`200-step sweep kept ${fmt(cores, 2)} cores busy`);

  return failures;
}
