import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { Timeline } from '../../src/engine/index.js';
import { loadPreset } from '../../src/presets/index.js';
import { App } from '../../src/ui/App.js';
import { recordLines } from '../../src/ui/components/RecordPanel.js';
import { initialState } from '../../src/ui/state/reducer.js';
import { openSession } from '../../src/ui/state/session.js';
import { themeFor } from '../../src/ui/theme.js';
import { press, renderSized, waitForFrame } from '../helpers/ink.js';

// eslint-disable-next-line no-control-regex -- terminal escapes are what this strips
const plain = (frame: string | undefined) => (frame ?? '').replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

function loaded(id: string) {
  const result = loadPreset(id);
  if (!result.ok) throw new Error(`${id} did not load`);
  return result;
}

afterEach(() => cleanup());

describe('the record panel (h)', () => {
  it('a lesson says it has no record', () => {
    const preset = loaded('thin-pool').preset;
    expect(recordLines(preset, new Timeline(preset), 0)[0]!.text).toMatch(
      /lesson: it has no historical record/,
    );
  });

  it('a history preset lists its figures, and the model beside them once the run has ended', () => {
    const preset = loaded('perps-october-2025').preset;
    const timeline = new Timeline(preset);
    const before = recordLines(preset, timeline, 3);
    expect(before[0]!.text).toMatch(/press End/);
    const figures = before.slice(1, 1 + preset.record!.length);
    expect(figures.map((l) => l.text.split(' [')[0])).toEqual(preset.record!.map((f) => f.figure));
    // Each figure with its role, and the preset's plain statement that it predicts none of them.
    expect(figures[0]!.text).toMatch(/^BTC low \[input\]: recorded 105,000$/);
    expect(figures[1]!.text).toMatch(/\[fitted \(perps\.generate\.longs\)\]/);
    expect(before.at(-1)!.text).toMatch(/^No prediction: /);
    const last = timeline.finish();
    // Stepped back from the end, the comparison waits for the end again.
    expect(recordLines(preset, timeline, last - 1)[0]!.text).toMatch(/press End/);
    const after = recordLines(preset, timeline, last);
    expect(after).toHaveLength(preset.record!.length + 1);
    // An input within its tolerance is matched by construction: not shown as a success.
    expect(after[0]!.tone).toBeUndefined();
    expect(after[0]!.text).toMatch(
      /^BTC low \[input\]: recorded 105,000, model [\d,]+ += matched by construction within ±3\.0%/,
    );
    expect(
      after
        .slice(0, -1)
        .filter((l) => l.tone === 'muted')
        .every((l) => l.text.includes('not reproduced:')),
    ).toBe(true);
  });

  it('in the app: h shows the record in place of the log, End fills in the model, h again shows the log', async () => {
    const session = openSession(loaded('perps-october-2025'));
    const { lastFrame, stdin } = renderSized(
      <App initial={initialState([], session)} loadPreset={loadPreset} theme={themeFor({ NO_COLOR: '1' })} />,
      120,
      36,
    );
    const frame = () => plain(lastFrame());
    expect(await waitForFrame(frame, 'Round 0')).toContain('h record');
    await press(stdin, 'h');
    expect(await waitForFrame(frame, 'Against the record')).toContain('press End');
    await press(stdin, 'G');
    const end = await waitForFrame(frame, 'matched by construction');
    expect(end).toMatch(
      /liquidated on Hyperliquid in 4 h \(notional, USD\) \[fitted \(perps\.generate\.longs\)\]: recorded 9\.3B, model 9\.\d+B/,
    );
    await press(stdin, 'h');
    const log = await waitForFrame(frame, 'Liquidations, newest first');
    expect(log).not.toContain('Against the record');
  });

  it('a lesson has no record key in its footer', async () => {
    const session = openSession(loaded('thin-pool'));
    const { lastFrame } = renderSized(
      <App initial={initialState([], session)} loadPreset={loadPreset} theme={themeFor({ NO_COLOR: '1' })} />,
      120,
      36,
    );
    const frame = await waitForFrame(() => plain(lastFrame()), 'Round 0');
    expect(frame).toContain('? help');
    expect(frame).not.toContain('h record');
  });
});
