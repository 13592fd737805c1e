import { plot } from 'asciichart';
import { Box, Text } from 'ink';
import { formatCompact, formatNumber } from '../../format.js';
import type { SweepState } from '../state/whatif.js';
import type { Theme } from '../theme.js';
import { fitToWidth } from '../helpers/chart.js';

export interface SweepViewProps {
  readonly sweep: SweepState;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
}

/** A progress bar of `width` cells. */
export function progressBar(done: number, total: number, width: number): string {
  const filled = total > 0 ? Math.round((done / total) * width) : 0;
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

const valueText = (v: number) => (Math.abs(v) >= 1000 ? formatCompact(v) : String(Number(v.toPrecision(4))));

/** One small chart of a figure against the swept value, with a caret under the tipping point. */
function SmallChart(props: {
  title: string;
  values: readonly number[];
  ys: readonly number[];
  mark?: number;
  width: number;
  height: number;
  colour?: string;
  format: (v: number) => string;
}) {
  const { title, values, ys, mark, width, height, colour, format } = props;
  const labelWidth = 9;
  const plotWidth = Math.max(4, width - labelWidth - 2);
  const series = fitToWidth(ys, plotWidth);
  let min = Math.min(...series);
  let max = Math.max(...series);
  if (max - min < Math.abs(max) * 1e-9 + 1e-12) {
    min -= 1;
    max += 1;
  }
  const lines = plot(series, {
    min,
    max,
    height: Math.max(2, height - 3),
    offset: 2,
    format: (v: number) => format(v).padStart(labelWidth).slice(-labelWidth),
  }).split('\n');
  const caretAt =
    mark === undefined ? -1 : labelWidth + 1 + Math.round(((mark + 1) / values.length) * plotWidth);
  return (
    <Box flexDirection="column">
      <Text bold>{title}</Text>
      {lines.map((line, i) => (
        <Text key={i} color={colour} wrap="truncate-end">
          {line}
        </Text>
      ))}
      <Text wrap="truncate-end">{`${' '.repeat(labelWidth + 1)}${valueText(values[0]!).padEnd(plotWidth - valueText(values.at(-1)!).length)}${valueText(values.at(-1)!)}`}</Text>
      {caretAt >= 0 ? <Text wrap="truncate-end">{`${' '.repeat(caretAt)}↑ tipping point`}</Text> : null}
    </Box>
  );
}

/** A sweep of one parameter: progress while it runs, then amplification and bad debt against the value. */
export function SweepView({ sweep, width, height, theme }: SweepViewProps) {
  const total = sweep.values.length;
  if (sweep.error) {
    return (
      <Box flexDirection="column">
        <Text bold>{`Sweep of ${sweep.label}`}</Text>
        <Text color={theme.danger}>{`refused: ${sweep.error}`}</Text>
        <Text color={theme.muted}>Esc closes</Text>
      </Box>
    );
  }
  if (!sweep.summaries) {
    return (
      <Box flexDirection="column">
        <Text
          bold
        >{`Sweeping ${sweep.label} from ${valueText(sweep.values[0]!)} to ${valueText(sweep.values.at(-1)!)}: ${sweep.done}/${total} runs`}</Text>
        <Text color={theme.accent}>{progressBar(sweep.done, total, Math.min(60, width - 2))}</Text>
        <Text color={theme.muted}>The dashboard keeps working: step, or Esc to close the sweep.</Text>
      </Box>
    );
  }
  const amplification = sweep.summaries.map((s) => s.amplification ?? 0);
  const badDebt = sweep.summaries.map((s) => s.badDebt);
  const tip = sweep.tipping;
  const tipIndex = tip ? sweep.values.findIndex((v) => v === tip.from) : -1;
  const chartHeight = Math.max(5, Math.floor((height - 3) / 2));
  return (
    <Box flexDirection="column" width={width}>
      <SmallChart
        title={`Amplification against ${sweep.label}`}
        values={sweep.values}
        ys={amplification}
        mark={tipIndex >= 0 ? tipIndex : undefined}
        width={width}
        height={chartHeight}
        colour={theme.venue}
        format={(v) => `${v.toFixed(2)}×`}
      />
      <SmallChart
        title={`Bad debt against ${sweep.label}`}
        values={sweep.values}
        ys={badDebt}
        width={width}
        height={chartHeight}
        colour={theme.danger}
        format={(v) => formatCompact(v)}
      />
      <Text wrap="truncate-end">
        {tip
          ? `Tipping point: between ${valueText(tip.from)} and ${valueText(tip.to)}, amplification goes from ${formatNumber(tip.amplificationBefore)}× to ${formatNumber(tip.amplificationAfter)}× (the largest jump). Esc closes.`
          : 'No tipping point: fewer than two runs have an amplification. Esc closes.'}
      </Text>
    </Box>
  );
}
