import { Text } from 'ink';
import { formatCount } from '../../format.js';
import type { Theme } from '../theme.js';

export interface PaneTitleProps {
  readonly title: string;
  /** The pane has the keys: marked ▶, in reverse video. */
  readonly focused: boolean;
  /** The first line shown, how many are shown, and how many the pane has. */
  readonly offset: number;
  readonly shown: number;
  readonly total: number;
  /** What the keys do here (after the position, cut first when the width runs out). */
  readonly hint: string;
  readonly width: number;
  readonly theme: Theme;
}

/**
 * A scrolling pane's title line: its name (▶ and reversed while it has the keys), which lines show
 * (`↑ 6–10 of 42 lines ↓`, the arrows where more lines are; lines, not liquidations, since a round's
 * total wraps to the width), and what the keys do.
 */
export function PaneTitle({ title, focused, offset, shown, total, hint, width, theme }: PaneTitleProps) {
  const name = focused ? `▶ ${title}` : title;
  const position =
    total > shown
      ? `${offset > 0 ? '↑ ' : ''}${formatCount(offset + 1)}–${formatCount(offset + shown)} of ${formatCount(total)} lines${offset + shown < total ? ' ↓' : ''}`
      : '';
  const rest = [position, hint].filter(Boolean).join('  ');
  return (
    <Text wrap="truncate-end">
      <Text bold inverse={focused}>
        {name}
      </Text>
      <Text color={theme.muted}>
        {rest ? `  ${rest}`.slice(0, Math.max(0, width - name.length - 1)) : ''}
      </Text>
    </Text>
  );
}
