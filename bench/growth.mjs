// Section 8 of `npm run bench`: cost from 1,000,000 to 10,000,000 positions (issue 15). The bench's
// lending book at both sizes (the pool scaled with the book, so both cascade alike), each run in its own
// process through the engine API (bench/engine-time.mjs: runCascade + summarize, no start-up, no JSON),
// alternating, medians compared: growth = time(10M) / (10 · time(1M)). Bound: <= 1.2. Then the 10M book
// once through the CLI, whole process, with its peak RSS (the count bound is 10,000,000 because it stays
// under 1.5 GB).
//
//   node bench/growth.mjs     (after npm run build) runs this section alone

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cascadePreset, expectSuccess, fmt, list, median, ms, runCli, runNode, verdict } from './lib.mjs';

export const GROWTH_BOUND = 1.2;
export const RSS_10M_BOUND_MB = 1500;
const ENGINE_TIME = fileURLToPath(new URL('./engine-time.mjs', import.meta.url));
const PAIRS = 3;

async function engineRun(count) {
  const result = await runNode([ENGINE_TIME, 'lending', String(count), '1'], { keepStdout: true });
  expectSuccess(`node bench/engine-time.mjs lending ${count}`, result);
  return JSON.parse(result.stdout);
}

/** Prints the section; returns its failures. */
export async function growthRows(workDir, rssFile) {
  console.log('');
  console.log('8. Growth from 1,000,000 to 10,000,000 positions (the bench book, pool scaled with it)');
  console.log(
    `   node bench/engine-time.mjs lending <count>: the engine alone, one process per run, ${PAIRS} pairs alternating`,
  );
  const small = [];
  const big = [];
  let bigRun;
  for (let i = 0; i < PAIRS; i++) {
    small.push((await engineRun(1_000_000)).times[0]);
    bigRun = await engineRun(10_000_000);
    big.push(bigRun.times[0]);
  }
  const growth = median(big) / (10 * median(small));
  const ok = growth <= GROWTH_BOUND;
  console.log(`    1,000,000: runs ${list(small)} ms; median ${ms(median(small))}`);
  console.log(
    `   10,000,000: runs ${list(big)} ms; median ${ms(median(big))} (${fmt(bigRun.positionsLiquidated)} ` +
      `liquidated over ${bigRun.rounds} rounds, price -> $${fmt(bigRun.finalPrice, 2)})`,
  );
  console.log(
    `   growth:  time(10M) / (10 · time(1M)) = ${fmt(growth, 2)}   bound <= ${GROWTH_BOUND}   ${verdict(ok)}`,
  );
  const file = join(workDir, 'bench-10m.json');
  writeFileSync(file, `${JSON.stringify(cascadePreset(10_000_000), null, 2)}\n`);
  const cli = await runCli(file, rssFile);
  const rssOk = cli.peakRssMB < RSS_10M_BOUND_MB;
  console.log(
    `   through the CLI (whole process): ${ms(cli.ms)}, peak RSS ${fmt(cli.peakRssMB, 1)} MB   ` +
      `bound < ${fmt(RSS_10M_BOUND_MB)} MB   ${verdict(rssOk)}`,
  );
  const failures = [];
  if (!ok) failures.push(`growth 1M -> 10M ${fmt(growth, 2)} > ${GROWTH_BOUND}`);
  if (!rssOk) failures.push(`10M peak RSS ${fmt(cli.peakRssMB, 1)} MB >= ${RSS_10M_BOUND_MB} MB`);
  return failures;
}

async function main() {
  const workDir = mkdtempSync(join(tmpdir(), 'liqloop-growth-'));
  try {
    const failures = await growthRows(workDir, join(workDir, 'peak-rss.json'));
    return failures.length ? 1 : 0;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = await main();
