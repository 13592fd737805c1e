import { Box, Text } from 'ink';
import { useMemo } from 'react';
import type { RoundRecord } from '../../engine/index.js';
import { formatChange } from '../../format.js';
import { pricePaths, renderPriceChart, type Ink } from '../helpers/chart.js';
import type { Theme } from '../theme.js';

export interface PriceChartProps {
  readonly initialPrice: number;
  readonly records: readonly RoundRecord[];
  /** A variant's records: its venue path is drawn dashed instead of the oracle's. */
  readonly variantRecords?: readonly RoundRecord[];
  readonly shockPct: number;
  /** The outside price follows a path (the legend says so instead of naming a shock). */
  readonly followsPath?: boolean;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
}

const inkColour = (ink: Ink, theme: Theme) =>
  ink === 'venue' ? theme.venue : ink === 'oracle' ? theme.oracle : ink === 'axis' ? theme.axis : undefined;

/** Venue (solid) and oracle (dashed) price per round, fitted to the space it has. */
export function PriceChart({
  initialPrice,
  records,
  variantRecords,
  shockPct,
  followsPath,
  width,
  height,
  theme,
}: PriceChartProps) {
  const rows = useMemo(() => {
    const paths = pricePaths(initialPrice, records);
    const dashed = variantRecords ? pricePaths(initialPrice, variantRecords).venue : paths.oracle;
    return renderPriceChart({ venue: paths.venue, oracle: dashed }, width, height - 1);
  }, [initialPrice, records, variantRecords, width, height]);
  const dashedColour = variantRecords ? theme.accent : theme.oracle;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate-end">
        <Text bold>Price </Text>
        <Text color={theme.venue}>{variantRecords ? '━ baseline venue' : '━ venue'}</Text>
        {'  '}
        <Text color={dashedColour}>{variantRecords ? '┄ variant venue' : '┄ oracle'}</Text>
        <Text color={theme.muted}>
          {followsPath
            ? '  outside price follows a path'
            : `  shock ${formatChange(-shockPct, 0)} at round 1`}
        </Text>
      </Text>
      {rows.map((row, y) => (
        <Text key={y} wrap="truncate-end">
          {row.runs.map((run, i) => (
            <Text key={i} color={run.ink === 'oracle' ? dashedColour : inkColour(run.ink, theme)}>
              {run.text}
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}
