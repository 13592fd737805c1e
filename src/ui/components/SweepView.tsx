import { Box, Text } from 'ink';
import { formatCompact, formatNumber, formatTimes } from '../../format.js';
import type { SweepState } from '../state/whatif.js';
import type { Theme } from '../theme.js';
import { LABEL_WIDTH, renderChart } from '../helpers/chart.js';
import { columnOf } from '../helpers/downsample.js';
import { PARAMS } from '../params.js';

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

/** A swept value as the what-if panel writes it (a shock as a percent, a window as whole rounds). */
export function sweptValueText(path: string, value: number): string {
  const param = PARAMS.find((p) => p.path === path);
  return param ? param.format(value) : formatNumber(value);
}

/** One small chart of a figure against the swept value, with a caret under the tipping point. */
function SmallChart(props: {
  title: string;
  path: string;
  values: readonly number[];
  ys: readonly number[];
  mark?: number;
  width: number;
  height: number;
  colour?: string;
  format: (v: number) => string;
}) {
  const { title, path, values, ys, mark, width, height, colour, format } = props;
  const rows = renderChart({
    lines: [{ series: ys, ink: 'venue', style: 'solid' }],
    width,
    height: Math.max(3, height - 2),
    tick: (i) => sweptValueText(path, values[i]!),
    axisName: '',
    labels: (vs) => vs.map(format),
  });
  const plotWidth = width - LABEL_WIDTH - 1;
  const caretAt = mark === undefined ? -1 : LABEL_WIDTH + 1 + columnOf(mark + 1, values.length, plotWidth);
  const same = ys.every((y) => y === ys[0]);
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        {title}
        {same ? <Text color={colour}>{`: ${format(ys[0] ?? 0)} at every value`}</Text> : null}
      </Text>
      {rows.map((row, i) => (
        <Text key={i} color={colour} wrap="truncate-end">
          {row.runs.map((r) => r.text).join('')}
        </Text>
      ))}
      {caretAt >= 0 ? <Text wrap="truncate-end">{`${' '.repeat(caretAt)}↑ tipping point`}</Text> : null}
    </Box>
  );
}

/** The first part, then each next one while the line stays within `width`: the finding whole, its asides dropped, never cut. */
export function fitParts(parts: readonly string[], width: number): string {
  let text = parts[0] ?? '';
  for (const part of parts.slice(1)) {
    if (Array.from(text + part).length > width) break;
    text += part;
  }
  return text;
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
        >{`Sweeping ${sweep.label} from ${sweptValueText(sweep.path, sweep.values[0]!)} to ${sweptValueText(sweep.path, sweep.values.at(-1)!)}: ${sweep.done}/${total} runs`}</Text>
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
        path={sweep.path}
        values={sweep.values}
        ys={amplification}
        mark={tipIndex >= 0 ? tipIndex : undefined}
        width={width}
        height={chartHeight}
        colour={theme.venue}
        format={formatTimes}
      />
      <SmallChart
        title={`Bad debt against ${sweep.label}`}
        path={sweep.path}
        values={sweep.values}
        ys={badDebt}
        width={width}
        height={chartHeight}
        colour={theme.danger}
        format={(v) => formatCompact(v)}
      />
      <Text wrap="truncate-end">
        {fitParts(
          tip
            ? [
                `Tipping point: between ${sweptValueText(sweep.path, tip.from)} and ${sweptValueText(sweep.path, tip.to)}, amplification goes from ${formatTimes(tip.amplificationBefore)} to ${formatTimes(tip.amplificationAfter)}`,
                ' (the largest jump).',
                ' Esc closes.',
              ]
            : ['No tipping point: fewer than two runs have an amplification.', ' Esc closes.'],
          width,
        )}
      </Text>
    </Box>
  );
}
