import { Box } from 'ink';
import { useMemo } from 'react';
import { BAND_EDGES, healthSnapshot } from '../helpers/health.js';
import { dashboardLayout } from '../helpers/layout.js';
import { logLines } from '../helpers/log.js';
import type { Session } from '../state/session.js';
import type { Theme } from '../theme.js';
import { Header } from './Header.js';
import { HealthPanel, nearestRows } from './HealthPanel.js';
import { LiquidationLog } from './LiquidationLog.js';
import { PriceChart } from './PriceChart.js';
import { RecordPanel } from './RecordPanel.js';
import { SweepView } from './SweepView.js';
import { VariantLine } from './VariantLine.js';
import type { SweepState } from '../state/whatif.js';

export interface DashboardProps {
  readonly session: Session;
  readonly variant?: Session;
  readonly sweep?: SweepState;
  readonly round: number;
  /** The record in place of the liquidation log. */
  readonly showRecord?: boolean;
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
  showRecord,
  columns,
  rows,
  theme,
}: DashboardProps) {
  const layout = dashboardLayout(columns, rows, variant ? 1 : 0);
  const { timeline, preset } = session;
  const records = useMemo(() => timeline.recordsTo(round), [timeline, round]);
  const variantRecords = useMemo(() => variant?.timeline.recordsTo(round), [variant, round]);
  const price = records.at(-1)?.price ?? preset.asset.price;
  const snapshot = useMemo(
    () =>
      healthSnapshot(timeline.positionsAt(round), price, nearestRows(layout.middle, BAND_EDGES.length - 1)),
    [timeline, round, price, layout.middle],
  );
  const log = useMemo(
    () => logLines(timeline, round, layout.log - 1, preset.asset.symbol, preset.asset.quote),
    [timeline, round, layout.log, preset.asset.symbol, preset.asset.quote],
  );
  return (
    <Box flexDirection="column">
      <Header session={session} round={round} theme={theme} />
      {variant ? <VariantLine base={session} variant={variant} round={round} theme={theme} /> : null}
      {sweep ? (
        <Box height={layout.middle}>
          <SweepView sweep={sweep} width={columns} height={layout.middle} theme={theme} />
        </Box>
      ) : (
        <Box height={layout.middle}>
          <PriceChart
            initialPrice={preset.asset.price}
            records={records}
            variantRecords={variantRecords}
            shockPct={preset.shock.pct}
            followsPath={preset.path !== undefined}
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
          round={round}
          width={columns}
          height={layout.log}
          theme={theme}
        />
      ) : (
        <LiquidationLog lines={log} height={layout.log} theme={theme} />
      )}
    </Box>
  );
}
