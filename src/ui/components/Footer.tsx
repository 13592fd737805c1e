import { Text } from 'ink';
import { BINDINGS } from '../keys.js';
import type { Theme } from '../theme.js';

export interface FooterProps {
  readonly autoplay: boolean;
  readonly speedMs: number;
  readonly theme: Theme;
}

export function Footer({ autoplay, speedMs, theme }: FooterProps) {
  const hints = BINDINGS.flatMap((b) => (b.footer ? [b.footer] : []));
  return (
    <Text wrap="truncate-end" color={theme.muted}>
      {autoplay ? <Text color={theme.accent}>{`▶ autoplay ${speedMs} ms/round (+/-)  `}</Text> : null}
      {hints.join('  ')}
    </Text>
  );
}
