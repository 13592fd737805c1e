import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import { useState } from 'react';
import type { PresetEntry } from '../state/reducer.js';
import type { Theme } from '../theme.js';

export interface PickerProps {
  readonly entries: readonly PresetEntry[];
  readonly message?: string;
  readonly height: number;
  readonly theme: Theme;
  readonly onPick: (id: string) => void;
}

/** Every preset, with the highlighted one's description. */
export function Picker({ entries, message, height, theme, onPick }: PickerProps) {
  const [highlighted, setHighlighted] = useState(entries[0]?.id);
  const entry = entries.find((e) => e.id === highlighted);
  const items = entries.map((e) => ({ key: e.id, label: `${e.id.padEnd(22)} ${e.name}`, value: e.id }));
  return (
    <Box flexDirection="column" height={height}>
      <Text bold>liqloop: pick a preset</Text>
      <Text color={theme.muted}>↑/↓ choose · Enter open · ? help · q quit</Text>
      {message ? <Text color={theme.danger}>{message}</Text> : null}
      <Box marginTop={1}>
        {items.length === 0 ? (
          <Text color={theme.danger}>No presets found in presets/.</Text>
        ) : (
          <SelectInput
            items={items}
            limit={Math.max(3, height - 10)}
            onHighlight={(item) => setHighlighted(item.value)}
            onSelect={(item) => onPick(item.value)}
          />
        )}
      </Box>
      {entry ? (
        <Box marginTop={1} borderStyle="round" paddingX={1} flexDirection="column">
          <Text bold>{entry.name}</Text>
          <Text>{entry.description}</Text>
        </Box>
      ) : null}
    </Box>
  );
}
