import { Box, Text } from 'ink';
import { MIN_COLUMNS, MIN_ROWS } from '../helpers/layout.js';

/** Shown instead of a broken layout; the dashboard comes back when the terminal grows. */
export function TooSmall({ columns, rows }: { readonly columns: number; readonly rows: number }) {
  return (
    <Box flexDirection="column">
      <Text bold>{`terminal too small: need ${MIN_COLUMNS}×${MIN_ROWS}`}</Text>
      <Text>{`This one is ${columns}×${rows}: enlarge the window.`}</Text>
      <Text>? shows the keys, q quits; other keys wait until it fits.</Text>
    </Box>
  );
}
