// The engine alone, in one process: `node bench/engine-time.mjs <lending|perps|perps-adl> [count] [runs]`.
// Builds the bench's book (bench/lib.mjs) at `count` positions (1,000,000 by default) through the engine API
// (validated at 1,000,000, the count set afterwards, so it works past the presets' count bound), then
// times `runCascade` + `summarize` (no module loading, no JSON) `runs` times in this process. Prints one
// JSON line: the times in ms, the peak RSS in MB, the summary's rounds, liquidations and final price.
// Used by bench/growth.mjs; runnable alone while iterating on the engine's kernels.

import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { DIST, ROOT, cascadePreset, mixedPerpsPreset, adlPerpsPreset } from './lib.mjs';

export const BOOKS = {
  lending: (count) => {
    const preset = cascadePreset(1_000_000);
    return {
      preset,
      resize: (s) => ({
        ...s,
        market: { ...s.market, depth2pct: count * 2000 },
        generate: { ...s.generate, count },
      }),
    };
  },
  perps: (count) => perpsBook(mixedPerpsPreset(), count),
  'perps-adl': (count) => perpsBook(adlPerpsPreset(), count),
};

function perpsBook(preset, count) {
  const scale = count / 1_000_000;
  return {
    preset,
    resize: (s) => ({
      ...s,
      market: { ...s.market, depth2pct: s.market.depth2pct * scale },
      perps: {
        ...s.perps,
        insuranceFund: s.perps.insuranceFund * scale,
        generate: { ...s.perps.generate, longs: count / 2, shorts: count / 2 },
      },
    }),
  };
}

/** The scenario the engine runs for `book` at `count` positions. */
export async function scenarioFor(book, count) {
  const { validatePreset } = await import(`${DIST}/presets/parse.js`);
  const { preset, resize } = BOOKS[book](count);
  const parsed = validatePreset(preset);
  if (!parsed.ok) throw new Error(`the bench preset does not validate: ${JSON.stringify(parsed.problems)}`);
  return count === 1_000_000 ? parsed.preset : resize(parsed.preset);
}

async function main() {
  const [book = 'lending', countText = '1000000', runsText = '1'] = process.argv.slice(2);
  if (!BOOKS[book]) throw new Error(`unknown book ${book}: expected ${Object.keys(BOOKS).join(', ')}`);
  const count = Number(countText);
  const engine = await import(pathToFileURL(join(ROOT, 'dist', 'engine', 'index.js')).href);
  const scenario = await scenarioFor(book, count);
  const times = [];
  const cpu = [];
  let summary;
  for (let i = 0; i < Number(runsText); i++) {
    globalThis.gc?.();
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    summary = engine.summarize(engine.runCascade(scenario));
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const peakRssMB = (process.resourceUsage().maxRSS * 1024) / 1e6;
  const { rounds, positionsLiquidated, deleveraged, finalPrice } = summary;
  console.log(
    JSON.stringify({
      book,
      count,
      times,
      cpu,
      peakRssMB,
      rounds,
      positionsLiquidated,
      deleveraged,
      finalPrice,
    }),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
