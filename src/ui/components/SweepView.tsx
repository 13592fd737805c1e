import { Box, Text } from 'ink';
import wrapAnsi from 'wrap-ansi';
import { formatCompact, formatNumber } from '../../format.js';
import type { SweepState } from '../state/whatif.js';
import type { Theme } from '../theme.js';
import { LABEL_WIDTH, renderChart } from '../helpers/chart.js';
import { columnOf } from '../helpers/downsample.js';
import { PARAMS } from '../params.js';
import {
  figureParts,
  sweepFigures,
  noTippingReason,
  sweepLayout,
  tippingParts,
  type SweepFigure,
} from '../helpers/sweep-figures.js';

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

/** The unit of a swept money or quantity lever ("USD", "ETH"), if it has one. */
function sweptUnit(path: string, of: SweepState['of']): string | undefined {
  const unit = PARAMS.find((p) => p.path === path)?.unit;
  return unit === 'quote' ? of.quote : unit === 'asset' ? of.symbol : undefined;
}

/** One small chart of a figure against the swept value, with a caret under the tipping point. */
function SmallChart(props: {
  figure: SweepFigure;
  path: string;
  /** The index of the value after which the tipping point's jump comes, if marked. */
  mark?: number;
  width: number;
  plotRows: number;
  colour?: string;
  label: string;
}) {
  const { figure, path, mark, width, plotRows, colour, label } = props;
  const { values, ys, label: axis } = figure;
  const rows = renderChart({
    lines: [{ series: ys, ink: 'venue', style: 'solid' }],
    width,
    height: plotRows + 1,
    tick: (i) => sweptValueText(path, values[i]!),
    axisName: '',
    labels: (vs) => vs.map(axis),
  });
  const plotWidth = width - LABEL_WIDTH - 1;
  const caretAt = mark === undefined ? -1 : LABEL_WIDTH + 1 + columnOf(mark + 1, values.length, plotWidth);
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">{`${figure.title} against ${label}`}</Text>
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
  // Values in a sentence carry the lever's unit; under a chart the title carries it.
  const unit = sweptUnit(sweep.path, sweep.of);
  const x = (value: number) => (unit ? `${formatCompact(value)} ${unit}` : sweptValueText(sweep.path, value));
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
        >{`Sweeping ${sweep.label} from ${x(sweep.values[0]!)} to ${x(sweep.values.at(-1)!)}: ${sweep.done}/${total} runs`}</Text>
        <Text color={theme.accent}>{progressBar(sweep.done, total, Math.min(60, width - 2))}</Text>
        <Text color={theme.muted}>The dashboard keeps working: step, or Esc to close the sweep.</Text>
      </Box>
    );
  }
  const figures = sweepFigures(sweep.of, sweep.values, sweep.summaries);
  const tip = sweep.tipping;
  const amplifications = sweep.summaries.map((s) => s.amplification);
  const marked = tip !== null && tip !== undefined && noTippingReason(tip, amplifications) === undefined;
  // The rows below the charts: the tipping point's line.
  // The tipping point's sentence, its asides dropped to fit; wrapped to two rows rather than cut.
  const tipping = wrapAnsi(
    fitParts([...tippingParts(tip, amplifications, x), ' Esc closes.'], width),
    width,
    {
      hard: true,
      trim: true,
    },
  )
    .split('\n')
    .slice(0, 2);
  const layout = sweepLayout(figures, height - tipping.length, marked);
  return (
    <Box flexDirection="column" width={width}>
      {layout.charts.map(({ figure, plotRows }) => {
        const mark = marked && figure.tipping ? figure.values.indexOf(tip.from) : -1;
        return (
          <SmallChart
            key={figure.title}
            figure={figure}
            path={sweep.path}
            mark={mark >= 0 ? mark : undefined}
            width={width}
            plotRows={plotRows}
            colour={theme[figure.tone]}
            label={unit ? `${sweep.label} (${unit})` : sweep.label}
          />
        );
      })}
      {layout.lines.map((figure) => (
        <Text key={figure.title} wrap="truncate-end">
          <Text bold>{figure.title}</Text>
          <Text color={theme[figure.tone]}>
            {fitParts(figureParts(figure, x), width).slice(figure.title.length)}
          </Text>
        </Text>
      ))}
      {tipping.map((line, i) => (
        <Text key={`t${i}`} wrap="truncate-end">
          {line}
        </Text>
      ))}
    </Box>
  );
}
