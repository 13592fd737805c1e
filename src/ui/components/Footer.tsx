import { Box, Text } from 'ink';
import { fitHints, footerHints, type HintContext } from '../footer-hints.js';
import type { Theme } from '../theme.js';
import { terminalText } from '../../presets/describe.js';

export interface FooterProps extends HintContext {
  readonly width: number;
  readonly autoplay?: boolean;
  readonly speedMs?: number;
  /** The status message (it expires: state/status.ts), on its own line above the keys. */
  readonly message?: string;
  readonly theme: Theme;
}

/** The rows the footer takes: the keys, and the status message when there is one. */
export const footerRows = (message: string | undefined) => (message ? 2 : 1);

/** The screen's keys, fitted to the width; the status message, if any, on the line above. */
export function Footer({ width, autoplay, speedMs, message, theme, ...context }: FooterProps) {
  const playing = autoplay && context.screen !== 'picker' ? `▶ autoplay ${speedMs} ms/round (+/-)` : '';
  const hints = fitHints(footerHints(context), width - (playing ? playing.length + 2 : 0));
  return (
    <Box flexDirection="column" flexShrink={0}>
      {message ? (
        <Text wrap="truncate-end" color={theme.accent}>
          {terminalText(message)}
        </Text>
      ) : null}
      <Text wrap="truncate-end" color={theme.muted}>
        {playing ? <Text color={theme.accent}>{`${playing}  `}</Text> : null}
        {hints}
      </Text>
    </Box>
  );
}
