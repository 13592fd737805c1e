import { Box, Text } from 'ink';
import type { LogLine } from '../helpers/log.js';
import type { Theme } from '../theme.js';

export interface LiquidationLogProps {
  readonly lines: readonly LogLine[];
  readonly height: number;
  readonly theme: Theme;
}

/** Liquidations, newest round first, each round's total above its largest liquidations. */
export function LiquidationLog({ lines, height, theme }: LiquidationLogProps) {
  return (
    <Box flexDirection="column" height={height}>
      <Text bold>Liquidations, newest first</Text>
      {lines.length === 0 ? <Text color={theme.muted}>none yet: press space to run round 1</Text> : null}
      {lines.map((line, i) => (
        <Text
          key={i}
          wrap="truncate-end"
          bold={line.kind === 'round'}
          color={line.badDebt ? theme.danger : line.kind === 'more' ? theme.muted : undefined}
        >
          {line.text}
        </Text>
      ))}
    </Box>
  );
}
