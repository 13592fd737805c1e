import { Box, Text } from 'ink';
import { formatAmount, formatChange, formatCount, formatNumber, plural } from '../../format.js';
import { hasLending, type RoundRecord, type Scenario } from '../../engine/index.js';
import { outcomeParts, outcomesAt, type OutcomePart, type Outcomes } from '../helpers/run-totals.js';
import { packParts } from '../helpers/pack.js';
import type { Session } from '../state/session.js';
import type { Theme } from '../theme.js';
import { headerFindings } from '../helpers/outcome.js';
import { elapsedText, parseRoundLength } from '../../round-length.js';
import { perpsSoFar } from '../helpers/perps.js';

export interface HeaderProps {
  readonly session: Session;
  /** The round on screen; a baseline that ended earlier shows its last round. */
  readonly round: number;
  /** The prices and the run's outcome, packed to the width once by `outcomeLines` (the dashboard sizes its layout by them). */
  readonly lines: readonly (readonly OutcomePart[])[];
  readonly theme: Theme;
}

/**
 * The header's packed lines at `width`, under its title: the venue and oracle prices and the trough so far,
 * then the run's cumulative outcome (totals, findings, the perpetuals, why a run stopped early), in one flow
 * of parts packed to fit, a part longer than the width (a finding) wrapped onto lines of its own, never cut;
 * last, the liquidations so far (activityLines).
 */
export function outcomeLines(
  session: Session,
  at: number,
  outcomes: Outcomes,
  width: number,
): OutcomePart[][] {
  const { preset, timeline } = session;
  const findings = headerFindings(session, at);
  const parts: readonly OutcomePart[] = [
    ...priceParts(session, at, findings.trough),
    ...outcomeParts(outcomes, preset, findings, perpsSoFar(timeline, at, preset.asset.quote)),
  ];
  return [...packParts(parts, width, { wrap: true }), ...activityLines(session, at, width, outcomes.skipped)];
}

/**
 * What the liquidations sold up to round `at`: the seized collateral, or for a book of perpetuals only
 * (whose loans' sale is always 0) the liquidation engine's net sale, "Sold net 8,919.73 ETH".
 */
function soldText(session: Session, at: number, collateralSold: number): string {
  const { preset, timeline } = session;
  if (hasLending(preset)) return `Sold ${formatAmount(collateralSold, preset.asset.symbol)}`;
  let net = 0;
  for (const r of timeline.recordsTo(at)) net += r.perpNetSold;
  return `Sold net ${formatAmount(Math.abs(net), preset.asset.symbol)}${net < 0 ? ' bought' : ''}`;
}

/**
 * "Liquidated 686 of 10,000  Sold 10,749.85 ETH", the defences at work, then what the venue is: the counts
 * and defences wrap to fit, and the venue's description (it never changes) takes the room left on their
 * last line, each of its parts whole or not at all.
 */
export function activityLines(
  session: Session,
  at: number,
  width: number,
  skippedSoFar = outcomesAt(session.timeline, at).skipped,
): OutcomePart[][] {
  const { preset, timeline } = session;
  const record = timeline.record(at);
  const totals = timeline.totalsAt(at);
  const { symbol } = preset.asset;
  const defences = record ? defenceState(record, symbol, skippedSoFar) : [];
  const lines = packParts<OutcomePart>(
    [
      {
        text: `Liquidated ${formatCount(totals.positionsLiquidated)} of ${formatCount(timeline.positions)}`,
        bad: false,
      },
      { text: soldText(session, at, totals.collateralSold), bad: false },
      ...defences.map((text) => ({ text, bad: false, tone: 'warning' as const })),
    ],
    width,
    { wrap: true },
  );
  const last = lines.at(-1)!;
  let used = last.reduce((n, p, i) => n + (i > 0 ? 2 : 0) + Array.from(p.text).length, 0);
  for (const text of marketText(preset).split(' · ')) {
    const length = Array.from(text).length;
    if (used + 2 + length > width) break;
    last.push({ text, bad: false, tone: 'muted' });
    used += 2 + length;
  }
  return lines;
}

/** "Venue 1,707.19 USD (−14.6%)", "Oracle …" and the trough so far, as header parts. */
function priceParts(session: Session, at: number, trough: string | null): OutcomePart[] {
  const { preset, timeline } = session;
  const p0 = preset.asset.price;
  const record = timeline.record(at);
  const venue = record?.price ?? p0;
  const oracle = record?.oraclePrice ?? p0;
  const { quote } = preset.asset;
  return [
    {
      text: `Venue ${formatAmount(venue, quote)} (${formatChange(venue / p0 - 1)})`,
      bad: false,
      tone: 'venue',
    },
    {
      text: `Oracle ${formatAmount(oracle, quote)} (${formatChange(oracle / p0 - 1)})`,
      bad: false,
      tone: 'oracle',
    },
    ...(trough ? [{ text: trough, bad: false, tone: 'venue' as const }] : []),
  ];
}

/** The rows the header takes: the title and the packed lines. */
export function headerRows(lines: readonly (readonly OutcomePart[])[]): number {
  return 1 + lines.length;
}

/** Where the displayed round stands in the run; `round` past the run's end means it ended earlier. */
export function cascadeStatus(session: Session, round: number): string {
  const timeline = session.timeline;
  const last = timeline.reach(round);
  if (timeline.finished && round >= timeline.computed) {
    const ended = timeline.failure
      ? `✖ stopped: round ${formatCount(timeline.failure.round)} left the model's range`
      : timeline.converged
        ? '● converged'
        : `■ stopped at the ${formatCount(last)}-round limit`;
    return round > last ? `${ended}: baseline ended at round ${formatCount(last)}` : ended;
  }
  return round === 0 ? '○ before the shock' : '▶ cascading';
}

/** "Round 12 of 40 · 12 hours": the round, the run's length once known, and the time elapsed when the preset gives a round length. */
export function roundTitle(session: Session, round: number): string {
  const { timeline, preset } = session;
  const at = timeline.reach(round);
  const of = timeline.finished && round <= at ? ` of ${formatCount(timeline.computed)}` : '';
  const length = preset.roundLength !== undefined ? parseRoundLength(preset.roundLength) : null;
  return `Round ${formatCount(round)}${of}${length ? ` · ${elapsedText(length, round)}` : ''}`;
}

/**
 * The defence levers' state after a round, when any is at work: queue, auctions, and the liquidations
 * skipped, summed over the run so far as `liqloop run` sums them, with the round's own count beside it
 * (the perpetuals have their own line: perpsSoFar).
 */
export function defenceState(record: RoundRecord, symbol: string, skippedSoFar = 0): string[] {
  const parts: string[] = [];
  if (record.queued > 0) parts.push(`Queued ${formatAmount(record.queued, symbol)}`);
  if (record.auctions > 0)
    parts.push(
      `Auctions ${formatCount(record.auctions)} running (${formatAmount(record.collateralInAuction, symbol)})`,
    );
  if (record.waitingForHole > 0) parts.push(`Waiting for hole ${formatCount(record.waitingForHole)}`);
  const skipped = record.skippedForCapital + record.skippedUnprofitable;
  const total = Math.max(skippedSoFar, skipped);
  if (total > 0)
    parts.push(
      `${plural(total, 'liquidation')} skipped ` +
        `(${skipped > 0 ? formatCount(skipped) : 'none'} in round ${formatCount(record.round)})`,
    );
  return parts;
}

/** What the venue is, in words: "pool: 1.75M USD moves the price 2%". */
export function marketText(preset: Pick<Scenario, 'market' | 'asset' | 'oracle' | 'liquidation'>): string {
  const kind = preset.market.model === 'constant-product' ? 'pool' : 'order book';
  return (
    `${kind}: ${formatNumber(preset.market.depth2pct)} ${preset.asset.quote} moves the price 2%` +
    ` · ${oracleText(preset.oracle)} · ${preset.liquidation.mechanism}`
  );
}

/** The oracle in a few words: "spot oracle", "TWAP oracle over 5 rounds", "oracle lagged 1 round". */
function oracleText(oracle: Scenario['oracle']): string {
  if (oracle.model === 'twap') return `TWAP oracle over ${plural(oracle.window, 'round')}`;
  if (oracle.model === 'lagged') return `oracle lagged ${plural(oracle.delay, 'round')}`;
  return `${oracle.model} oracle`;
}

export function Header({ session, round, lines, theme }: HeaderProps) {
  const { preset } = session;
  const status = cascadeStatus(session, round);
  const statusColour = status.startsWith('●')
    ? theme.safe
    : status.startsWith('✖')
      ? theme.danger
      : theme.accent;
  return (
    <Box flexDirection="column" height={headerRows(lines)}>
      <Box justifyContent="space-between">
        <Box flexShrink={1}>
          <Text bold wrap="truncate-end">
            {preset.name}
          </Text>
        </Box>
        <Box flexShrink={0} marginLeft={1}>
          {/* Cut, never wrapped: a second row would push the footer off the screen. */}
          <Text wrap="truncate-end">
            <Text bold>{roundTitle(session, round)}</Text>
            <Text color={statusColour}>{`  ${status}`}</Text>
          </Text>
        </Box>
      </Box>
      {lines.map((parts, y) => (
        <Text key={y} wrap="truncate-end">
          {parts.map((part, i) => (
            <Text key={i} color={part.bad ? theme.danger : part.tone ? theme[part.tone] : undefined}>
              {`${i > 0 ? '  ' : ''}${part.text}`}
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}
