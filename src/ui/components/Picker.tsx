import { Box, Text } from 'ink';
import { useEffect, useMemo } from 'react';
import wrapAnsi from 'wrap-ansi';
import { formatCount } from '../../format.js';
import {
  followRow,
  matchingEntries,
  pickerRows,
  rowOf,
  type PickerEntry,
  type PickerRow,
} from '../helpers/picker-rows.js';
import type { Theme } from '../theme.js';
import { terminalStrings, terminalText } from '../../presets/describe.js';

export interface PickerProps {
  readonly entries: readonly PickerEntry[];
  /** The highlighted entry: the reducer moves it, so that every key typed counts. */
  readonly highlighted: number;
  /** The filter being typed after `/`, if any. */
  readonly filter?: string;
  /** The first list row shown (the reducer scrolls it with the highlight). */
  readonly offset: number;
  readonly message?: string;
  readonly height: number;
  /** The terminal's width: rows are cut to it here, so that Ink never wraps one. */
  readonly width: number;
  readonly theme: Theme;
  /** Told how many list rows fit, for PgUp/PgDn and scrolling. */
  readonly onListRows?: (rows: number) => void;
}

/**
 * The fewest list rows the picker keeps when a long description wants the room: at 80×24 that leaves the
 * box the 12 rows the longest shipped description needs (border, name and set, nine lines).
 */
const MIN_LIST_ROWS = 7;
/** The widest id column. */
const MAX_ID_WIDTH = 28;

/** `text` cut to `width` characters, a cut one ending in …. */
function cut(text: string, width: number): string {
  const chars = Array.from(text);
  return chars.length > width ? `${chars.slice(0, Math.max(0, width - 1)).join('')}…` : text;
}

/** The last description line shown when more follow: at most `width - 1` of its characters, then one …. */
const endsCut = (line: string, width: number) =>
  `${Array.from(line)
    .slice(0, width - 1)
    .join('')}…`;

/**
 * Every preset under the headings of `liqloop list`, a count and scroll marks, the filter typed after `/`,
 * and the highlighted preset's description. The reducer owns the highlight, the filter and the scroll.
 */
export function Picker(props: PickerProps) {
  const { entries: listed, highlighted, filter, message: raw, height, width, theme, onListRows } = props;
  // Shown through terminalText: ids are file names, which no schema checks. The reducer opens by index.
  const entries = useMemo(() => listed.map((e) => terminalStrings(e)), [listed]);
  const message = raw === undefined ? undefined : terminalText(raw);
  const matches = useMemo(() => matchingEntries(entries, filter), [entries, filter]);
  const rows = useMemo(() => pickerRows(entries, matches), [entries, matches]);
  const entry = matches.includes(highlighted) ? entries[highlighted] : undefined;
  const idWidth = Math.min(MAX_ID_WIDTH, Math.max(...entries.map((e) => e.id.length), 4) + 2);
  const textWidth = Math.max(10, width - 4);
  const description = useMemo(
    () => (entry ? wrapAnsi(entry.description, textWidth, { hard: true, trim: true }).split('\n') : []),
    [entry, textWidth],
  );
  // The name wraps too, never cut; its set ("· History") follows when it takes no row of its own (the
  // list's headings name the set as well).
  const heading = useMemo(() => {
    if (!entry) return [];
    const wrap = (text: string) => wrapAnsi(text, textWidth, { hard: true, trim: true }).split('\n');
    const name = wrap(entry.name);
    const withSet = wrap(`${entry.name} · ${setOf(entry)}`);
    return withSet.length > name.length ? name : withSet;
  }, [entry, textWidth]);
  // Title, the filter while one is typed, a message (the keys are the footer's); then the list between its
  // two scroll marks, then the box, which takes what its text needs (border, name and set lines included)
  // while the list keeps its rows.
  const above = 1 + (filter === undefined ? 0 : 1) + (message ? 1 : 0);
  const boxRows = entry
    ? Math.max(
        4 + heading.length,
        Math.min(description.length + heading.length + 2, height - above - 2 - MIN_LIST_ROWS),
      )
    : 0;
  const listRows = Math.max(3, height - above - 2 - boxRows);
  useEffect(() => onListRows?.(listRows), [listRows, onListRows]);
  const row = rowOf(rows, highlighted);
  const offset = row < 0 ? 0 : followRow(rows, props.offset, row, listRows);
  const shown = rows.slice(offset, offset + listRows);
  const entriesIn = (from: number, to: number) =>
    rows.slice(from, to).filter((r) => r.kind === 'entry').length;
  const hiddenAbove = entriesIn(0, offset);
  const hiddenBelow = entriesIn(offset + listRows, rows.length);
  const position = matches.indexOf(highlighted) + 1;
  const count =
    filter === undefined
      ? `${formatCount(position)} of ${formatCount(entries.length)}`
      : `${formatCount(position)} of ${formatCount(matches.length)} matching (${formatCount(entries.length)} presets)`;
  const title = 'liqloop: pick a preset';
  const room = Math.max(1, boxRows - 2 - heading.length);
  const text =
    description.length > room
      ? [...description.slice(0, room - 1), endsCut(description[room - 1]!, textWidth)]
      : description;
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate-end">
        <Text bold>{title}</Text>
        {`${' '.repeat(Math.max(2, width - title.length - count.length - 1))}${count}`}
      </Text>
      {filter === undefined ? null : (
        <Text wrap="truncate-end">
          <Text color={theme.accent}>{`/ ${filter}▏`}</Text>
          <Text color={theme.muted}> every word in the id, name or description</Text>
        </Text>
      )}
      {message ? (
        <Text color={theme.danger} wrap="truncate-end">
          {message}
        </Text>
      ) : null}
      <Box flexDirection="column" height={listRows + 2}>
        <Text color={theme.muted}>{hiddenAbove > 0 ? `  ↑ ${formatCount(hiddenAbove)} more` : ' '}</Text>
        {entries.length === 0 ? (
          <Text color={theme.danger}>No presets found in presets/.</Text>
        ) : matches.length === 0 ? (
          <Text color={theme.muted} wrap="truncate-end">
            {`  No preset matches “${filter ?? ''}”: Backspace to edit, Esc to clear.`}
          </Text>
        ) : (
          <Box flexDirection="column" height={listRows}>
            {shown.map((r, i) => (
              <ListRow
                key={i}
                row={r}
                entries={entries}
                highlighted={highlighted}
                idWidth={idWidth}
                width={width}
                theme={theme}
              />
            ))}
          </Box>
        )}
        <Text color={theme.muted}>{hiddenBelow > 0 ? `  ↓ ${formatCount(hiddenBelow)} more` : ' '}</Text>
      </Box>
      {entry ? (
        <Box
          borderStyle="round"
          paddingX={1}
          flexDirection="column"
          width={width}
          height={boxRows}
          overflow="hidden"
        >
          {heading.map((line, i) => (
            <Text key={`h${i}`} bold wrap="truncate-end">
              {line}
            </Text>
          ))}
          {text.map((line, i) => (
            <Text key={i} wrap="truncate-end">
              {line}
            </Text>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}

/** What a preset is, for the box: the user's own, history, or the lesson set it belongs to. */
const setOf = (entry: PickerEntry) =>
  entry.source === 'user'
    ? 'Your preset'
    : entry.kind === 'history'
      ? 'History'
      : entry.group
        ? `Lesson set: ${entry.group}`
        : 'Lesson';

interface ListRowProps {
  readonly row: PickerRow;
  readonly entries: readonly PickerEntry[];
  readonly highlighted: number;
  readonly idWidth: number;
  readonly width: number;
  readonly theme: Theme;
}

/** A heading, or a preset: the mark, its id in a column (indented under a set's heading), its name. */
function ListRow({ row, entries, highlighted, idWidth, width, theme }: ListRowProps) {
  if (row.kind === 'title') {
    return (
      <Text bold wrap="truncate-end">
        {cut(row.text, width - 1)}
      </Text>
    );
  }
  if (row.kind === 'group') {
    return (
      <Text bold color={theme.muted} wrap="truncate-end">
        {cut(`  ${row.text}`, width - 1)}
      </Text>
    );
  }
  const e = entries[row.index]!;
  const selected = row.index === highlighted;
  const indent = row.grouped ? '  ' : '';
  const id = cut(e.id, idWidth - 1 - indent.length).padEnd(idWidth - indent.length);
  return (
    <Text wrap="truncate-end" bold={selected} color={selected ? theme.accent : undefined}>
      {cut(`${selected ? '❯' : ' '} ${indent}${id}${e.name}`, width - 1)}
    </Text>
  );
}
