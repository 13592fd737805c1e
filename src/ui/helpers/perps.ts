/** What the header says about the perpetuals up to the round shown: the fund, ADL, what is uncovered, the slippage. Pure. */
import type { Timeline } from '../../engine/index.js';
import { formatAmount, formatCount } from '../../format.js';

export interface PerpsFigures {
  /** "Fund 1.78M USD (paid 31.04M USD) · ADL 14,746 for 34.58M USD · uncovered 0 USD · slippage 55.29M USD". */
  readonly text: string;
  /** With oracle fills: "⚠ 115.67M USD slippage unbooked (oracle fills)", to be shown loudly. */
  readonly unbooked: string | null;
}

/** The perpetuals' figures summed over rounds 1 … round (null without perpetuals). */
export function perpsSoFar(timeline: Timeline, round: number, quote: string): PerpsFigures | null {
  const perps = timeline.scenario.perps;
  if (!perps) return null;
  let drawn = 0;
  let deleveraged = 0;
  let adl = 0;
  let uncovered = 0;
  let slippage = 0;
  let overshoot = 0;
  let backstop = 0;
  let fund = perps.insuranceFund;
  let vault = perps.backstop?.capital ?? 0;
  for (let r = 1; r <= round; r++) {
    const record = timeline.record(r);
    if (!record) break;
    drawn += record.fundDrawn;
    deleveraged += record.deleveraged;
    adl += record.adlCovered;
    uncovered += record.uncoveredLoss;
    slippage += record.perpSlippage;
    overshoot += record.adlOvershoot;
    backstop += record.backstopTaken;
    fund = record.insuranceFund;
    vault = record.backstopEquity;
  }
  const booked = perps.fill === 'venue';
  const parts = [
    `Fund ${formatAmount(fund, quote)} (paid ${formatAmount(drawn, quote)})`,
    `ADL ${formatCount(deleveraged)} for ${formatAmount(adl, quote)}` +
      (overshoot > 0 ? ` (+${formatAmount(overshoot, quote)} over)` : ''),
    `uncovered ${formatAmount(uncovered, quote)}`,
    ...(booked ? [`slippage ${formatAmount(slippage, quote)}`] : []),
    ...(perps.backstop ? [`vault ${formatAmount(vault, quote)} (took ${formatCount(backstop)})`] : []),
  ];
  return {
    text: parts.join(' · '),
    unbooked: booked ? null : `⚠ ${formatAmount(slippage, quote)} slippage unbooked (oracle fills)`,
  };
}
