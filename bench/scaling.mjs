// Run by bench/run.mjs as `node --expose-gc bench/scaling.mjs <engine-url>`; prints one JSON object.
//
// Checks that a round costs in proportion to the positions it liquidates, not to the book: two books of
// 100,000 and 1,000,000 positions share the same ladder of 8,500 explicit loans (about 1,000 of them under
// water after the shock) and the same pool; every other position is generated with a health factor of 4 to 6,
// so its liquidation price (p0 / HF <= 500) stays far below anywhere the cascade goes. Both books therefore
// run exactly the same rounds with the same liquidations (checked), and only the number of idle positions
// differs. Only the step() calls are timed; construction is not, and a full GC runs before each timing.

import { performance } from 'node:perf_hooks';

const engine = await import(process.argv[2]);

const P0 = 2000;
const THRESHOLD = 0.825;
const LADDER = 8_500;
const LADDER_COLLATERAL = 25.5;
const SIZES = [100_000, 1_000_000];
const WARMUP_PAIRS = 3;
const MEASURED_PAIRS = 15;

function scenario(total) {
  const positions = [];
  for (let i = 0; i < LADDER; i++) {
    // Health factors at p0 spread evenly over 1.02 to 1.8, like the generator's draws in the CLI benchmark.
    const healthFactor = 1.02 + (0.78 * (i + 0.5)) / LADDER;
    positions.push({
      id: `ladder${i}`,
      collateral: LADDER_COLLATERAL,
      debt: (LADDER_COLLATERAL * P0 * THRESHOLD) / healthFactor,
    });
  }
  return {
    name: `scaling: ${total} positions`,
    description: '',
    asset: { symbol: 'ETH', quote: 'USD', price: P0 },
    // $2,000 of ±2% depth per ladder loan: the same per-position depth as the CLI benchmark's book.
    market: { model: 'constant-product', depth2pct: LADDER * 2000, fee: 0, recovery: 0 },
    oracle: { model: 'spot' },
    liquidation: { mechanism: 'full', bonus: 0.05, threshold: THRESHOLD },
    shock: { pct: 0.1 },
    positions,
    generate: {
      count: total - LADDER,
      seed: 7,
      collateral: { min: 1, max: 50 },
      healthFactor: { min: 4, max: 6 },
    },
    rounds: 500,
  };
}

function measure(total) {
  const cascade = new engine.Cascade(scenario(total));
  const liquidations = [];
  globalThis.gc?.();
  const start = performance.now();
  while (!cascade.done) liquidations.push(cascade.step().record.liquidations);
  const ms = performance.now() - start;
  return { ms, liquidations, liquidated: cascade.book.liquidatedCount };
}

const results = Object.fromEntries(
  SIZES.map((size) => [size, { ms: [], liquidations: null, liquidated: 0 }]),
);
for (let pair = 0; pair < WARMUP_PAIRS + MEASURED_PAIRS; pair++) {
  for (const size of pair % 2 ? [...SIZES].reverse() : SIZES) {
    const run = measure(size);
    const result = results[size];
    if (pair >= WARMUP_PAIRS) result.ms.push(run.ms);
    result.liquidations = run.liquidations;
    result.liquidated = run.liquidated;
  }
}

process.stdout.write(
  `${JSON.stringify({ ladder: LADDER, gc: typeof globalThis.gc === 'function', warmupPairs: WARMUP_PAIRS, results })}\n`,
);
