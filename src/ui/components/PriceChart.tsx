import { Box, Text } from 'ink';
import { useMemo } from 'react';
import type { RoundRecord } from '../../engine/index.js';
import { formatChange, formatNumber } from '../../format.js';
import { pricePaths, renderPriceChart, type Ink, type Reference } from '../helpers/chart.js';
import { packLines } from '../helpers/pack.js';
import type { Theme } from '../theme.js';

export interface PriceChartProps {
  readonly initialPrice: number;
  /** The rounds drawn: up to the furthest round seen, which may be past the round on screen. */
  readonly records: readonly RoundRecord[];
  /** A variant's records: its venue path is drawn dashed instead of the oracle's. */
  readonly variantRecords?: readonly RoundRecord[];
  readonly shockPct: number;
  /** The outside price follows a path (the legend says so instead of naming a shock). */
  readonly followsPath?: boolean;
  /** The round on screen, marked when earlier rounds are drawn past it. */
  readonly round: number;
  /** Show only the last this many rounds (undefined: the whole run). */
  readonly zoom?: number;
  readonly log?: boolean;
  readonly references?: readonly Reference[];
  /** A round's tick text and the axis's name, in the preset's time unit when it has one. */
  readonly tick?: (round: number) => string;
  readonly axisName?: string;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
}

const inkColour = (ink: Ink, theme: Theme, dashed: string | undefined) =>
  ink === 'venue'
    ? theme.venue
    : ink === 'oracle'
      ? dashed
      : ink === 'axis' || ink === 'line' || ink === 'marker'
        ? theme.axis
        : undefined;

/** Venue (solid) and oracle (dashed) price per round, fitted to the space it has. */
export function PriceChart(props: PriceChartProps) {
  const {
    initialPrice,
    records,
    variantRecords,
    shockPct,
    followsPath,
    round,
    zoom,
    log,
    width,
    height,
    theme,
  } = props;
  const { rows, start, high, low } = useMemo(() => {
    const paths = pricePaths(initialPrice, records);
    const dashed = variantRecords ? pricePaths(initialPrice, variantRecords).venue : paths.oracle;
    // Both lines as long as the longer one, each holding its last price after its end.
    const length = Math.max(paths.venue.length, dashed.length);
    const hold = (s: number[]) => [...s, ...Array<number>(length - s.length).fill(s.at(-1)!)];
    const first = zoom !== undefined ? Math.max(0, length - zoom) : 0;
    const venue = hold(paths.venue).slice(first);
    const other = hold(dashed).slice(first);
    const drawn = [...venue, ...other].filter((v) => Number.isFinite(v) && v > 0);
    const rows = renderPriceChart({ venue, oracle: other }, width, height - 1, {
      log,
      references: props.references,
      marker: round - first,
      firstRound: first,
      tick: props.tick,
      axisName: props.axisName,
    });
    return { rows, start: venue[0]!, high: Math.max(...drawn), low: Math.min(...drawn) };
  }, [
    initialPrice,
    records,
    variantRecords,
    width,
    height,
    zoom,
    log,
    round,
    props.references,
    props.tick,
    props.axisName,
  ]);
  const dashedColour = variantRecords ? theme.accent : theme.oracle;
  const title = variantRecords ? 'Price ━ baseline ┄ variant' : 'Price ━ venue ┄ oracle';
  const notes = packLines(
    [
      `start ${formatNumber(start)}`,
      `high ${formatNumber(high)}`,
      `low ${formatNumber(low)}`,
      ...(zoom !== undefined ? [`last ${zoom} rounds`] : []),
      ...(log ? ['log scale'] : []),
      followsPath ? 'outside price follows a path' : `shock ${formatChange(-shockPct, 0)} at round 1`,
    ],
    Math.max(10, width - title.length - 2),
  )[0];
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate-end">
        <Text bold>Price </Text>
        <Text color={theme.venue}>{variantRecords ? '━ baseline' : '━ venue'}</Text>{' '}
        <Text color={dashedColour}>{variantRecords ? '┄ variant' : '┄ oracle'}</Text>
        <Text color={theme.muted}>{`  ${notes}`}</Text>
      </Text>
      {rows.map((row, y) => (
        <Text key={y} wrap="truncate-end">
          {row.runs.map((run, i) => (
            <Text key={i} color={inkColour(run.ink, theme, dashedColour)}>
              {run.text}
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}
