// Section 6 of `npm run bench`: every liquidation mechanism and liquidator lever on the 1,000,000-position
// book, timed through the CLI against the base model on the same book and market (full liquidation, no
// limits). Issue 16: at the count bound every mechanism must run within 5x the base model's time.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cascadePreset, describeSummary, fmt, list, measureCli, median, ms, verdict } from './lib.mjs';

export const MECHANISM_RATIO_BOUND = 5;
const COUNT = 1_000_000;
const AUCTION = { startAbove: 1.2, decay: 0.9, tail: 20, cusp: 0.5 };
/** A pool 20 times thinner than the bench book's: liquidations there stop paying, and wait. */
const THIN = { depth2pct: COUNT * 100 };

/** [label, fields merged into the bench preset, market fields shared with its base]. */
const MECHANISMS = [
  ['partial liquidation, close factor 50%', { liquidation: { mechanism: 'partial', closeFactor: 0.5 } }],
  [
    'Aave v3 partial, 100% below HF 0.95',
    { liquidation: { mechanism: 'partial', closeFactor: 0.5, fullBelowHealth: 0.95 } },
  ],
  ['Dutch auction (Maker Clipper)', { liquidation: { mechanism: 'auction', auction: AUCTION } }],
  [
    'auction, Maker accounting, hole $200M, tip, chip, dust',
    {
      liquidation: {
        mechanism: 'auction',
        auction: { ...AUCTION, accounting: 'maker', hole: 2e8, tip: 100, chip: 0.001, dust: 5000 },
      },
    },
  ],
  [
    'auction, zero bids, $100M of keeper capital a round',
    {
      liquidation: { mechanism: 'auction', auction: { ...AUCTION, tail: 2, zeroBids: true } },
      liquidators: { capital: 1e8 },
    },
  ],
  ['liquidator capital $100M a round', { liquidators: { capital: 1e8 } }],
  ['liquidators need a profit', { liquidators: { requireProfit: true } }],
  ['liquidators need a profit, thin pool', { liquidators: { requireProfit: true } }, THIN],
  [
    'capital $100M, partial fills, profit net of $20 gas, thin pool',
    { liquidators: { capital: 1e8, partialFills: true, requireProfit: true, gasCost: 20 } },
    THIN,
  ],
];

/** Writes the preset for a row (or its base, without `extra`) and returns the file. */
function presetFile(workDir, name, extra, market) {
  const base = cascadePreset(COUNT);
  const preset = {
    ...base,
    ...extra,
    market: { ...base.market, ...market },
    liquidation: { ...base.liquidation, ...extra.liquidation },
  };
  const file = join(workDir, `bench-mechanism-${name}.json`);
  writeFileSync(file, `${JSON.stringify(preset, null, 2)}\n`);
  return file;
}

/** Times every row and its base; prints them; returns the rows over the bound. */
export async function mechanismRows(workDir, rssFile) {
  console.log('');
  console.log(
    `6. Every mechanism at ${fmt(COUNT)} positions against the base model on the same book and market ` +
      '(full liquidation, no limits): ratio of the medians',
  );
  const failures = [];
  const bases = new Map();
  for (const [i, [label, extra, market = {}]] of MECHANISMS.entries()) {
    const key = JSON.stringify(market);
    if (!bases.has(key)) {
      const base = await measureCli(presetFile(workDir, `base-${bases.size}`, {}, market), rssFile);
      bases.set(key, base);
      const pool = market.depth2pct ? `$${fmt(market.depth2pct / 1e6)}M of ±2% depth` : 'the bench book';
      console.log(`   base (${pool}): ${describeSummary(base.summary)}`);
      console.log(`            runs ${list(base.times)} ms; median ${ms(median(base.times))}`);
    }
    const base = bases.get(key);
    const row = await measureCli(presetFile(workDir, String(i), extra, market), rssFile);
    const ratio = median(row.times) / median(base.times);
    const ok = ratio < MECHANISM_RATIO_BOUND;
    console.log(`   ${label}: ${describeSummary(row.summary)}`);
    console.log(
      `            runs ${list(row.times)} ms; median ${ms(median(row.times))}; ratio to base ${fmt(ratio, 2)}` +
        `   bound < ${fmt(MECHANISM_RATIO_BOUND, 1)}   ${verdict(ok)}`,
    );
    if (!ok) failures.push(`${label}: ${fmt(ratio, 2)}x the base model`);
  }
  return failures;
}
