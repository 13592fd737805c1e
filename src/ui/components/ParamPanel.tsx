import { Box, Text } from 'ink';
import type { Scenario } from '../../engine/index.js';
import { valueAt, visibleParams } from '../params.js';
import type { PanelState } from '../state/whatif.js';
import type { Theme } from '../theme.js';

export interface ParamPanelProps {
  readonly panel: PanelState;
  /** The preset the draft started from, to mark what changed. */
  readonly base: Scenario;
  readonly theme: Theme;
}

/** The what-if panel: every lever of the draft, the selected one highlighted. */
export function ParamPanel({ panel, base, theme }: ParamPanelProps) {
  const params = visibleParams(panel.draft);
  const selected = Math.min(panel.selected, params.length - 1);
  const labelWidth = Math.max(...params.map((p) => p.label.length)) + 2;
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} alignSelf="center">
      <Text bold>
        What if… (↑/↓ choose, ←/→ change, type a value + Enter, Enter runs the variant, s sweeps, Esc closes)
      </Text>
      {params.map((param, i) => {
        const value = valueAt(panel.draft, param.path);
        const changed = JSON.stringify(value) !== JSON.stringify(valueAt(base, param.path));
        const isSelected = i === selected;
        const shown = isSelected && panel.typing !== '' ? `${panel.typing}▏` : param.format(value);
        return (
          <Text key={param.path} inverse={isSelected}>
            {isSelected ? '▶ ' : '  '}
            {param.label.padEnd(labelWidth)}
            <Text color={changed ? theme.accent : undefined}>{shown}</Text>
            {changed ? (
              <Text color={theme.accent}>{`  (was ${param.format(valueAt(base, param.path))})`}</Text>
            ) : null}
          </Text>
        );
      })}
      {panel.error ? <Text color={theme.danger}>{`refused: ${panel.error}`}</Text> : <Text> </Text>}
    </Box>
  );
}
