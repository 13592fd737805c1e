// Section 2 of bench/run.mjs: a round's cost grows with the positions it liquidates, not with the book.
// bench/scaling.mjs runs the same liquidations in a 100,000- and a 1,000,000-position book in one child
// process, timing only the step() calls; this prints the rows and checks the loose bound.

import { pathToFileURL } from 'node:url';
import {
  BenchError,
  ENGINE,
  ROUND_COST_RATIO_BOUND,
  SCALING,
  expectSuccess,
  fmt,
  list,
  median,
  ms,
  runNode,
  verdict,
} from './lib.mjs';

/** Runs bench/scaling.mjs, prints section 2, and returns the failures. */
export async function roundCostRows() {
  const failures = [];
  console.log('');
  console.log('2. Round cost grows with liquidations, not book size (engine in-process, step() only)');
  const scaling = await runNode(['--expose-gc', SCALING, pathToFileURL(ENGINE).href], { keepStdout: true });
  expectSuccess('node --expose-gc bench/scaling.mjs', scaling);
  const { ladder, warmupPairs, results } = JSON.parse(scaling.stdout);
  const small = results['100000'];
  const big = results['1000000'];
  if (JSON.stringify(small.liquidations) !== JSON.stringify(big.liquidations)) {
    throw new BenchError('the two scaling books did not liquidate the same positions round by round');
  }
  const rounds = small.liquidations.length;
  const liquidated = small.liquidated;
  console.log(
    `   both books: the same ${fmt(ladder)}-loan ladder and pool; ${fmt(liquidated)} liquidations over ` +
      `${rounds} rounds (${small.liquidations.join(', ')}); every other position never goes under water`,
  );
  console.log(
    `   ${warmupPairs} warm-up pairs discarded, ${small.ms.length} measured pairs, alternating; ` +
      'median of the total step() time per run',
  );
  const smallMedian = median(small.ms);
  const bigMedian = median(big.ms);
  const roundRatio = bigMedian / smallMedian;
  for (const [label, runs, m] of [
    ['  100,000 positions', small.ms, smallMedian],
    ['1,000,000 positions', big.ms, bigMedian],
  ]) {
    console.log(
      `   ${label}: per round ${fmt((1000 * m) / rounds, 1)} µs, per liquidation ` +
        `${fmt((1000 * m) / liquidated, 2)} µs (total ${ms(m)}; runs ${list(runs)} ms)`,
    );
  }
  const roundOk = roundRatio < ROUND_COST_RATIO_BOUND;
  console.log(
    `   ratio 1,000,000 / 100,000 = ${fmt(roundRatio, 2)} (book 10x larger)` +
      `   bound < ${fmt(ROUND_COST_RATIO_BOUND, 1)}   ${verdict(roundOk)}`,
  );
  if (!roundOk) failures.push(`round cost ratio ${fmt(roundRatio, 2)} >= ${ROUND_COST_RATIO_BOUND}`);
  return failures;
}
