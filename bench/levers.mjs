// Section 1 of bench/run.mjs beside the base book: the same 1,000,000-position book with the defence levers
// the time bound must also hold under (a per-round sale cap; three venues with arbitrage and a median
// oracle), and 1,000,000 perpetuals with a large and with a small insurance fund.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  PERPS_RATIO_BOUND,
  RSS_BOUND_MB,
  TIME_RATIO_BOUND,
  adlPerpsPreset,
  cascadePreset,
  describeSummary,
  fmt,
  list,
  measureCli,
  median,
  mixedPerpsPreset,
  ms,
  verdict,
} from './lib.mjs';

/** Writes the lever presets into `workDir`: [{ label, file }]. */
export function writeLeverPresets(workDir) {
  return [
    ['a per-round sale cap', { liquidation: { maxSellPerRound: 40_000 } }],
    [
      'three venues, arbitrage, median oracle',
      {
        market: { name: 'dex' },
        venues: [
          { name: 'cex', model: 'orderbook', depth2pct: 4e9 },
          { name: 'cex2', model: 'orderbook', depth2pct: 2e9 },
        ],
        arbitrage: { rate: 0.3 },
        oracle: { model: 'spot', venues: ['dex', 'cex', 'cex2'] },
      },
    ],
  ].map(([label, extra], i) => {
    const base = cascadePreset(1_000_000);
    const preset = {
      ...base,
      ...extra,
      market: { ...base.market, ...extra.market },
      liquidation: { ...base.liquidation, ...extra.liquidation },
    };
    const file = join(workDir, `bench-1m-lever-${i}.json`);
    writeFileSync(file, `${JSON.stringify(preset, null, 2)}\n`);
    return { label, file };
  });
}

/**
 * Times each lever preset and the two perpetuals books through the CLI against the floor's median, prints
 * their rows, and returns the failures.
 */
export async function leverRows(leverPresets, floorMedian, workDir, rssFile) {
  const failures = [];
  for (const lever of leverPresets) {
    const { times: runs, summary: leverSummary, peakRssMB: leverRss } = await measureCli(lever.file, rssFile);
    const leverRatio = median(runs) / floorMedian;
    const leverOk = leverRatio < TIME_RATIO_BOUND && leverRss < RSS_BOUND_MB;
    console.log(`   with ${lever.label}: ${describeSummary(leverSummary)}`);
    console.log(
      `            runs ${list(runs)} ms; median ${ms(median(runs))}; ratio ${fmt(leverRatio, 2)}; ` +
        `peak RSS ${fmt(leverRss, 1)} MB   bounds < ${fmt(TIME_RATIO_BOUND, 1)}, < ${RSS_BOUND_MB} MB   ${verdict(leverOk)}`,
    );
    if (!leverOk)
      failures.push(
        `1M positions with ${lever.label}: ratio ${fmt(leverRatio, 2)}, RSS ${fmt(leverRss, 1)} MB`,
      );
  }
  // A mixed book of 1,000,000 perpetuals, longs and shorts, with a large fund and with a small one.
  for (const [label, preset] of [
    ['a large fund', mixedPerpsPreset()],
    ['a $1M fund', adlPerpsPreset()],
  ]) {
    const mixedFile = join(workDir, 'bench-1m-perps.json');
    writeFileSync(mixedFile, `${JSON.stringify(preset, null, 2)}\n`);
    const {
      times: mixedRuns,
      summary: mixedSummary,
      peakRssMB: mixedRss,
    } = await measureCli(mixedFile, rssFile);
    const mixedRatio = median(mixedRuns) / floorMedian;
    const mixedOk = mixedRatio <= PERPS_RATIO_BOUND && mixedRss < RSS_BOUND_MB;
    console.log(
      `   with 1,000,000 perpetuals, half long, half short (2-25x, 10% shock), ${label}: ` +
        `${fmt(mixedSummary.positionsLiquidated)} liquidated, ${fmt(mixedSummary.deleveraged)} deleveraged over ${mixedSummary.rounds} rounds`,
    );
    console.log(
      `            runs ${list(mixedRuns)} ms; median ${ms(median(mixedRuns))}; ratio ${fmt(mixedRatio, 2)}; ` +
        `peak RSS ${fmt(mixedRss, 1)} MB   bounds <= ${fmt(PERPS_RATIO_BOUND, 1)}, < ${RSS_BOUND_MB} MB   ${verdict(mixedOk)}`,
    );
    if (!mixedOk)
      failures.push(`1M perpetuals, ${label}: ratio ${fmt(mixedRatio, 2)}, RSS ${fmt(mixedRss, 1)} MB`);
  }
  return failures;
}
