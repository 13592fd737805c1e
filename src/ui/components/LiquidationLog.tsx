import { Box, Text } from 'ink';
import type { LogLine } from '../helpers/log.js';
import type { Theme } from '../theme.js';
import { PaneTitle } from './PaneTitle.js';

export interface LiquidationLogProps {
  /** The lines in the window, from line `offset` of the log. */
  readonly lines: readonly LogLine[];
  readonly offset: number;
  /** How many lines the whole log has. */
  readonly total: number;
  /** The highlighted line (an index into the whole log), drawn only while the log has the keys. */
  readonly cursor: number;
  readonly focused: boolean;
  readonly height: number;
  readonly width: number;
  readonly theme: Theme;
}

/** Liquidations, newest round first, each round's total above its liquidations; it scrolls (Tab, PgUp/PgDn). */
export function LiquidationLog(props: LiquidationLogProps) {
  const { lines, offset, total, cursor, focused, height, width, theme } = props;
  return (
    <Box flexDirection="column" height={height}>
      <PaneTitle
        title="Liquidations, newest first"
        focused={focused}
        offset={offset}
        shown={lines.length}
        total={total}
        hint={focused ? 'Enter: that round · Esc' : 'Tab: scroll'}
        width={width}
        theme={theme}
      />
      {lines.length === 0 ? <Text color={theme.muted}>none yet: press space to run round 1</Text> : null}
      {lines.map((line, i) => (
        <Text
          key={i}
          wrap="truncate-end"
          bold={line.kind === 'round'}
          inverse={focused && offset + i === cursor}
          color={line.badDebt ? theme.danger : line.kind === 'more' ? theme.muted : undefined}
        >
          {line.text}
        </Text>
      ))}
    </Box>
  );
}
