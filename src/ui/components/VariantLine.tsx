import { Box, Text } from 'ink';
import type { Scenario, Timeline } from '../../engine/index.js';
import {
  formatCompact,
  formatCount,
  formatNumber,
  formatPct,
  formatPoints,
  formatSigned,
  formatTimes,
} from '../../format.js';
import { cut, packLines } from '../helpers/pack.js';
import { PARAMS, valueAt } from '../params.js';
import type { Session } from '../state/session.js';
import type { Theme } from '../theme.js';

/** The figures of a timeline at a round (its last one, once it has ended). */
export function figuresAt(timeline: Timeline, initialPrice: number, shockPct: number, round: number) {
  const at = timeline.reach(round);
  const price = timeline.record(at)?.price ?? initialPrice;
  const drawdown = 1 - price / initialPrice;
  const totals = timeline.totalsAt(at);
  return {
    price,
    drawdown,
    amplification: shockPct > 0 ? drawdown / shockPct : null,
    liquidated: totals.positionsLiquidated,
    badDebt: totals.badDebt,
  };
}

/** What the variant changed, lever by lever: "shock size 10.0% → 20.0%". */
export function variantChanges(base: Scenario, variant: Scenario): string[] {
  const out: string[] = [];
  for (const param of PARAMS) {
    const from = valueAt(base, param.path);
    const to = valueAt(variant, param.path);
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    const show = (preset: Scenario, value: unknown) =>
      param.read ? param.read(preset) : param.format(value);
    out.push(`${param.label} ${show(base, from)} → ${show(variant, to)}`);
  }
  return out;
}

/** The variant's figures beside the baseline's, each with its difference, as separate parts. */
export function variantParts(base: Session, variant: Session, round: number): string[] {
  const b = figuresAt(base.timeline, base.preset.asset.price, base.preset.shock.pct, round);
  const v = figuresAt(variant.timeline, variant.preset.asset.price, variant.preset.shock.pct, round);
  const quote = variant.preset.asset.quote;
  const times = (x: number) => formatTimes(x).slice(0, -1);
  const amp =
    v.amplification === null || b.amplification === null
      ? 'amp n/a'
      : `amp ${formatTimes(v.amplification)} (${formatSigned(v.amplification - b.amplification, times)})`;
  return [
    `price ${formatNumber(v.price)} ${quote} (${formatSigned(v.price - b.price, formatNumber)})`,
    `drawdown ${formatPct(v.drawdown)} (${formatPoints(v.drawdown - b.drawdown)})`,
    amp,
    `liquidated ${formatCount(v.liquidated)} (${formatSigned(v.liquidated - b.liquidated, formatCount)})`,
    `bad debt ${formatCompact(v.badDebt)} ${quote} (${formatSigned(v.badDebt - b.badDebt, formatCompact)})`,
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

/** The variant's lines: what changed and where it stands, then its figures against the baseline's. */
export function variantLines(base: Session, variant: Session, round: number, width: number): string[] {
  const changes = variantChanges(base.preset, variant.preset);
  const head = `Variant: ${changes.length ? changes.join(', ') : 'no lever changed'} (${variantStatus(variant, round)})`;
  return [cut(head, width), ...packLines(variantParts(base, variant, round), width - 2).map((l) => `  ${l}`)];
}

export function VariantLine({ lines, theme }: { readonly lines: readonly string[]; readonly theme: Theme }) {
  return (
    <Box flexDirection="column" height={lines.length}>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end" color={i === 0 ? theme.accent : undefined} bold={i === 0}>
          {line}
        </Text>
      ))}
    </Box>
  );
}
