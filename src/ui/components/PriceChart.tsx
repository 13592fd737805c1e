import { Box, Text } from 'ink';
import { useMemo } from 'react';
import type { RoundRecord } from '../../engine/index.js';
import { formatChange } from '../../format.js';
import {
  drawChart,
  drawnRuns,
  pricePaths,
  type ChartRow,
  type Ink,
  type Reference,
} from '../helpers/chart.js';
import { legendRows, type LegendInk } from '../helpers/chart-legend.js';
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
  /** The round on screen, marked when later rounds are drawn past it. */
  readonly round: number;
  /** Show only the last this many rounds (undefined: the whole run). */
  readonly zoom?: number;
  readonly log?: boolean;
  readonly references?: readonly Reference[];
  /** A round's tick text and the axis's name, in the preset's time unit when it has one. */
  readonly tick?: (round: number) => string;
  readonly axisName?: string;
  /** The prices' unit (USD), for the legend's figures. */
  readonly quote?: string;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
}

/** The rounds drawn: the whole run, or the zoom's last rounds (moved back to the round on screen). */
export function chartWindow(
  end: number,
  round: number,
  zoom: number | undefined,
): { first: number; last: number; beforeEnd: boolean } {
  if (zoom === undefined || zoom <= 0) return { first: 0, last: end, beforeEnd: false };
  let first = Math.max(0, end - zoom + 1);
  if (round < first) first = Math.max(0, round);
  const last = Math.min(end, first + zoom - 1);
  return { first, last, beforeEnd: last < end };
}

/** Venue (solid) and oracle (dashed) price per round, fitted to the space it has, with its legend. */
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
  const { quote, references, tick, axisName } = props;
  const { rows, legend } = useMemo(() => {
    const paths = pricePaths(initialPrice, records);
    const solid = paths.venue;
    const dashed = variantRecords ? pricePaths(initialPrice, variantRecords).venue : paths.oracle;
    // Both runs on one axis of rounds, each ending at its own last round.
    const end = Math.max(solid.length, dashed.length) - 1;
    const { first, last, beforeEnd } = chartWindow(end, round, zoom);
    const slice = (s: number[]) => s.slice(first, last + 1);
    const marker = round >= first && round < last ? round : undefined;
    const draw = (rowsForChart: number) =>
      drawChart({
        lines: [
          { series: slice(solid), ink: 'venue', style: 'solid' },
          { series: slice(dashed), ink: 'oracle', style: 'dashed' },
        ],
        width,
        height: Math.max(1, rowsForChart),
        positive: true,
        log,
        references,
        marker: marker !== undefined ? marker - first : undefined,
        firstRound: first,
        tick,
        axisName,
      });
    const endOf = (s: number[]) => (s.length - 1 < last ? s.length - 1 : undefined);
    const legendOf = (chart: ReturnType<typeof draw>) =>
      legendRows(
        {
          compare: variantRecords !== undefined,
          first,
          last,
          zoom,
          beforeEnd,
          ends: { solid: endOf(solid), dashed: endOf(dashed) },
          log: log === true,
          marker: chart.marker ? marker : undefined,
          references: chart.references,
          quote,
          start: first === 0 ? solid[0] : undefined,
          high: chart.hi,
          low: chart.lo,
          cause: followsPath
            ? 'outside price follows a path'
            : `shock ${formatChange(-shockPct, 0)} at round 1`,
        },
        width,
        height >= 10 ? 3 : height >= 7 ? 2 : 1,
      );
    let chart = draw(height - 1);
    let legend = legendOf(chart);
    if (legend.length > 1) {
      chart = draw(height - legend.length);
      legend = legendOf(chart);
    }
    return { rows: chart.rows, legend };
  }, [
    initialPrice,
    records,
    variantRecords,
    width,
    height,
    zoom,
    log,
    round,
    references,
    tick,
    axisName,
    quote,
    followsPath,
    shockPct,
  ]);
  const dashedColour = variantRecords ? theme.accent : theme.oracle;
  const legendColour = (ink: LegendInk) =>
    ink === 'venue'
      ? theme.venue
      : ink === 'oracle'
        ? dashedColour
        : ink === 'note'
          ? theme.muted
          : ink === 'line' || ink === 'marker'
            ? theme.axis
            : undefined;
  return (
    <Box flexDirection="column" width={width} height={height}>
      {legend.map((line, y) => (
        <Text key={`legend${y}`} wrap="truncate-end">
          {line.map((part, i) => (
            <Text key={i}>
              {i > 0 ? '  ' : ''}
              {part.segments.map((s, j) => (
                <Text key={j} bold={s.ink === 'title'} color={legendColour(s.ink)}>
                  {s.text}
                </Text>
              ))}
            </Text>
          ))}
        </Text>
      ))}
      {rows.map((row, y) => (
        <Text key={y} wrap="truncate-end">
          {colourRuns(drawnRuns(row), (ink) => inkColour(ink, theme, dashedColour)).map((run, i) => (
            <Text key={i} color={run.colour}>
              {run.text}
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}

/**
 * A row's runs joined where neighbours take one colour (the axis, the reference line and the marker share
 * one; without colour every run does): the row reads the same, in fewer text elements for React and Ink
 * to build and walk on every frame.
 */
function colourRuns(
  runs: ChartRow['runs'],
  colourOf: (ink: Ink) => string | undefined,
): { text: string; colour: string | undefined }[] {
  const joined: { text: string; colour: string | undefined }[] = [];
  for (const run of runs) {
    const colour = colourOf(run.ink);
    const last = joined.at(-1);
    if (last !== undefined && last.colour === colour) last.text += run.text;
    else joined.push({ text: run.text, colour });
  }
  return joined;
}

const inkColour = (ink: Ink, theme: Theme, dashed: string | undefined) =>
  ink === 'venue'
    ? theme.venue
    : ink === 'oracle'
      ? dashed
      : ink === 'axis' || ink === 'line' || ink === 'marker'
        ? theme.axis
        : undefined;
