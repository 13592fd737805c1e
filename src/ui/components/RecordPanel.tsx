import { Box, Text } from 'ink';
import wrapAnsi from 'wrap-ansi';
import { useEffect, useMemo } from 'react';
import { summarize, type Timeline } from '../../engine/index.js';
import {
  checkRecord,
  describeCheck,
  describeRole,
  formatRecorded,
  noPredictionOf,
  roleOf,
} from '../../presets/index.js';
import type { Scenario } from '../../engine/index.js';
import type { Theme } from '../theme.js';
import { useRobustReport, type RobustView } from '../hooks/useRobustReport.js';
import { PaneTitle } from './PaneTitle.js';
import { bandSuffix, loopLine } from './robust-lines.js';

export interface RecordLine {
  readonly text: string;
  readonly tone?: 'good' | 'bad' | 'muted';
}

/**
 * What the record panel says: for a lesson, that it has no record; for a history preset before its run
 * has ended, the recorded figures and how to see the model's; once ended, each figure beside the model's.
 * With `robust`, each figure's range over the reruns and the loop's share (or how far their runs are),
 * then the preset's statement that it predicts nothing, if it makes one. Predicted figures come first.
 */
export function recordLines(
  preset: Scenario,
  timeline: Timeline,
  round: number,
  robust?: RobustView,
): RecordLine[] {
  const record = preset.record ?? [];
  if (record.length === 0) {
    return [
      {
        text: 'This preset is a lesson: it has no historical record. History presets head the picker (Esc).',
        tone: 'muted',
      },
    ];
  }
  const noPrediction = noPredictionOf(preset);
  const statement: RecordLine[] = noPrediction
    ? [{ text: `No prediction: ${noPrediction}`, tone: 'muted' }]
    : [];
  const run = timeline.run();
  const last = run ? run.rounds.length : undefined;
  if (!run || round < last!) {
    return [
      { text: 'The model is compared with the record at the end of the run: press End.', tone: 'muted' },
      ...byPriority(
        record.map((f) => ({
          matched: f.metric !== undefined,
          predicted: f.metric !== undefined && roleOf(f).role === 'predicted',
          line: {
            text: `${f.figure}${roleTag(describeRole(f))}: recorded ${formatRecorded(f, preset.asset)}${bandSuffix(f, robust)}`,
          },
        })),
        loopLine(preset, robust),
      ),
      ...statement,
    ];
  }
  const checks = checkRecord(summarize(run), record);
  const lines = checks.map((check) => {
    // A miss's reason is long for the panel: liqloop run prints it.
    const line = describeCheck(check, { why: false, units: preset.asset });
    // Green only for a reproduced prediction (or a figure without a role); matched by construction is plain.
    const matchedOnly = check.within === true && line.role !== '' && !check.reproduced;
    const tone = check.within === null ? 'muted' : check.within ? 'good' : 'bad';
    return {
      matched: check.within !== null,
      predicted: check.within !== null && roleOf(check.figure).role === 'predicted',
      line: {
        text: `${line.figure}${roleTag(line.role)}: ${line.text}${bandSuffix(check.figure, robust)}`,
        ...(matchedOnly ? {} : { tone }),
      } satisfies RecordLine,
    };
  });
  return [...byPriority(lines, loopLine(preset, robust)), ...statement];
}

/**
 * The predicted figures first (with their bands), then the loop's share, then the inputs and fitted figures
 * held against a metric (matched by construction), then the figures the preset does not reproduce: a short
 * panel shows what the model predicts, and how much was the loop, before what it was given or tuned to.
 */
function byPriority(
  figures: readonly { matched: boolean; predicted: boolean; line: RecordLine }[],
  loop: readonly RecordLine[],
): RecordLine[] {
  return [
    ...figures.filter((f) => f.predicted).map((f) => f.line),
    ...loop,
    ...figures.filter((f) => f.matched && !f.predicted).map((f) => f.line),
    ...figures.filter((f) => !f.matched).map((f) => f.line),
  ];
}

/** " [fitted (generate.count)]" after a figure's name; nothing for a figure without a role. */
const roleTag = (role: string) => (role ? ` [${role}]` : '');

export interface RecordPanelProps {
  readonly preset: Scenario;
  readonly timeline: Timeline;
  readonly round: number;
  /** The first line shown (PgUp/PgDn, or ↑/↓ while the panel has the keys). */
  readonly offset?: number;
  readonly focused?: boolean;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
  /** Told how many lines the record has, so that the reducer can scroll it to its last. */
  readonly onLines?: (lines: number) => void;
}

/** The record, in place of the liquidation log (h); it scrolls when it is longer than its rows. */
export function RecordPanel(props: RecordPanelProps) {
  const { preset, timeline, round, focused = false, width, height, theme, onLines } = props;
  const robust = useRobustReport(preset);
  // Each figure wrapped to the width, continuation lines indented.
  const rows = useMemo(
    () =>
      recordLines(preset, timeline, round, robust).flatMap((line) =>
        wrapAnsi(line.text, Math.max(10, width - 2), { hard: true })
          .split('\n')
          .map((text, i) => ({ ...line, text: i === 0 ? text : `  ${text}` })),
      ),
    [preset, timeline, round, width, robust],
  );
  useEffect(() => onLines?.(rows.length), [rows.length, onLines]);
  const room = Math.max(0, height - 1);
  const offset = Math.max(0, Math.min(props.offset ?? 0, rows.length - room));
  const shown = rows.slice(offset, offset + room);
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <PaneTitle
        title="Against the record (h: back to the log)"
        focused={focused}
        offset={offset}
        shown={shown.length}
        total={rows.length}
        hint={rows.length <= room ? '' : focused ? '↑/↓ PgUp/PgDn g/G · Esc' : 'Tab: scroll'}
        width={width}
        theme={theme}
      />
      {shown.map((line, i) => (
        <Text
          key={i}
          wrap="truncate-end"
          color={
            line.tone === 'bad'
              ? theme.danger
              : line.tone === 'good'
                ? theme.safe
                : line.tone === 'muted'
                  ? theme.muted
                  : undefined
          }
        >
          {line.text}
        </Text>
      ))}
    </Box>
  );
}
