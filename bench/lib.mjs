// Shared by bench/run.mjs and bench/mechanisms.mjs: the benchmark presets, timed child processes, formatting.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI = join(ROOT, 'dist', 'cli', 'main.js');
export const ENGINE = join(ROOT, 'dist', 'engine', 'index.js');
export const FLOOR = fileURLToPath(new URL('./floor.mjs', import.meta.url));
export const SCALING = fileURLToPath(new URL('./scaling.mjs', import.meta.url));
export const RENDER = fileURLToPath(new URL('./render.mjs', import.meta.url));
export const DIST = pathToFileURL(join(ROOT, 'dist')).href;
/** Dashboard step, key to frame: the median at 100,000 positions; the median and the slowest at 1,000,000. */
export const STEP_MEDIAN_BOUND_MS = 15;
export const STEP_MEDIAN_BOUND_1M_MS = 25;
export const STEP_SLOWEST_BOUND_1M_MS = 50;
export const SWEEP_BOUND_MS = 60_000;
/** A 200-run sweep keeps both cores busy: CPU time over wall time of the whole process, at least this. */
export const SWEEP_CORES_BOUND = 1.8;
export const PEAK_RSS_HOOK = new URL('./peak-rss.mjs', import.meta.url).href;

/** The levers' rows against the floor (issue 16). */
export const TIME_RATIO_BOUND = 3;
/** Issue 15: the 1,000,000-position lending book, and 1,000,000 perpetuals, against the floor. */
export const LENDING_RATIO_BOUND = 1.6;
export const PERPS_RATIO_BOUND = 2;
export const RSS_BOUND_MB = 400;
export const ROUND_COST_RATIO_BOUND = 3;
export const WARMUP_RUNS = 1;
export const MEASURED_RUNS = 5;
export const SMALL_MEASURED_RUNS = 3;
/** The subject must cascade for the timing to mean anything: this share of the book liquidated, these rounds. */
export const LIQUIDATED_SHARE = { min: 0.2, max: 0.6 };
export const MIN_ROUNDS = 5;

export class BenchError extends Error {}

export const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const ms = (n) => `${fmt(n, n < 10 ? 2 : 0)} ms`;
export const list = (values) => values.map((v) => fmt(v, v < 10 ? 2 : 0)).join(', ');
export const verdict = (ok) => (ok ? 'PASS' : 'FAIL');

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * A liquidation-cascade preset over `count` generated positions: ETH at $2,000, a constant-product pool with
 * $2,000 of ±2% depth per position, a spot oracle on that pool, full liquidation with a 5% bonus at LT 0.825,
 * and a 10% shock. Scaling the depth with the book makes every size cascade alike: about a third of the
 * positions are liquidated over 20 to 30 rounds and the price ends near $1,570.
 */
export function cascadePreset(count) {
  return {
    name: `bench: ${fmt(count)} generated positions`,
    description: 'Written by bench/run.mjs for one benchmark run and removed afterwards.',
    asset: { symbol: 'ETH', quote: 'USD', price: 2000 },
    market: { model: 'constant-product', depth2pct: count * 2000 },
    oracle: { model: 'spot' },
    liquidation: { mechanism: 'full', bonus: 0.05, threshold: 0.825 },
    shock: { pct: 0.1 },
    generate: {
      count,
      seed: 42,
      collateral: { min: 1, max: 50 },
      healthFactor: { min: 1.02, max: 1.8 },
    },
    rounds: 500,
  };
}

/** A mixed book of 1,000,000 generated perpetuals (half long, half short) on a deep order book. */
export function mixedPerpsPreset() {
  return {
    name: 'bench: 1,000,000 perpetuals',
    description: 'Written by bench/run.mjs for one benchmark run and removed afterwards.',
    asset: { symbol: 'ETH', quote: 'USD', price: 2000 },
    market: { model: 'orderbook', depth2pct: 2e9 },
    oracle: { model: 'spot' },
    liquidation: { mechanism: 'full', bonus: 0.05, threshold: 0.825 },
    shock: { pct: 0.1 },
    perps: {
      insuranceFund: 1e10,
      maintenance: 0.01,
      generate: {
        longs: 500_000,
        shorts: 500_000,
        seed: 3,
        size: { min: 1, max: 50 },
        leverage: { min: 2, max: 25 },
        entrySpread: 0.05,
      },
    },
  };
}

/**
 * The same 1,000,000 perpetuals with a small insurance fund ($1M): it runs dry in the first rounds and
 * about 60% of the book is auto-deleveraged.
 */
export function adlPerpsPreset() {
  const preset = mixedPerpsPreset();
  return {
    ...preset,
    name: 'bench: 1,000,000 perpetuals, a small fund',
    perps: { ...preset.perps, insuranceFund: 1e6 },
  };
}

/**
 * Runs `node <args>` and resolves with its wall time from spawn to exit, its status and its output.
 * stdout goes to a pipe that is always drained; it is kept only when `keepStdout` (the JSON is a few kB).
 */
export function runNode(args, { env = process.env, keepStdout = false } = {}) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let exitedAt = 0n;
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      if (keepStdout) stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', () => {
      exitedAt = process.hrtime.bigint();
    });
    child.on('close', (code, signal) => {
      resolve({ ms: Number(exitedAt - start) / 1e6, code, signal, stdout, stderr });
    });
  });
}

export function expectSuccess(what, result) {
  if (result.code !== 0) {
    const status = result.signal ? `signal ${result.signal}` : `status ${result.code}`;
    throw new BenchError(`${what} exited with ${status}:\n${result.stderr.trim()}`);
  }
}

/** One CLI run of a preset file under the peak-RSS hook: time, peak RSS and the JSON summary. */
export async function runCli(presetFile, rssFile) {
  rmSync(rssFile, { force: true });
  const result = await runNode(['--import', PEAK_RSS_HOOK, CLI, 'run', presetFile, '--json'], {
    env: { ...process.env, LIQLOOP_BENCH_RSS_FILE: rssFile },
    keepStdout: true,
  });
  expectSuccess(`node dist/cli/main.js run ${presetFile} --json`, result);
  let output;
  try {
    output = JSON.parse(result.stdout);
  } catch (error) {
    throw new BenchError(`the CLI did not print a JSON object (${error.message})`);
  }
  if (!existsSync(rssFile)) throw new BenchError('the peak-RSS hook (bench/peak-rss.mjs) wrote nothing');
  const rss = JSON.parse(readFileSync(rssFile, 'utf8'));
  // maxRSS is in KiB on Linux. In any other unit, KiB * 1024 would be far from the resident set at exit.
  const unitRatio = (rss.maxRssKiB * 1024) / rss.rssAtExitBytes;
  if (!(unitRatio >= 0.95 && unitRatio < 64)) {
    throw new BenchError(
      `process.resourceUsage().maxRSS does not look like KiB here: ${rss.maxRssKiB} vs ` +
        `${rss.rssAtExitBytes} bytes resident at exit`,
    );
  }
  return {
    ms: result.ms,
    cpuMs: rss.cpuMs,
    peakRssMB: (rss.maxRssKiB * 1024) / 1e6,
    summary: output.summary,
  };
}

export function describeSummary(s) {
  const share = s.positionsLiquidated / s.positions;
  return (
    `${fmt(s.positionsLiquidated)} of ${fmt(s.positions)} positions liquidated (${fmt(100 * share, 1)}%) ` +
    `over ${fmt(s.rounds)} rounds, ${s.converged ? 'converged' : 'not converged'}; ` +
    `price $${fmt(s.initialPrice)} -> $${fmt(s.finalPrice, 2)}, amplification ${fmt(s.amplification ?? 0, 2)}`
  );
}

export function checkCascades(summary) {
  const share = summary.positionsLiquidated / summary.positions;
  if (share < LIQUIDATED_SHARE.min || share > LIQUIDATED_SHARE.max || summary.rounds < MIN_ROUNDS) {
    throw new BenchError(
      `the benchmark book no longer cascades as designed (expected ${100 * LIQUIDATED_SHARE.min}-` +
        `${100 * LIQUIDATED_SHARE.max}% liquidated over >= ${MIN_ROUNDS} rounds): ${describeSummary(summary)}`,
    );
  }
}

/** Runs a preset file `WARMUP_RUNS + runs` times through the CLI: the measured times, the largest peak RSS, the summary. */
export async function measureCli(file, rssFile, runs = SMALL_MEASURED_RUNS) {
  const times = [];
  let summary;
  let peakRssMB = 0;
  for (let i = 0; i < WARMUP_RUNS + runs; i++) {
    const run = await runCli(file, rssFile);
    summary = run.summary;
    if (i >= WARMUP_RUNS) {
      times.push(run.ms);
      peakRssMB = Math.max(peakRssMB, run.peakRssMB);
    }
  }
  return { times, summary, peakRssMB };
}
