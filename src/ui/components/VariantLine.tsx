import { Text } from 'ink';
import type { Timeline } from '../../engine/index.js';
import { formatCount, formatNumber } from '../../format.js';
import type { Session } from '../state/session.js';
import type { Theme } from '../theme.js';

/** The figures of a timeline at a round (its last one, once it has ended). */
export function figuresAt(timeline: Timeline, initialPrice: number, shockPct: number, round: number) {
  const at = Math.min(round, timeline.reach(round));
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

const signed = (v: number, text: string) =>
  v > 0 ? `+${text}` : v < 0 ? `−${text.replace('-', '')}` : `±${text}`;

/** The variant's figures beside the baseline's, each with its difference. */
export function variantSummary(base: Session, variant: Session, round: number): string {
  const b = figuresAt(base.timeline, base.preset.asset.price, base.preset.shock.pct, round);
  const v = figuresAt(variant.timeline, variant.preset.asset.price, variant.preset.shock.pct, round);
  const amp =
    v.amplification === null || b.amplification === null
      ? 'amp n/a'
      : `amp ${v.amplification.toFixed(2)}× (${signed(v.amplification - b.amplification, Math.abs(v.amplification - b.amplification).toFixed(2))})`;
  return [
    `price ${formatNumber(v.price)} (${signed(v.price - b.price, formatNumber(Math.abs(v.price - b.price)))})`,
    `drawdown ${(100 * v.drawdown).toFixed(1)}% (${signed(v.drawdown - b.drawdown, `${(100 * Math.abs(v.drawdown - b.drawdown)).toFixed(1)} pts`)})`,
    amp,
    `liquidated ${formatCount(v.liquidated)} (${signed(v.liquidated - b.liquidated, formatCount(Math.abs(v.liquidated - b.liquidated)))})`,
    `bad debt ${formatNumber(v.badDebt)} (${signed(v.badDebt - b.badDebt, formatNumber(Math.abs(v.badDebt - b.badDebt)))})`,
  ].join('  ');
}

export function VariantLine({
  base,
  variant,
  round,
  theme,
}: {
  base: Session;
  variant: Session;
  round: number;
  theme: Theme;
}) {
  return (
    <Text wrap="truncate-end">
      <Text bold color={theme.accent}>
        {'Variant '}
      </Text>
      {variantSummary(base, variant, round)}
    </Text>
  );
}
