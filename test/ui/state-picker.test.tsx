// The picker's description box at 80×24 and 120×36: every shipped preset's description whole, never cut.
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogue, loadLibrary } from '../../src/presets/index.js';
import { Picker } from '../../src/ui/components/Picker.js';

afterEach(() => cleanup());

// eslint-disable-next-line no-control-regex -- terminal escapes are what this matches
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
const entries = catalogue(loadLibrary());

describe.each([
  { columns: 80, rows: 24 },
  { columns: 120, rows: 36 },
])('the picker at $columns×$rows', ({ columns, rows }) => {
  // As the app gives it: the frame is one row shorter than the terminal, the footer takes one more.
  const height = rows - 2;

  it.each(entries.map((e, i) => [e.id, i] as const))('%s: its description is whole in the box', (_, i) => {
    const { lastFrame } = render(
      <Picker entries={entries} highlighted={i} offset={0} width={columns} height={height} theme={{}} />,
    );
    const lines = (lastFrame() ?? '').replace(ANSI, '').split('\n');
    expect(lines.length).toBeLessThanOrEqual(height);
    for (const line of lines) expect(Array.from(line).length).toBeLessThanOrEqual(columns);
    const top = lines.findIndex((l) => l.startsWith('╭'));
    const bottom = lines.findIndex((l) => l.startsWith('╰'));
    expect(top).toBeGreaterThan(0);
    expect(bottom).toBeGreaterThan(top);
    const inside = lines
      .slice(top + 1, bottom)
      .map((l) => l.replace(/^│ /, '').replace(/ *│$/, ''))
      .join(' ');
    expect(inside.replace(/\s+/g, ' ')).toContain(entries[i]!.name.replace(/\s+/g, ' '));
    expect(inside.replace(/\s+/g, ' ')).toContain(entries[i]!.description.replace(/\s+/g, ' '));
    // The list keeps at least seven rows beside the box (under the title, between its two scroll marks).
    expect(top - 3).toBeGreaterThanOrEqual(7);
  });
});
