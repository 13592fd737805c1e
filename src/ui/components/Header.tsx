import { Box, Text } from 'ink';
import { formatChange, formatCompact, formatCount, formatNumber } from '../../format.js';
import type { RoundRecord } from '../../engine/index.js';
import type { Session } from '../state/session.js';
import type { Theme } from '../theme.js';
import { headerFindings } from '../helpers/outcome.js';
import { perpsSoFar } from '../helpers/perps.js';

export interface HeaderProps {
  readonly session: Session;
  readonly round: number;
  readonly theme: Theme;
}

/** Where the displayed round stands in the run. */
export function cascadeStatus(session: Session, round: number): string {
  const timeline = session.timeline;
  if (timeline.finished && round === timeline.computed) {
    return timeline.converged ? '● converged' : `■ stopped at the ${formatCount(round)}-round limit`;
  }
  return round === 0 ? '○ before the shock' : '▶ cascading';
}

/** The defence levers' state after a round, when any is at work: queue, auctions, skipped liquidations (the perpetuals have their own line: perpsSoFar). */
export function defenceState(record: RoundRecord, symbol: string): string {
  const parts: string[] = [];
  if (record.queued > 0) parts.push(`Queued ${formatNumber(record.queued)} ${symbol}`);
  if (record.auctions > 0)
    parts.push(
      `Auctions ${formatCount(record.auctions)} (${formatNumber(record.collateralInAuction)} ${symbol})`,
    );
  if (record.waitingForHole > 0) parts.push(`Waiting for hole ${formatCount(record.waitingForHole)}`);
  const skipped = record.skippedForCapital + record.skippedUnprofitable;
  if (skipped > 0) parts.push(`Skipped ${formatCount(skipped)}`);
  return parts.join('  ');
}

export function Header({ session, round, theme }: HeaderProps) {
  const { preset, timeline } = session;
  const p0 = preset.asset.price;
  const record = timeline.record(round);
  const venue = record?.price ?? p0;
  const oracle = record?.oraclePrice ?? p0;
  const totals = timeline.totalsAt(round);
  const { symbol, quote } = preset.asset;
  const of = timeline.finished ? ` of ${timeline.computed}` : '';
  const status = cascadeStatus(session, round);
  const defences = record ? defenceState(record, symbol) : '';
  const findings = headerFindings(session, round);
  const perps = perpsSoFar(timeline, round, quote);
  return (
    <Box flexDirection="column" height={3}>
      <Box justifyContent="space-between">
        <Text bold wrap="truncate-end">
          {preset.name}
        </Text>
        <Text>
          <Text bold>{`Round ${round}${of}`}</Text>
          <Text color={status.startsWith('●') ? theme.safe : theme.accent}>{`  ${status}`}</Text>
        </Text>
      </Box>
      <Text wrap="truncate-end">
        <Text
          color={theme.venue}
        >{`Venue ${formatNumber(venue)} ${quote} (${formatChange(venue / p0 - 1)})`}</Text>
        {'  '}
        <Text
          color={theme.oracle}
        >{`Oracle ${formatNumber(oracle)} (${formatChange(oracle / p0 - 1)})`}</Text>
        {findings.trough ? <Text color={theme.venue}>{`  ${findings.trough}`}</Text> : null}
        {`  Liquidated ${formatCount(totals.positionsLiquidated)}/${formatCount(timeline.positions)}`}
      </Text>
      <Text wrap="truncate-end">
        {/* At the end a liquidators' loss needs the room: the sale's total is in the log and in `run`. */}
        {findings.liquidators ? null : `Sold ${formatNumber(totals.collateralSold)} ${symbol}  `}
        <Text
          color={totals.badDebt > 0 ? theme.danger : undefined}
        >{`Bad debt ${formatNumber(totals.badDebt)} ${quote}`}</Text>
        {findings.shortfall ? <Text color={theme.danger}>{`  ${findings.shortfall}`}</Text> : null}
        {perps?.unbooked ? <Text color={theme.danger}>{`  ${perps.unbooked}`}</Text> : null}
        {perps ? <Text color={theme.warning}>{`  ${perps.text}`}</Text> : null}
        {defences ? <Text color={theme.warning}>{`  ${defences}`}</Text> : null}
        {findings.liquidators ? (
          <Text color={theme.warning}>{`  ⚠ ${findings.liquidators}`}</Text>
        ) : (
          <Text color={theme.muted}>
            {`  ${preset.market.model} ${formatCompact(preset.market.depth2pct)} ±2% · ${preset.oracle.model} oracle · ${preset.liquidation.mechanism}`}
          </Text>
        )}
      </Text>
    </Box>
  );
}
