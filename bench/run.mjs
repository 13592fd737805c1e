// `npm run bench` (npm run build && node bench/run.mjs): liqloop against the performance budget.
//
//   A run over 1,000,000 generated positions must finish within 1.6x the time plain Node takes to draw
//   2,000,000 seeded random numbers and sort 1,000,000 doubles (1,000,000 perpetuals within 2x), with peak
//   memory under 400 MB, and within 0.75x a vectorised numpy implementation of the round contract.
//   A round's cost grows with the positions it liquidates, not with every position.
//
// 1. Floor: bench/floor.mjs in plain Node. Subject: `node dist/cli/main.js run <tmp preset> --json` on a
//    1,000,000-position book that really cascades. Each is a child process timed wall clock from spawn to
//    exit, so Node's start-up counts on both sides. They run alternately, 1 warm-up run each (discarded)
//    then 5 measured runs each; the medians are compared. The subject is preloaded with bench/peak-rss.mjs,
//    which records its peak RSS; the largest over the measured runs is compared with 400 MB (10^6 bytes).
// 1b. The same book against bench/peers/lending_numpy.py (bench/peers/numpy.mjs), alternating, when python3
//    and numpy are present (said plainly when not). Bound: liqloop / numpy <= 0.75.
// 2. Round cost vs book size (bench/scaling.mjs): the same liquidations in a 100,000- and a 1,000,000-position
//    book, only the step() calls timed. Loose bound: the big book's rounds take less than 3x as long.
// 3. Informational: the 100,000-position preset through the CLI.
// 5. A 200-step sweep over the 100,000-position preset through the CLI (worker threads). Bounds: < 60 s,
//    and at least 1.8 cores busy on average (CPU time of the whole process, every thread, over its wall time).
// 6. Every mechanism and liquidator lever at 1,000,000 positions (bench/mechanisms.mjs): each row's median
//    against the base model's on the same book and market. Bound: < 5x.
// 4. Dashboard step latency (bench/render.mjs): on the 100,000- and the 1,000,000-position preset, from a
//    key reaching the app to the frame showing the new round, every round to convergence. Bounds: median
//    < 15 ms at 100,000; median < 25 ms and slowest < 50 ms at 1,000,000.
// 9. Start-up (bench/startup.mjs, also runnable on its own): `liqloop list` and `liqloop validate` against
//    `node -e 0` (bound: at most 2x), and the first frame of the picker and of a preset's dashboard in a
//    pseudo-terminal against a bare Ink hello-world's, bench/hello-ink.mjs (bound: at most 1.3x).
//
// 7. The bench books' results bit for bit as recorded in bench/identity.json (bench/identity.mjs).
// 8. Growth from 1,000,000 to 10,000,000 positions, engine alone (bench/growth.mjs). Bound: <= 1.2x
//    linear; and the 10M book through the CLI under 1.5 GB.
//
// Exit status: 0 when every bound holds, 1 when one fails, 2 when the benchmark itself could not run.

import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { arch, availableParallelism, cpus, loadavg, platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BenchError,
  CLI,
  ENGINE,
  FLOOR,
  LENDING_RATIO_BOUND,
  MEASURED_RUNS,
  RSS_BOUND_MB,
  WARMUP_RUNS,
  cascadePreset,
  checkCascades,
  describeSummary,
  expectSuccess,
  fmt,
  list,
  measureCli,
  median,
  ms,
  runCli,
  runNode,
  verdict,
} from './lib.mjs';
import { growthRows } from './growth.mjs';
import { identityRows } from './identity.mjs';
import { interactiveRows } from './interactive.mjs';
import { leverRows, writeLeverPresets } from './levers.mjs';
import { mechanismRows } from './mechanisms.mjs';
import { numpyRows } from './peers/numpy.mjs';
import { roundCostRows } from './round-cost.mjs';
import { startupRows } from './startup.mjs';

async function main() {
  const viaNpm = process.env.npm_lifecycle_event === 'bench';
  console.log(
    viaNpm ? '$ npm run bench' : '$ node bench/run.mjs   (npm run bench builds first, then runs this)',
  );
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Node ${process.version}, ${platform()} ${arch()}, ${availableParallelism()} CPUs (${cpu})`);
  const loadBefore = loadavg()[0];
  console.log(`load average (1 min) at start: ${fmt(loadBefore, 2)} (the build just before counts in it)`);
  if (!existsSync(CLI) || !existsSync(ENGINE)) {
    throw new BenchError('dist/ is missing: run `npm run bench` (it builds first) or `npm run build`');
  }

  const workDir = mkdtempSync(join(tmpdir(), 'liqloop-bench-'));
  const cleanUp = () => rmSync(workDir, { recursive: true, force: true });
  const onSignal = (signal) => {
    cleanUp();
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const bigPreset = join(workDir, 'bench-1m.json');
    const smallPreset = join(workDir, 'bench-100k.json');
    const rssFile = join(workDir, 'peak-rss.json');
    writeFileSync(bigPreset, `${JSON.stringify(cascadePreset(1_000_000), null, 2)}\n`);
    writeFileSync(smallPreset, `${JSON.stringify(cascadePreset(100_000), null, 2)}\n`);
    const leverPresets = writeLeverPresets(workDir);
    const failures = [];

    // 1. Floor and subject, alternately.
    console.log('');
    console.log('1. Time and memory: 1,000,000 generated positions through the CLI, against the floor');
    console.log('   floor:   node bench/floor.mjs  (plain Node: 2,000,000 seeded mulberry32 draws into a');
    console.log('            Float64Array, then Float64Array#sort of 1,000,000 of them)');
    console.log(`   subject: node --import bench/peak-rss.mjs dist/cli/main.js run ${bigPreset} --json`);
    console.log(
      '            (constant-product pool, $2B of ±2% depth, spot oracle, full liquidation, 10% shock)',
    );
    console.log(
      `   each a child process timed from spawn to exit; ${WARMUP_RUNS} warm-up run each (discarded), ` +
        `then ${MEASURED_RUNS} measured runs each, alternating; medians compared`,
    );
    const floorMs = [];
    const floorCpuMs = [];
    const subjectMs = [];
    const subjectCpuMs = [];
    const subjectRss = [];
    let summary;
    for (let i = 0; i < WARMUP_RUNS + MEASURED_RUNS; i++) {
      const floor = await runNode([FLOOR], { keepStdout: true });
      expectSuccess('node bench/floor.mjs', floor);
      const subject = await runCli(bigPreset, rssFile);
      if (i === 0) {
        summary = subject.summary;
        checkCascades(summary);
      } else if (JSON.stringify(subject.summary) !== JSON.stringify(summary)) {
        throw new BenchError('two runs of the same preset printed different summaries');
      }
      if (i >= WARMUP_RUNS) {
        floorMs.push(floor.ms);
        floorCpuMs.push(JSON.parse(floor.stdout).cpuMs);
        subjectMs.push(subject.ms);
        subjectCpuMs.push(subject.cpuMs);
        subjectRss.push(subject.peakRssMB);
      }
    }
    const floorMedian = median(floorMs);
    const subjectMedian = median(subjectMs);
    const ratio = subjectMedian / floorMedian;
    const peakRss = Math.max(...subjectRss);
    const timeOk = ratio <= LENDING_RATIO_BOUND;
    const rssOk = peakRss < RSS_BOUND_MB;
    console.log(`   book:    ${describeSummary(summary)}`);
    console.log(`   floor    runs ${list(floorMs)} ms; median ${ms(floorMedian)}`);
    console.log(`   subject  runs ${list(subjectMs)} ms; median ${ms(subjectMedian)}`);
    console.log(`   subject  peak RSS per run ${list(subjectRss)} MB`);
    console.log(
      `   time:    subject / floor = ${fmt(subjectMedian)} / ${fmt(floorMedian)} = ${fmt(ratio, 2)}` +
        `   bound <= ${fmt(LENDING_RATIO_BOUND, 1)}   ${verdict(timeOk)}`,
    );
    console.log(
      `   memory:  peak RSS ${fmt(peakRss, 1)} MB (largest measured run)` +
        `   bound < ${RSS_BOUND_MB} MB   ${verdict(rssOk)}`,
    );
    failures.push(...(await leverRows(leverPresets, floorMedian, workDir, rssFile)));
    const cpuRatio = median(subjectCpuMs) / median(floorCpuMs);
    console.log(
      `   (informational) CPU time, user + system, medians: subject ${ms(median(subjectCpuMs))} / floor ` +
        `${ms(median(floorCpuMs))} = ${fmt(cpuRatio, 2)}; less sensitive to other load, but counts V8's helper threads`,
    );
    if (!timeOk) failures.push(`time ratio ${fmt(ratio, 2)} > ${LENDING_RATIO_BOUND}`);
    if (!rssOk) failures.push(`peak RSS ${fmt(peakRss, 1)} MB >= ${RSS_BOUND_MB} MB`);

    // 1b. The same book against the numpy peer (bench/peers/numpy.mjs).
    failures.push(...(await numpyRows(bigPreset, rssFile)));

    // 2. Round cost against book size, in the engine (bench/round-cost.mjs).
    failures.push(...(await roundCostRows()));

    // 3. Informational: the 100,000-position preset.
    console.log('');
    console.log('3. Informational: 100,000 generated positions through the CLI (same preset, pool scaled)');
    const {
      times: smallRuns,
      summary: smallSummary,
      peakRssMB: smallRss,
    } = await measureCli(smallPreset, rssFile);
    console.log(`   book:    ${describeSummary(smallSummary)}`);
    console.log(
      `   runs ${list(smallRuns)} ms; median ${ms(median(smallRuns))} ` +
        `(${fmt(median(smallRuns) / floorMedian, 2)}x the floor); peak RSS ${fmt(smallRss, 1)} MB`,
    );

    // 4 and 5. The dashboard's step latency and a sweep (bench/interactive.mjs).
    failures.push(...(await interactiveRows(smallPreset, bigPreset, rssFile)));

    // 6. Every mechanism against the base model (bench/mechanisms.mjs).
    failures.push(...(await mechanismRows(workDir, rssFile)));

    // 7 and 8. The bench books' results unchanged (bench/identity.mjs); growth to 10M (bench/growth.mjs).
    failures.push(...(await identityRows(workDir)));
    failures.push(...(await growthRows(workDir, rssFile)));

    // 9. Start-up: list and validate against `node -e 0`, first frames against Ink's (bench/startup.mjs).
    failures.push(...(await startupRows()));

    console.log('');
    const loadAfter = loadavg()[0];
    console.log(`load average (1 min) at end: ${fmt(loadAfter, 2)}`);
    // The bench's own children (and the build just before it) keep about one CPU busy; more means other work.
    if (Math.max(loadBefore, loadAfter) > availableParallelism()) {
      console.log('note: other work was running on this machine; timings are noisier than on a quiet one');
    }
    if (failures.length) {
      console.log(`RESULT: FAIL (${failures.join('; ')})`);
      return 1;
    }
    console.log('RESULT: PASS (every bound holds)');
    return 0;
  } finally {
    cleanUp();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error) => {
    console.error(`bench: ${error instanceof BenchError ? error.message : (error?.stack ?? String(error))}`);
    process.exitCode = 2;
  },
);
