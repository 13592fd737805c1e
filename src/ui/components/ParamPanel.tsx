import { Box, Text } from 'ink';
import { paramHelpLines } from '../param-help.js';
import { valueAt, valueText, visibleParams } from '../params.js';
import type { PanelState } from '../state/whatif.js';
import type { Theme } from '../theme.js';

export interface ParamPanelProps {
  readonly panel: PanelState;
  /** The terminal's width. */
  readonly width: number;
  /** The terminal's rows the panel may take: the levers scroll around the selected one beyond them. */
  readonly height: number;
  readonly theme: Theme;
}

/** Rows of the panel that are neither levers nor help lines: border, title, status line. */
const CHROME = 4;
/** The widest the panel grows: beyond it a lever's value sits too far from its name. */
const MOST_WIDTH = 140;
/** The rows of the selected lever's help. */
const HELP_ROWS = 2;

/**
 * The what-if panel: every lever of the draft, the selected one highlighted with its help line (the
 * field's unit and range), changed ones marked with what they were. The keys are in the footer.
 */
export function ParamPanel({ panel, width, height, theme }: ParamPanelProps) {
  const { base, draft } = panel;
  const params = visibleParams(draft);
  const selected = Math.min(panel.selected, params.length - 1);
  // As wide as the terminal (up to MOST_WIDTH): the help wraps to two lines rather than be cut.
  const inner = Math.min(width, MOST_WIDTH) - 4;
  const labelWidth = Math.max(...params.map((p) => p.label.length)) + 2;
  const param = params[selected]!;
  // Two rows always, so that the panel keeps its height as the cursor moves.
  const help = [...paramHelpLines(draft, param, inner, HELP_ROWS), ' '].slice(0, HELP_ROWS);
  // A window of levers around the selected one when they do not all fit; a line says how many are hidden.
  const room = Math.max(3, height - CHROME - help.length);
  const windowed = params.length > room;
  const rows = windowed ? room - 1 : params.length;
  const first = windowed ? Math.min(Math.max(0, selected - Math.floor(rows / 2)), params.length - rows) : 0;
  const status =
    panel.confirm !== undefined ? (
      <Text color={theme.danger} bold wrap="truncate-end">
        {`discard ${panel.confirm} unapplied edit${panel.confirm === 1 ? '' : 's'}? y/n`}
      </Text>
    ) : panel.error ? (
      <Text color={theme.danger} wrap="truncate-end">{`refused: ${panel.error}`}</Text>
    ) : (
      <Text> </Text>
    );
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={inner + 4} flexShrink={0}>
      <Text bold wrap="truncate-end">
        What if… (Enter runs the changes as a variant beside the baseline)
      </Text>
      {params.slice(first, first + rows).map((p, at) => {
        const i = first + at;
        const value = valueAt(draft, p.path);
        const changed = JSON.stringify(value) !== JSON.stringify(valueAt(base, p.path));
        const isSelected = i === selected;
        const typed = isSelected && panel.typing !== '';
        const shown = typed
          ? panel.refused
            ? panel.typing
            : `${panel.typing}▏`
          : valueText(p, draft, value);
        return (
          <Text key={p.path} inverse={isSelected} wrap="truncate-end">
            {isSelected ? '▶ ' : '  '}
            {p.label.padEnd(labelWidth)}
            <Text color={typed && panel.refused ? theme.danger : changed ? theme.accent : undefined}>
              {shown}
            </Text>
            {changed ? (
              <Text color={theme.accent}>{`  (was ${valueText(p, base, valueAt(base, p.path))})`}</Text>
            ) : null}
          </Text>
        );
      })}
      {windowed ? (
        <Text color={theme.muted} wrap="truncate-end">
          {`${first > 0 ? `↑ ${first} more  ` : ''}${
            params.length - first - rows > 0 ? `↓ ${params.length - first - rows} more` : ''
          }`}
        </Text>
      ) : null}
      {help.map((line, i) => (
        <Text key={i} color={theme.muted} wrap="truncate-end">
          {line}
        </Text>
      ))}
      {status}
    </Box>
  );
}
