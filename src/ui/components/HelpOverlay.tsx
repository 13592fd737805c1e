import { Box, Text } from 'ink';
import { BINDINGS } from '../keys.js';
import type { Theme } from '../theme.js';

/** Every key and what it does. */
export function HelpOverlay({ theme }: { readonly theme: Theme }) {
  const width = Math.max(...BINDINGS.map((b) => b.label.length)) + 3;
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} alignSelf="center">
      <Text bold>Keys</Text>
      {BINDINGS.map((b) => (
        <Text key={b.command}>
          <Text color={theme.accent}>{b.label.padEnd(width)}</Text>
          {b.description}
        </Text>
      ))}
      <Text color={theme.muted}>{'Keys typed quickly each count. Esc or ? closes this help.'}</Text>
    </Box>
  );
}
