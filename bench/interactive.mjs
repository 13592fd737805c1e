// Sections 4 and 5 of `npm run bench`: the dashboard's step latency on the 100,000- and 1,000,000-position
// presets, and a 200-step sweep on the 100,000-position one.

import { existsSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import {
  BenchError,
  CLI,
  DIST,
  PEAK_RSS_HOOK,
  RENDER,
  STEP_MEDIAN_BOUND_1M_MS,
  STEP_MEDIAN_BOUND_MS,
  STEP_SLOWEST_BOUND_1M_MS,
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

/**
 * Runs both sections: the dashboard on `smallPreset` and `bigPreset`, the sweep on `smallPreset` (`rssFile`:
 * where the CPU-time hook writes). Returns the bounds that failed.
 */
export async function interactiveRows(smallPreset, bigPreset, rssFile) {
  const failures = [];
  // 4. Dashboard step latency, on the 100,000- and the 1,000,000-position preset.
  for (const [label, file, medianBound, slowestBound] of [
    ['100,000', smallPreset, STEP_MEDIAN_BOUND_MS, undefined],
    ['1,000,000', bigPreset, STEP_MEDIAN_BOUND_1M_MS, STEP_SLOWEST_BOUND_1M_MS],
  ]) {
    console.log('');
    console.log(
      `4. Dashboard: a step on the ${label}-position preset, key to frame (120x36, every round, keys 150 ms apart)`,
    );
    const rendered = await runNode([RENDER, DIST, file], { keepStdout: true });
    expectSuccess('node bench/render.mjs', rendered);
    const { steps, backs, rounds: renderRounds } = JSON.parse(rendered.stdout);
    const stepMedian = median(steps);
    const slowest = Math.max(...steps);
    const stepOk = stepMedian < medianBound && (slowestBound === undefined || slowest < slowestBound);
    console.log(`   ${renderRounds} steps forward: ${list(steps)} ms`);
    console.log(`   ${backs.length} steps back:    ${list(backs)} ms`);
    const bounds =
      `median < ${medianBound} ms` + (slowestBound === undefined ? '' : `, slowest < ${slowestBound} ms`);
    console.log(
      `   step median ${ms(stepMedian)}, slowest ${ms(slowest)}; back median ${ms(median(backs))}   bound ${bounds}   ${verdict(stepOk)}`,
    );
    if (!stepOk)
      failures.push(
        `dashboard step at ${label}: median ${fmt(stepMedian, 1)} ms, slowest ${fmt(slowest, 1)} ms`,
      );
  }

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
