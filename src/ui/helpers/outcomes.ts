import { summarize, type RoundRecord, type Scenario, type Timeline } from '../../engine/index.js';
import { formatAmount, formatCompact, formatCount } from '../../format.js';

/** The run's cumulative outcome after a round: what the header always shows. */
export interface Outcomes {
  readonly badDebt: number;
  /** Perpetuals: what the insurance fund paid, what is left in it, auto-deleveraging, and losses nobody covered. */
  readonly fundDrawn: number;
  readonly fundLeft: number;
  readonly deleveraged: number;
  readonly adlCovered: number;
  readonly uncoveredLoss: number;
  /** Auctions won by a bid of zero. */
  readonly wonForZero: number;
  /** Extra figures of the engine's summary, shown once the run has ended and when the engine gives them. */
  readonly extras: readonly OutcomeExtra[];
}

export interface OutcomeExtra {
  readonly label: string;
  readonly text: string;
  readonly bad: boolean;
}

/** Sums the rounds' outcomes up to the last record given. */
export function outcomesOf(records: readonly RoundRecord[]): Omit<Outcomes, 'extras'> {
  let badDebt = 0;
  let fundDrawn = 0;
  let deleveraged = 0;
  let adlCovered = 0;
  let uncoveredLoss = 0;
  let wonForZero = 0;
  for (const r of records) {
    badDebt += r.badDebt;
    fundDrawn += r.fundDrawn;
    deleveraged += r.deleveraged;
    adlCovered += r.adlCovered;
    uncoveredLoss += r.uncoveredLoss;
    wonForZero += r.wonForZero;
  }
  return {
    badDebt,
    fundDrawn,
    fundLeft: records.at(-1)?.insuranceFund ?? 0,
    deleveraged,
    adlCovered,
    uncoveredLoss,
    wonForZero,
  };
}

/**
 * The summary figures of the economics of a run (loss beyond bad debt, liquidators' profit), when the
 * engine's summary carries them: read by name, so that the header shows them as soon as the engine has them.
 */
const SUMMARY_EXTRAS: readonly { key: string; label: string; kind: 'money' | 'count' | 'price' }[] = [
  { key: 'shortfall', label: 'Shortfall', kind: 'money' },
  { key: 'totalLoss', label: 'Total loss', kind: 'money' },
  { key: 'liquidatorProfit', label: 'Liquidators made', kind: 'money' },
  { key: 'unprofitableLiquidations', label: 'Unprofitable liquidations', kind: 'count' },
  { key: 'troughPrice', label: 'Trough', kind: 'price' },
];

export function summaryExtras(summary: object | undefined, quote: string): OutcomeExtra[] {
  if (!summary) return [];
  const out: OutcomeExtra[] = [];
  for (const { key, label, kind } of SUMMARY_EXTRAS) {
    const value = (summary as Record<string, unknown>)[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const text =
      kind === 'count'
        ? formatCount(value)
        : kind === 'price'
          ? formatAmount(value, quote)
          : money(value, quote);
    out.push({ label, text, bad: kind === 'money' && key !== 'liquidatorProfit' && value > 0 });
  }
  return out;
}

const money = (value: number, quote: string) => `${formatCompact(value)} ${quote}`;

/** One header part: a label, its figure, and whether it is a loss to show in the danger colour. */
export interface OutcomePart {
  readonly text: string;
  readonly bad: boolean;
}

/**
 * The outcome parts in order: bad debt always; the debt still open and under water at the venue price when
 * there is some; the perpetuals' fund, ADL and uncovered loss whenever the preset has perpetuals; then the extras.
 */
export function outcomeParts(
  outcomes: Outcomes,
  underWater: number,
  preset: Pick<Scenario, 'perps' | 'asset'>,
): OutcomePart[] {
  const quote = preset.asset.quote;
  const parts: OutcomePart[] = [
    { text: `Bad debt ${money(outcomes.badDebt, quote)}`, bad: outcomes.badDebt > 0 },
  ];
  if (underWater > 0) parts.push({ text: `Under water ${money(underWater, quote)} open`, bad: true });
  if (outcomes.wonForZero > 0)
    parts.push({ text: `Won for 0: ${formatCount(outcomes.wonForZero)} auctions`, bad: true });
  if (preset.perps) {
    parts.push({
      text: `Fund paid ${money(outcomes.fundDrawn, quote)} (${formatCompact(outcomes.fundLeft)} left)`,
      bad: outcomes.fundDrawn > 0,
    });
    parts.push({
      text: `ADL ${formatCount(outcomes.deleveraged)} for ${money(outcomes.adlCovered, quote)}`,
      bad: outcomes.deleveraged > 0,
    });
    parts.push({
      text: `Uncovered ${money(outcomes.uncoveredLoss, quote)}`,
      bad: outcomes.uncoveredLoss > 0,
    });
  }
  for (const extra of outcomes.extras) parts.push({ text: `${extra.label} ${extra.text}`, bad: extra.bad });
  return parts;
}

/** The outcome of `timeline` after `round`, with the summary's extras once the run has ended there. */
export function outcomesAt(timeline: Timeline, round: number, quote: string): Outcomes {
  const records = timeline.recordsTo(round);
  const ended = timeline.finished && records.length === timeline.computed;
  const run = ended ? timeline.run() : undefined;
  return { ...outcomesOf(records), extras: run ? summaryExtras(summarize(run), quote) : [] };
}
