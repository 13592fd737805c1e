/** What the header says about the run beyond the round shown: the trough so far, the whole loss, the liquidators. Pure. */
import { summarize, type Summary, type Timeline } from '../../engine/index.js';
import { liquidatorLossNote } from '../../findings.js';
import { formatCompact, formatNumber, formatTimes } from '../../format.js';
import type { Session } from '../state/session.js';

/** The lowest venue price after a sale in rounds 1 … round, and the first round it was reached. */
export function troughSoFar(timeline: Timeline, round: number): { price: number; round: number } | null {
  let trough: { price: number; round: number } | null = null;
  for (let r = 1; r <= round; r++) {
    const record = timeline.record(r);
    if (record && (trough === null || record.price < trough.price))
      trough = { price: record.price, round: r };
  }
  return trough;
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
  /** "Trough 1,649.19 r1", with "· 2.71×" (the amplification there) once the run is over. */
  readonly trough: string | null;
  /** "Shortfall 111.04M (loss 111.18M)" once the run is over, when loans are left under water. */
  readonly shortfall: string | null;
  /** "liquidators lost …" once the run is over, when they did. */
  readonly liquidators: string | null;
}

export function headerFindings(session: Session, round: number): HeaderFindings {
  const trough = troughSoFar(session.timeline, round);
  const summary = finalSummary(session, round);
  const amplification =
    summary && summary.troughAmplification !== null ? ` · ${formatTimes(summary.troughAmplification)}` : '';
  return {
    trough: trough ? `Trough ${formatNumber(trough.price)} r${trough.round}${amplification}` : null,
    shortfall:
      summary && summary.shortfall > 0
        ? `Shortfall ${formatCompact(summary.shortfall)} (loss ${formatCompact(summary.totalLoss)})`
        : null,
    liquidators: summary ? liquidatorLossNote(summary, session.preset) : null,
  };
}
