import { Box, Text } from 'ink';
import { helpLines, helpRowsFor, helpWidth, type Screen } from '../help.js';
import type { Theme } from '../theme.js';

export interface HelpOverlayProps {
  readonly screen: Screen;
  readonly columns: number;
  readonly rows: number;
  /** The first line shown (the reducer scrolls it). */
  readonly scroll: number;
  readonly theme: Theme;
}

const TITLES: Record<Screen, string> = {
  picker: 'the picker',
  dashboard: 'the dashboard',
  'what-if': 'the what-if panel',
  sweep: 'the sweep',
  record: 'the record',
};

/** The keys of the screen the user is on, then the rest; scrolls when the terminal is short. */
export function HelpOverlay({ screen, columns, rows, scroll, theme }: HelpOverlayProps) {
  const width = helpWidth(columns);
  const lines = helpLines(screen, width);
  const visible = helpRowsFor(rows);
  const first = Math.min(scroll, Math.max(0, lines.length - visible));
  const shown = lines.slice(first, first + visible);
  const below = lines.length - first - shown.length;
  // Where the text goes on, and how to close it; at the end, that every key typed counts.
  const more = [
    first > 0 ? `↑ ${first} more` : '',
    below > 0 ? `↓ ${below} more (↑/↓ scroll)` : 'Keys typed quickly each count',
    'Esc or ? closes this help',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={width + 4} flexShrink={0}>
      <Text bold wrap="truncate-end">{`Keys on ${TITLES[screen]}`}</Text>
      {shown.map((line, i) =>
        line.title ? (
          <Text key={i} bold wrap="truncate-end">
            {line.title}
          </Text>
        ) : (
          <Text key={i} wrap="truncate-end">
            <Text color={theme.accent}>{line.key}</Text>
            {line.text}
          </Text>
        ),
      )}
      <Text color={theme.muted} wrap="truncate-end">
        {more}
      </Text>
    </Box>
  );
}
