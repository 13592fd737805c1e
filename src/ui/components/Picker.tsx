import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import wrapAnsi from 'wrap-ansi';
import type { PresetEntry } from '../state/reducer.js';
import type { Theme } from '../theme.js';
import { terminalStrings, terminalText } from '../../presets/describe.js';

export interface PickerProps {
  readonly entries: readonly PresetEntry[];
  /** The highlighted entry: the reducer moves it, so that every key typed counts. */
  readonly highlighted: number;
  readonly message?: string;
  readonly height: number;
  /** The terminal's width: list rows are cut to it here, so that Ink never squeezes the indicator. */
  readonly width: number;
  readonly theme: Theme;
}

/** The fewest list rows the picker keeps when a long description wants the room. */
const MIN_LIST_ROWS = 6;

/** The group column: each kind's name beside the first preset of its group. */
const GROUP_LABELS = { history: 'History', lesson: 'Lessons', user: 'Yours' } as const;
const groupOf = (e: PresetEntry) => (e.source === 'user' ? 'user' : (e.kind ?? 'lesson'));
const GROUP_WIDTH = 9;

/**
 * Every preset, with the highlighted one's description. ink-select-input draws the list; the reducer owns
 * the highlight and the keys (the list is not focused), because the list's own key handler reads stale
 * state when keys arrive faster than it re-renders.
 */
export function Picker({ entries: listed, highlighted, message: raw, height, width, theme }: PickerProps) {
  // Shown through terminalText: ids are file names, which no schema checks. Each item's value stays the id.
  const entries = listed.map((e) => ({ ...terminalStrings(e), rawId: e.id }));
  const message = raw === undefined ? undefined : terminalText(raw);
  const entry = entries[highlighted];
  const idWidth = Math.min(28, Math.max(...entries.map((e) => e.id.length), 4) + 2);
  const cut = (text: string) => (text.length > width - 3 ? `${text.slice(0, width - 4)}…` : text);
  const items = entries.map((e, i) => {
    const kind = groupOf(e);
    const group = i === 0 || groupOf(entries[i - 1]!) !== kind ? GROUP_LABELS[kind] : '';
    return {
      key: e.rawId,
      label: cut(`${group.padEnd(GROUP_WIDTH)}${e.id.padEnd(idWidth)}${e.name}`),
      value: e.rawId,
    };
  });
  // The description box takes what its text needs (border, name and set lines included), as long as the
  // list keeps MIN_LIST_ROWS rows.
  const above = 3 + (message ? 1 : 0);
  const needed = entry
    ? wrapAnsi(entry.description, Math.max(10, width - 4), { hard: true }).split('\n').length + 4
    : 0;
  const descriptionRows = Math.max(6, Math.min(needed, height - above - MIN_LIST_ROWS));
  const limit = Math.max(3, height - above - descriptionRows);
  return (
    <Box flexDirection="column" height={height}>
      <Text bold>liqloop: pick a preset</Text>
      <Text color={theme.muted} wrap="truncate-end">
        ↑/↓ choose · Enter open · ? help · q quit
      </Text>
      {message ? (
        <Text color={theme.danger} wrap="truncate-end">
          {message}
        </Text>
      ) : null}
      <Box marginTop={1} flexDirection="column" height={Math.min(limit, Math.max(1, items.length))}>
        {items.length === 0 ? (
          <Text color={theme.danger}>No presets found in presets/.</Text>
        ) : (
          <SelectInput
            key={highlighted}
            items={items}
            initialIndex={highlighted}
            isFocused={false}
            limit={limit}
            itemComponent={({ label, isSelected }) => (
              <Text wrap="truncate-end" bold={isSelected} color={isSelected ? theme.accent : undefined}>
                {label}
              </Text>
            )}
            indicatorComponent={({ isSelected }) => (
              <Box width={2} flexShrink={0}>
                <Text>{isSelected ? '❯' : ' '}</Text>
              </Box>
            )}
          />
        )}
      </Box>
      {entry ? (
        <Box
          borderStyle="round"
          paddingX={1}
          flexDirection="column"
          height={descriptionRows}
          overflow="hidden"
        >
          <Box flexShrink={0}>
            <Text bold wrap="truncate-end">
              {entry.name}
            </Text>
          </Box>
          <Box flexShrink={0}>
            <Text color={theme.muted} wrap="truncate-end">
              {entry.kind === 'history' ? 'History' : entry.group ? `Lesson set: ${entry.group}` : 'Lesson'}
            </Text>
          </Box>
          <Box height={descriptionRows - 4} overflow="hidden">
            <Text>{entry.description}</Text>
          </Box>
        </Box>
      ) : null}
    </Box>
  );
}
