import type { CascadeRun, Scenario, Summary } from '../engine/index.js';
import { hasLending, summarize } from '../engine/index.js';
import {
  article,
  formatChange,
  formatCount,
  formatNumber,
  formatPct,
  formatTimes,
  plural,
} from '../format.js';
import { checkRecord, describeCheck, noPredictionOf } from '../presets/index.js';
import { liquidatorLossNote } from '../findings.js';
import { elapsedText, parseRoundLength, unitsText } from '../round-length.js';

/** A one-line description of a scenario's market, oracle and mechanism. */
export function describeScenario(s: Scenario): string {
  const oracle =
    s.oracle.model === 'twap'
      ? `${s.oracle.mean === 'geometric' ? 'geometric ' : ''}${s.oracle.sampling === 'time-weighted' ? 'time-weighted ' : ''}TWAP oracle over ${plural(s.oracle.window, 'round')}`
      : s.oracle.model === 'lagged'
        ? `oracle lagged ${plural(s.oracle.delay, 'round')}`
        : 'spot oracle';
  const mechanism =
    s.liquidation.mechanism === 'partial'
      ? `partial liquidation (close factor ${formatPct(s.liquidation.closeFactor ?? 0, 0)})`
      : 'full liquidation';
  const book = hasLending(s)
    ? `${mechanism}, LT ${formatPct(s.liquidation.threshold)}, bonus ${formatPct(s.liquidation.bonus)}`
    : `perpetuals only, insurance fund ${formatNumber(s.perps?.insuranceFund ?? 0)} ${s.asset.quote}`;
  return (
    `${s.asset.symbol}/${s.asset.quote} at ${formatNumber(s.asset.price)}, ${s.market.model} market ` +
    `with ${formatNumber(s.market.depth2pct)} ${s.asset.quote} of ±2% depth, ${oracle}, ${book}, ` +
    `shock ${formatChange(-s.shock.pct)}`
  );
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The round-by-round table and summary that `liqloop run` prints for a person. */
export function runText(run: CascadeRun): string {
  const s = run.scenario;
  const { symbol, quote } = s.asset;
  const lending = hasLending(s);
  const rows = run.rounds.map((r) => [
    String(r.round),
    formatNumber(r.oraclePrice),
    formatNumber(r.startPrice),
    formatNumber(r.price),
    formatCount(r.liquidations),
    ...(lending
      ? [formatNumber(r.collateralSold), formatNumber(r.debtRepaid), formatNumber(r.badDebt)]
      : [
          formatNumber(r.perpNetSold),
          formatNumber(r.fundDrawn),
          formatNumber(r.adlCovered),
          formatNumber(r.uncoveredLoss),
        ]),
  ]);
  const header = [
    'round',
    'oracle',
    'venue start',
    'venue after sale',
    'liquidations',
    ...(lending
      ? [`sold (${symbol})`, `repaid (${quote})`, `bad debt (${quote})`]
      : [`net sold (${symbol})`, `fund paid (${quote})`, `ADL covered (${quote})`, `uncovered (${quote})`]),
  ];
  const m = summarize(run);
  const amplification =
    m.amplification === null ? 'no shock' : `amplification ${formatTimes(m.amplification)}`;
  const troughAmplification =
    m.troughAmplification === null ? '' : `, amplification ${formatTimes(m.troughAmplification)}`;
  const lossNote = liquidatorLossNote(m, s);
  const summary = [
    `Summary`,
    `  price        ${formatNumber(m.initialPrice)} → ${formatNumber(m.finalPrice)} ${quote} ` +
      `(low ${formatNumber(m.minPrice)}): drawdown ${formatPct(m.drawdownPct)} from ${article(formatPct(m.shockPct))} ${formatPct(m.shockPct)} shock, ${amplification}`,
    m.troughDrawdownPct > 0
      ? `  trough       ${formatNumber(m.troughPrice)} ${quote} after round ${m.troughRound}: ` +
        `drawdown ${formatPct(m.troughDrawdownPct)}${troughAmplification}`
      : // The lowest price after a sale is above the start (a pump, a squeeze): no trough to speak of.
        `  trough       none below the start: the lowest price after a sale, ${formatNumber(m.troughPrice)} ${quote} ` +
        `after round ${m.troughRound}, is above it`,
    `  liquidated   ${formatCount(m.positionsLiquidated)} of ${formatCount(m.positions)} positions; ` +
      (lending
        ? `${formatNumber(m.collateralSold)} ${symbol} sold, ${formatNumber(m.debtRepaid)} ${quote} repaid`
        : `perpetuals, ${formatNumber(m.perpLiquidatedNotional)} ${quote} of notional closed`),
    ...(lending
      ? [
          `  bad debt     ${formatNumber(m.badDebt)} ${quote}` +
            (m.unresolvedDebt > 0
              ? `, and ${formatNumber(m.unresolvedDebt)} ${quote} of debt still under water at the oracle's price`
              : ''),
        ]
      : []),
    ...lossLines(m, quote, lending),
    ...(lending
      ? [
          `  liquidators  ${m.liquidatorProfit < 0 ? 'loss' : 'profit'} ${formatNumber(Math.abs(m.liquidatorProfit))} ${quote}` +
            (m.unprofitableLiquidations > 0
              ? `, ${formatCount(m.unprofitableLiquidations)} liquidations at a loss`
              : '') +
            (m.partialFills > 0 ? `, ${formatCount(m.partialFills)} filled partly for lack of capital` : ''),
          ...(lossNote ? [`  ⚠ ${lossNote}`] : []),
          `  resolved     ${m.resolvedAtRound > 0 ? `insolvency worked off by round ${m.resolvedAtRound}` : 'nothing to resolve'}` +
            (m.skippedLiquidations > 0
              ? `; ${formatCount(m.skippedLiquidations)} liquidations skipped by liquidators`
              : '') +
            (m.maxQueued > 0 ? `; up to ${formatNumber(m.maxQueued)} ${symbol} queued for sale` : ''),
        ]
      : []),
    ...(run.scenario.liquidation.mechanism === 'auction'
      ? [
          `  protocol     penalty income ${formatNumber(m.penaltyIncome)} ${quote}, keeper incentives ` +
            `${formatNumber(m.keeperIncentives)} ${quote}; netted as Maker's Vow: ` +
            (m.vowDeficit > 0
              ? `deficit ${formatNumber(m.vowDeficit)} ${quote}`
              : `surplus ${formatNumber(m.vowSurplus)} ${quote}`) +
            (m.maxWaitingForHole > 0
              ? `; up to ${formatCount(m.maxWaitingForHole)} positions waited for the hole`
              : ''),
        ]
      : []),
    ...(m.attack ? [`  attack       ${attackWords(m.attack, quote)}`] : []),
    ...(m.insuranceFund > 0 || m.fundDrawn > 0 || m.deleveraged > 0
      ? [
          `  perps        fund ${formatNumber(m.insuranceFund)} ${quote} at the end (paid ${formatNumber(m.fundDrawn)} ${quote}), ` +
            `${formatCount(m.deleveraged)} deleveraged covering ${formatNumber(m.adlCovered)} ${quote}, ` +
            `${formatNumber(m.uncoveredLoss)} ${quote} uncovered`,
          ...perpsLines(m, quote),
        ]
      : m.perpFill !== null
        ? perpsLines(m, quote)
        : []),
    `  rounds       ${m.rounds}${roundTime(s, m.rounds)}, ${m.converged ? 'converged' : `not converged (stopped at the ${formatCount(run.rounds.length)}-round limit)`}`,
  ];
  const record = s.record?.length
    ? ['', ...recordText(checkRecord(m, s.record), noPredictionOf(s), s.asset)]
    : [];
  return [`${s.name}: ${describeScenario(s)}`, '', table(header, rows), '', ...summary, ...record, ''].join(
    '\n',
  );
}

/**
 * The total loss. On loans alone it is `totalLoss` (bad debt + shortfall). With perpetuals the fund's draw,
 * ADL and the uncovered loss are losses too (the same sum as `run --robust`'s losses), so the line adds
 * them: a total of the loans alone beside a perpetuals' loss would read as the whole.
 */
function lossLines(m: Summary, quote: string, lending: boolean): string[] {
  const loans =
    `bad debt ${formatNumber(m.badDebt)} ${quote} + shortfall ${formatNumber(m.shortfall)} ${quote} ` +
    `(open positions' debt above their collateral at the venue's last price)`;
  if (m.perpFill === null) return [`  total loss   ${formatNumber(m.totalLoss)} ${quote}: ${loans}`];
  const parts =
    `fund paid ${formatNumber(m.fundDrawn)} ${quote} + ADL covered ${formatNumber(m.adlCovered)} ${quote} + ` +
    `uncovered ${formatNumber(m.uncoveredLoss)} ${quote} on the perpetuals`;
  return [
    `  total loss   ${formatNumber(wholeLoss(m))} ${quote}: ` +
      (lending ? `${loans} on the loans, + ${parts}` : parts),
  ];
}

/** Every loss the run books: the loans' (`totalLoss`) and the perpetuals' fund draw, ADL and uncovered loss. */
export function wholeLoss(m: Summary): number {
  return m.totalLoss + m.fundDrawn + m.adlCovered + m.uncoveredLoss;
}

/**
 * The attack's figures worded by sign: "cost 4,975,930 USD" for a trade that cost quote, "the trade raised
 * 82,292,059 USD" for one that brought quote in; "profit" or "loss" for what the attacker made.
 */
export function attackWords(attack: NonNullable<Summary['attack']>, quote: string): string {
  const amount = (value: number) => `${formatNumber(Math.abs(value))} ${quote}`;
  return (
    `${attack.cost >= 0 ? 'cost' : 'the trade raised'} ${amount(attack.cost)}, borrowed ${amount(attack.borrowed)}, ` +
    `${attack.profit >= 0 ? 'profit' : 'loss'} ${amount(attack.profit)}, bad debt left ${amount(attack.badDebt)}`
  );
}

/** " (9 hours at 1 hour a round)" when the preset gives a round length, else nothing. */
function roundTime(s: Scenario, rounds: number): string {
  const length = s.roundLength !== undefined ? parseRoundLength(s.roundLength) : null;
  return length
    ? ` (${elapsedText(length, rounds)} at ${unitsText(length.amount, length.unit)} a round)`
    : '';
}

/** The perpetuals' fills, ADL overshoot and backstop; a loud line when the slippage is booked nowhere. */
export function perpsLines(m: Summary, quote: string): string[] {
  if (m.perpFill === null) return [];
  const lines = [
    m.perpFill === 'venue'
      ? `  slippage     ${formatNumber(m.perpSlippage)} ${quote} booked: liquidations fill at the venue's prices`
      : `  WARNING      perpetuals fill at the oracle price (perps.fill is not "venue"): ` +
        `${formatNumber(m.perpSlippage)} ${quote} the venue's fills fetched short of it is booked nowhere, ` +
        `so the fund's draw and ADL are understated; set perps.fill: "venue"`,
  ];
  if (m.adlOvershoot > 0)
    lines.push(
      `  overshoot    ADL took ${formatNumber(m.adlOvershoot)} ${quote} beyond what the fund could not cover`,
    );
  if (m.backstopTaken > 0 || m.backstopEquity !== 0)
    lines.push(
      `  backstop     the vault took ${formatCount(m.backstopTaken)} positions (${formatNumber(m.backstopNotional)} ${quote}); ` +
        `its equity at the end ${formatNumber(m.backstopEquity)} ${quote}`,
    );
  return lines;
}

/**
 * "Against the record": each recorded figure beside the model's, with its role (input, fitted, predicted)
 * when the preset gives one, and the preset's statement when it predicts none of them.
 */
function recordText(
  checks: ReturnType<typeof checkRecord>,
  noPrediction: string | undefined,
  units: { readonly quote: string; readonly symbol: string },
): string[] {
  const lines = checks.map((c) => describeCheck(c, { units }));
  const width = Math.max(...lines.map((l) => l.figure.length));
  const roleWidth = Math.max(...lines.map((l) => l.role.length));
  const role = (text: string) => (roleWidth > 0 ? `${text.padEnd(roleWidth)}  ` : '');
  return [
    'Against the record',
    ...lines.map((l) => `  ${l.figure.padEnd(width)}  ${role(l.role)}${l.text}`),
    ...(noPrediction ? [`  No prediction: ${noPrediction}`] : []),
  ];
}
