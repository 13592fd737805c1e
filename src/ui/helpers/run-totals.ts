import { hasLending, type RoundRecord, type Scenario, type Timeline } from '../../engine/index.js';
import type { HeaderFindings } from './outcome.js';
import type { PerpsFigures } from './perps.js';
import { formatAmount, formatCount } from '../../format.js';

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
  /**
   * The engine's debt of liquidatable positions still open after the round (skipped, partly closed, or
   * owed in running auctions): a state, not a sum. At the last round it is the summary's `unresolvedDebt`,
   * the "… of debt still under water" of `liqloop run`.
   */
  readonly stillUnderWater: number;
  /**
   * Liquidations liquidators left undone, summed over the rounds (a loan skipped in five rounds counts five
   * times): the "N liquidations skipped by liquidators" of `liqloop run`, at the last round.
   */
  readonly skipped: number;
}

/** Sums the rounds' outcomes up to the last record given. */
export function outcomesOf(records: readonly RoundRecord[]): Outcomes {
  let badDebt = 0;
  let fundDrawn = 0;
  let deleveraged = 0;
  let adlCovered = 0;
  let uncoveredLoss = 0;
  let wonForZero = 0;
  let skipped = 0;
  for (const r of records) {
    skipped += r.skippedForCapital + r.skippedUnprofitable;
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
    stillUnderWater: records.at(-1)?.underwaterDebt ?? 0,
    skipped,
  };
}

/** One header part: a label, its figure, and whether it is a loss to show in the danger colour. */
export interface OutcomePart {
  readonly text: string;
  readonly bad: boolean;
  /** On a line (or lines) of its own. */
  readonly alone?: boolean;
  /** A price part, drawn in its line's colour; a defence at work (warning), or the venue's description (muted). */
  readonly tone?: 'venue' | 'oracle' | 'warning' | 'muted';
}

/**
 * The outcome parts in order: bad debt always; the debt still under water (the engine's figure, which
 * `liqloop run` reports for the last round, in its digits) when there is some; the perpetuals' fund, ADL and uncovered loss whenever the preset has perpetuals; then, once
 * the run is over, the engine's shortfall and whole loss and what the liquidators lost; first of all, why
 * the run stopped when it left the model's numeric range.
 */
export function outcomeParts(
  outcomes: Outcomes,
  preset: Pick<Scenario, 'perps' | 'asset' | 'positions' | 'generate' | 'attacker'>,
  findings?: Pick<HeaderFindings, 'shortfall' | 'liquidators'> &
    Partial<Pick<HeaderFindings, 'failure' | 'attack'>>,
  perps?: PerpsFigures | null,
): OutcomePart[] {
  const quote = preset.asset.quote;
  // A book of perpetuals only has no loans to go bad: its losses are the perpetuals' parts below.
  const parts: OutcomePart[] = hasLending(preset)
    ? [{ text: `Bad debt ${formatAmount(outcomes.badDebt, quote)}`, bad: outcomes.badDebt > 0 }]
    : [];
  if (outcomes.stillUnderWater > 0)
    parts.push({
      text: `Debt still under water ${formatAmount(outcomes.stillUnderWater, quote)}`,
      bad: true,
    });
  if (outcomes.wonForZero > 0)
    parts.push({ text: `Won for 0: ${formatCount(outcomes.wonForZero)} auctions`, bad: true });
  // The perpetuals' figures as the perpetuals' own helper words them, each a part of its own.
  if (perps) {
    if (perps.unbooked) parts.push({ text: perps.unbooked, bad: true });
    for (const text of perps.text.split(' · '))
      parts.push({ text, bad: /^(?:ADL [1-9]|uncovered [1-9])/.test(text) });
  }
  if (findings?.shortfall) parts.push({ text: findings.shortfall, bad: true });
  // The attack's bad debt and the attacker's result, each a part of its own so that a narrow header
  // wraps between them rather than lose the whole.
  if (findings?.attack) {
    const [first, ...rest] = findings.attack.text.split(', ');
    parts.push({ text: first!, bad: findings.attack.bad });
    for (const text of rest) parts.push({ text, bad: false });
  }
  if (findings?.liquidators) parts.push({ text: `⚠ ${findings.liquidators}`, bad: true });
  if (!findings?.failure) return parts;
  // The run stopped early: what happened, then what to do, each a part of its own, before the rest.
  const [what, ...advice] = findings.failure.split('; ');
  return [
    { text: `✖ ${what}`, bad: true, alone: true },
    ...(advice.length > 0 ? [{ text: advice.join('; '), bad: true, alone: true }] : []),
    ...parts,
  ];
}

/** The outcome of `timeline` after `round`. */
export function outcomesAt(timeline: Timeline, round: number): Outcomes {
  return outcomesOf(timeline.recordsTo(round));
}
