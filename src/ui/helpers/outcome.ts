/** What the header says about the run beyond the round shown: the trough so far, the whole loss, the liquidators. Pure. */
import { summarize, troughOf, type Summary, type Timeline, type Trough } from '../../engine/index.js';
import { liquidatorLossNote } from '../../findings.js';
import { formatAmount, formatChange, formatTimes } from '../../format.js';
import type { Session } from '../state/session.js';

/** The lowest venue price after a sale in rounds 1 … round, and the first round it was reached. */
export function troughSoFar(timeline: Timeline, round: number): { price: number; round: number } | null {
  const trough = troughUpTo(timeline, round);
  return trough ? { price: trough.troughPrice, round: trough.troughRound } : null;
}

/**
 * The summary's trough fields (troughPrice, troughRound, troughDrawdownPct, troughAmplification) for rounds
 * 1 … round, by the summary's own arithmetic; null before round 1.
 */
export function troughUpTo(timeline: Timeline, round: number): Trough | null {
  const records = timeline.recordsTo(round);
  return records.length > 0 ? troughOf(timeline.scenario, records) : null;
}

/** "Trough 389.76 USD r8 (−80.5%, 8.05×)": the price, round, drawdown and amplification so far. */
export function troughText(trough: Trough, quote: string): string {
  const amplification =
    trough.troughAmplification !== null ? `, ${formatTimes(trough.troughAmplification)}` : '';
  return (
    `Trough ${formatAmount(trough.troughPrice, quote)} r${trough.troughRound} ` +
    `(${formatChange(-trough.troughDrawdownPct)}${amplification})`
  );
}

const summaries = new WeakMap<Timeline, Summary>();

/** The run's summary once the displayed round is the last one (computed once per run). */
export function finalSummary(session: Session, round: number): Summary | null {
  const { timeline } = session;
  if (!timeline.finished || round !== timeline.computed) return null;
  let summary = summaries.get(timeline);
  if (!summary) {
    const run = timeline.run();
    if (!run) return null;
    summary = summarize(run);
    summaries.set(timeline, summary);
  }
  return summary;
}

export interface HeaderFindings {
  /** "Trough 1,649.19 USD r1 (−17.5%, 2.71×)": the trough so far, at any round from 1. */
  readonly trough: string | null;
  /** "Shortfall 111.04M USD (loss 111.18M USD)" once the run is over, when loans are left under water. */
  readonly shortfall: string | null;
  /** "liquidators lost …" once the run is over, when they did. */
  readonly liquidators: string | null;
  /** "Attack: bad debt left 11,235,500 USD, attacker's profit …" once the run is over, when the preset has an attacker. */
  readonly attack: { readonly text: string; readonly bad: boolean } | null;
  /** Why the run stopped early (the ModelRangeError's message: it left the model's numeric range), at its last round. */
  readonly failure: string | null;
}

export function headerFindings(session: Session, round: number): HeaderFindings {
  const trough = troughUpTo(session.timeline, round);
  const summary = finalSummary(session, round);
  const { failure } = session.timeline;
  const { quote } = session.preset.asset;
  return {
    // No price below the start yet (Mango's attack lifts it 24×, a squeeze lifts it): a "trough" above the
    // start, with a drawdown of −1,586.9% and an amplification of −33.50×, would mislead; the venue shows.
    trough: trough && trough.troughDrawdownPct > 0 ? troughText(trough, quote) : null,
    shortfall:
      summary && summary.shortfall > 0
        ? `Shortfall ${formatAmount(summary.shortfall, quote)} (loss ${formatAmount(summary.totalLoss, quote)})`
        : null,
    attack: summary?.attack ? attackText(summary.attack, quote) : null,
    liquidators: summary ? liquidatorLossNote(summary, session.preset) : null,
    failure:
      failure && session.timeline.finished && round >= session.timeline.computed ? failure.message : null,
  };
}

/**
 * The attack's outcome in words chosen by sign, as `liqloop run` words it: the bad debt it left first (the
 * protocol's loss), then what the attacker made ("profit") or lost ("loss"), never a negative profit.
 */
export function attackText(
  attack: NonNullable<Summary['attack']>,
  quote: string,
): { readonly text: string; readonly bad: boolean } {
  const parts: string[] = [];
  // Already in the header's bad debt (liquidated) or shortfall (left open): said as part of that loss, so
  // that nobody adds it to it.
  if (attack.badDebt > 0) parts.push(`bad debt left ${formatAmount(attack.badDebt, quote)} (in the loss)`);
  parts.push(
    attack.profit >= 0
      ? `attacker's profit ${formatAmount(attack.profit, quote)}`
      : `attacker's loss ${formatAmount(-attack.profit, quote)}`,
  );
  return { text: `Attack: ${parts.join(', ')}`, bad: attack.badDebt > 0 };
}
