import { Text } from 'ink';
import { BINDINGS } from '../keys.js';
import type { Theme } from '../theme.js';
import { terminalText } from '../../presets/describe.js';

export interface FooterProps {
  readonly autoplay: boolean;
  readonly speedMs: number;
  /** The last thing the app has to say (a file written, a variant dropped); shown before the key hints. */
  readonly message?: string;
  /** A variant is running: its keys come first. */
  readonly variant?: boolean;
  /** A history preset: its record is a key away. */
  readonly history?: boolean;
  readonly theme: Theme;
}

export function Footer({ autoplay, speedMs, message, variant, history, theme }: FooterProps) {
  const hints = [...(history ? ['h record'] : []), ...BINDINGS.flatMap((b) => (b.footer ? [b.footer] : []))];
  return (
    <Text wrap="truncate-end" color={theme.muted}>
      {variant ? <Text color={theme.accent}>{'k keep  x drop  w write  '}</Text> : null}
      {message ? <Text color={theme.accent}>{`${terminalText(message)}  `}</Text> : null}
      {autoplay ? <Text color={theme.accent}>{`▶ autoplay ${speedMs} ms/round (+/-)  `}</Text> : null}
      {hints.join('  ')}
    </Text>
  );
}
