import { Box, Text } from 'ink';
import { shockTo, type Scenario, type Timeline } from '../../engine/index.js';
import {
  formatAmount,
  formatCount,
  formatDiff,
  formatNumber,
  formatPct,
  formatPoints,
  formatSigned,
  formatTimes,
} from '../../format.js';
import { packLines, wrapText } from '../helpers/pack.js';
import { PARAMS, hasLending, valueAt, valueText } from '../params.js';
import type { Session } from '../state/session.js';
import type { Theme } from '../theme.js';

/**
 * The figures of a timeline at a round (its last one, once it has ended). The amplification is the
 * summary's: the drawdown over the exogenous move to that round (`shockTo`: the shock, or a price path's
 * own fall), so that at the last round it is the `amplification` of `liqloop run`.
 */
export function figuresAt(timeline: Timeline, round: number) {
  const at = timeline.reach(round);
  const initialPrice = timeline.scenario.asset.price;
  const price = timeline.record(at)?.price ?? initialPrice;
  const drawdown = 1 - price / initialPrice;
  const totals = timeline.totalsAt(at);
  const move = shockTo(timeline.scenario, at);
  return {
    price,
    drawdown,
    amplification: move !== 0 ? drawdown / move : null,
    liquidated: totals.positionsLiquidated,
    badDebt: totals.badDebt,
    perpsLoss: perpsLossTo(timeline, at),
  };
}

/** The perpetuals' losses up to round `at`: what the fund paid, ADL covered and the uncovered loss. */
function perpsLossTo(timeline: Timeline, at: number): number {
  let loss = 0;
  for (const r of timeline.recordsTo(at)) loss += r.fundDrawn + r.adlCovered + r.uncoveredLoss;
  return loss;
}

/** What the variant changed, lever by lever: "shock size 10.0% → 20.0%". */
export function variantChanges(base: Scenario, variant: Scenario): string[] {
  const out: string[] = [];
  for (const param of PARAMS) {
    const from = valueAt(base, param.path);
    const to = valueAt(variant, param.path);
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    const show = (preset: Scenario, value: unknown) =>
      param.read ? param.read(preset) : valueText(param, preset, value);
    out.push(`${param.label} ${show(base, from)} → ${show(variant, to)}`);
  }
  return out;
}

/** The variant's figures beside the baseline's, each with its difference, as separate parts. */
export function variantParts(base: Session, variant: Session, round: number): string[] {
  const b = figuresAt(base.timeline, round);
  const v = figuresAt(variant.timeline, round);
  const quote = variant.preset.asset.quote;
  const times = (x: number) => formatTimes(x).slice(0, -1);
  const amp =
    v.amplification === null || b.amplification === null
      ? 'amp n/a'
      : `amp ${formatTimes(v.amplification)} (${formatDiff(v.amplification, b.amplification, times)})`;
  return [
    `price ${formatAmount(v.price, quote)} (${formatDiff(v.price, b.price, formatNumber)})`,
    `drawdown ${formatPct(v.drawdown)} (${formatPoints(Math.abs(v.drawdown - b.drawdown) <= 1e-9 ? 0 : v.drawdown - b.drawdown)})`,
    amp,
    `liquidated ${formatCount(v.liquidated)} (${formatSigned(v.liquidated - b.liquidated, formatCount)})`,
    // A book of perpetuals only has no bad debt: its losses are the fund's draw, ADL and the uncovered.
    hasLending(variant.preset)
      ? `bad debt ${formatAmount(v.badDebt, quote)} (${formatDiff(v.badDebt, b.badDebt, formatNumber)})`
      : `perps loss ${formatAmount(v.perpsLoss, quote)} (${formatDiff(v.perpsLoss, b.perpsLoss, formatNumber)})`,
  ];
}

/** The variant's own state at the round on screen. */
function variantStatus(variant: Session, round: number): string {
  const t = variant.timeline;
  const last = t.reach(round);
  if (t.finished && round >= t.computed) {
    return `${t.converged ? 'converged' : 'stopped'} at round ${formatCount(last)}`;
  }
  return round === 0 ? 'before the shock' : 'cascading';
}

/**
 * The variant's lines: what changed (was → now) and where it stands, wrapped onto a second line (or more)
 * rather than cut, then its figures against the baseline's.
 */
export function variantLines(base: Session, variant: Session, round: number, width: number): string[] {
  const changes = variantChanges(base.preset, variant.preset);
  const head = `Variant: ${changes.length ? changes.join(', ') : 'no lever changed'} (${variantStatus(variant, round)})`;
  return [
    ...wrapText(head, width),
    ...packLines(variantParts(base, variant, round), width - 2).map((l) => `  ${l}`),
  ];
}

export function VariantLine({ lines, theme }: { readonly lines: readonly string[]; readonly theme: Theme }) {
  // The head (what changed, perhaps wrapped) is drawn in the accent; the figures from their first line on.
  const figures = lines.findIndex((line) => line.startsWith('  price '));
  const head = (i: number) => figures < 0 || i < figures;
  return (
    <Box flexDirection="column" height={lines.length}>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end" color={head(i) ? theme.accent : undefined} bold={head(i)}>
          {line}
        </Text>
      ))}
    </Box>
  );
}
