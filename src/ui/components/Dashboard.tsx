import { Box } from 'ink';
import { formatNumber } from '../../format.js';
import { useEffect, useMemo } from 'react';
import { BAND_EDGES } from '../helpers/health.js';
import { healthAt } from '../helpers/health-index.js';
import { dashboardLayout } from '../helpers/layout.js';
import { logLength, logLines } from '../helpers/log.js';
import { clampedCursor, followCursor } from '../state/pane.js';
import { outcomesAt } from '../helpers/run-totals.js';
import type { Session } from '../state/session.js';
import type { Theme } from '../theme.js';
import { Header, headerRows, outcomeLines } from './Header.js';
import { HealthPanel, nearestRows } from './HealthPanel.js';
import { LiquidationLog } from './LiquidationLog.js';
import { PriceChart } from './PriceChart.js';
import { RecordPanel } from './RecordPanel.js';
import { SweepView } from './SweepView.js';
import { VariantLine, variantLines } from './VariantLine.js';
import type { SweepState } from '../state/whatif.js';
import { elapsedFigure, parseRoundLength } from '../../round-length.js';

export interface DashboardProps {
  readonly session: Session;
  readonly variant?: Session;
  readonly sweep?: SweepState;
  readonly round: number;
  /** The furthest round shown so far (the chart draws up to it). */
  readonly seen?: number;
  readonly zoom?: number;
  readonly logScale?: boolean;
  /** The record in place of the liquidation log. */
  readonly showRecord?: boolean;
  /** The bottom pane (log or record) has the keys; its highlighted line and first line shown. */
  readonly paneFocus?: boolean;
  readonly paneCursor?: number;
  readonly paneOffset?: number;
  /** Told the bottom pane's extent as it is drawn, for scrolling: its rows and width, the record's lines. */
  readonly onPaneExtent?: (extent: { lines?: number; rows?: number; columns?: number }) => void;
  readonly columns: number;
  readonly rows: number;
  readonly theme: Theme;
}

/** The cascade at one round: header, price chart beside position health, and the liquidation log. */
export function Dashboard({
  session,
  variant,
  sweep,
  round,
  seen = round,
  zoom,
  logScale,
  showRecord,
  paneFocus = false,
  paneCursor = 0,
  paneOffset = 0,
  onPaneExtent,
  columns,
  rows,
  theme,
}: DashboardProps) {
  const { timeline, preset } = session;
  const variantText = useMemo(
    () => (variant ? variantLines(session, variant, round, columns) : []),
    [session, variant, round, columns],
  );
  // A baseline that ended before the variant stays at its own last round.
  const at = timeline.reach(round);
  const outcomes = useMemo(() => outcomesAt(timeline, at), [timeline, at]);
  const headerLines = outcomeLines(session, at, outcomes, columns);
  const headerHeight = headerRows(headerLines);
  const layout = dashboardLayout(columns, rows, variantText.length + headerHeight - 4);
  const records = useMemo(() => timeline.recordsTo(at), [timeline, at]);
  const drawnTo = Math.max(seen, round);
  const chartRecords = useMemo(() => timeline.recordsTo(drawnTo), [timeline, drawnTo]);
  const variantRecords = useMemo(() => variant?.timeline.recordsTo(drawnTo), [variant, drawnTo]);
  const price = records.at(-1)?.price ?? preset.asset.price;
  const snapshot = useMemo(
    () => healthAt(timeline, at, price, nearestRows(layout.middle, BAND_EDGES.length - 1)),
    [timeline, at, price, layout.middle],
  );
  const nextLiquidation = snapshot.nextLiquidationPrice;
  const floor = preset.oracle.floor;
  const references = useMemo(
    () => [
      ...(floor !== undefined ? [{ value: floor, label: `oracle floor ${formatNumber(floor)}` }] : []),
      ...(nextLiquidation !== undefined
        ? [{ value: nextLiquidation, label: `next liquidation ${formatNumber(nextLiquidation)}` }]
        : []),
    ],
    [floor, nextLiquidation],
  );
  // The log scrolls over every line up to the round: the window keeps the highlighted line in view.
  const logRows = Math.max(1, layout.log - 1);
  // Each round's total wraps to the width (never cut), so the log's length depends on it.
  const logTotal = useMemo(
    () => (showRecord ? 0 : logLength(timeline, at, columns)),
    [showRecord, timeline, at, columns],
  );
  // The cursor as the next key will clamp it (`clampPane`): a narrower terminal wraps fewer totals and may
  // leave it past the log's end until then (a step puts it back on the first line).
  const logCursor = clampedCursor(paneCursor, logTotal);
  const logOffset = followCursor(paneOffset, logCursor, logRows, logTotal);
  // The chart's ticks count the preset's time unit when it gives a round length ("hours" under 0 6 12).
  const roundLength = preset.roundLength;
  const axis = useMemo(() => {
    const length = roundLength !== undefined ? parseRoundLength(roundLength) : null;
    return length
      ? { tick: (r: number) => elapsedFigure(length, r), axisName: `${length.unit}s` }
      : { tick: undefined, axisName: undefined };
  }, [roundLength]);
  const log = useMemo(
    () => logLines(timeline, at, logRows, preset.asset.symbol, preset.asset.quote, logOffset, columns),
    [timeline, at, logRows, logOffset, preset.asset.symbol, preset.asset.quote, columns],
  );
  // The pane's height (and width, which the log's length depends on) for the reducer's keys. Not the
  // log's length: it changes every round, and telling it drew every step twice (the reducer works it out).
  // Told again when the record replaces the log or gives way to it: the reducer then clamps the cursor
  // and window to the other's lines (the key that toggles the record does not).
  useEffect(() => {
    onPaneExtent?.({ rows: logRows, columns });
  }, [onPaneExtent, showRecord, logRows, columns]);
  const onRecordLines = useMemo(
    () => (onPaneExtent ? (lines: number) => onPaneExtent({ lines }) : undefined),
    [onPaneExtent],
  );
  return (
    <Box flexDirection="column">
      <Header session={session} round={round} lines={headerLines} theme={theme} />
      {variant ? <VariantLine lines={variantText} theme={theme} /> : null}
      {sweep ? (
        <Box height={layout.middle}>
          <SweepView sweep={sweep} width={columns} height={layout.middle} theme={theme} />
        </Box>
      ) : (
        <Box height={layout.middle}>
          <PriceChart
            initialPrice={preset.asset.price}
            records={chartRecords}
            round={round}
            zoom={zoom}
            log={logScale}
            references={references}
            variantRecords={variantRecords}
            shockPct={preset.shock.pct}
            followsPath={preset.path !== undefined}
            tick={axis.tick}
            axisName={axis.axisName}
            quote={preset.asset.quote}
            width={layout.chartWidth}
            height={layout.middle}
            theme={theme}
          />
          <Box marginLeft={1}>
            <HealthPanel
              snapshot={snapshot}
              price={price}
              quote={preset.asset.quote}
              width={layout.healthWidth}
              height={layout.middle}
              theme={theme}
            />
          </Box>
        </Box>
      )}
      {showRecord ? (
        <RecordPanel
          preset={preset}
          timeline={timeline}
          round={at}
          offset={paneOffset}
          focused={paneFocus}
          onLines={onRecordLines}
          width={columns}
          height={layout.log}
          theme={theme}
        />
      ) : (
        <LiquidationLog
          lines={log}
          offset={logOffset}
          total={logTotal}
          cursor={logCursor}
          focused={paneFocus}
          height={layout.log}
          width={columns}
          theme={theme}
        />
      )}
    </Box>
  );
}
