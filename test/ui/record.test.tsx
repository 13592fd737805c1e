import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { Timeline } from '../../src/engine/index.js';
import { loadPreset } from '../../src/presets/index.js';
import { App } from '../../src/ui/App.js';
import { recordLines } from '../../src/ui/components/RecordPanel.js';
import { runCascade, summarize } from '../../src/engine/index.js';
import { noLoopTwin, shortfallOf } from '../../src/whatif/loop.js';
import { readReport } from '../../src/whatif/report.js';
import { robustVariants } from '../../src/whatif/robust.js';
import type { Scenario } from '../../src/engine/index.js';
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
    // The predicted figure first, then the input and the fitted one, then the figures not reproduced.
    const record = preset.record!;
    const order = [record[2]!, record[0]!, record[1]!, ...record.slice(3)];
    expect(figures.map((l) => l.text.split(' [')[0])).toEqual(order.map((f) => f.figure));
    // Each figure with its role; the preset predicts one, so it makes no statement that it predicts none.
    expect(figures[0]!.text).toMatch(/^loss covered by ADL .*\[predicted\]/);
    expect(figures[1]!.text).toMatch(/^BTC low \[input\]: recorded 105,000 USD$/);
    expect(figures[2]!.text).toMatch(/\[fitted \(perps\.generate\.longs\)\]/);
    expect(before.some((l) => l.text.startsWith('No prediction'))).toBe(false);
    const last = timeline.finish();
    // Stepped back from the end, the comparison waits for the end again.
    expect(recordLines(preset, timeline, last - 1)[0]!.text).toMatch(/press End/);
    const after = recordLines(preset, timeline, last);
    expect(after).toHaveLength(preset.record!.length);
    // An input within its tolerance is matched by construction: not shown as a success.
    expect(after[1]!.tone).toBeUndefined();
    expect(after[1]!.text).toMatch(
      /^BTC low \[input\]: recorded 105,000 USD, model [\d,]+ USD += matched by construction within ±3\.0%/,
    );
    expect(after.filter((l) => l.tone === 'muted').every((l) => l.text.includes('not reproduced:'))).toBe(
      true,
    );
    // The predicted figure the model misses is shown as a miss (liqloop run prints why).
    expect(after[0]!.tone).toBe('bad');
    expect(after[0]!.text).toMatch(/✗ outside ±25\.0% \(\+\d+\.\d%\), a miss$/);
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
      /liquidated on Hyperliquid in 4 h \(notional, USD\) \[fitted \(perps\.generate\.longs\)\]: recorded 9\.3B USD, model 9\.\d+B USD/,
    );
    await press(stdin, 'h');
    const log = await waitForFrame(frame, 'Liquidations, newest first');
    expect(log).not.toContain('Against the record');
  });

  it("with the reruns in, each checked figure shows its range and verdict, and the loop's share follows", () => {
    const preset = loaded('aave-crv-2022').preset;
    const outcome = (p: Scenario) => {
      const run = runCascade(p);
      return { summary: summarize(run), shortfall: shortfallOf(run) };
    };
    const report = readReport(preset, [
      outcome(preset),
      outcome(noLoopTwin(preset)),
      ...robustVariants(preset).map((v) => outcome(v.preset)),
    ]);
    const timeline = new Timeline(preset);
    const running = recordLines(preset, timeline, 0, { done: 1, total: 4 });
    expect(running.map((l) => l.text)).toContain(
      "Robustness and the loop's share: running in the background, 1 of 4 runs…",
    );
    const last = timeline.finish();
    const lines = recordLines(preset, timeline, last, { done: 4, total: 4, report }).map((l) => l.text);
    // The predicted figure first, a miss on the preset and on every rerun; then the loop's share; then the
    // two fitted figures, each with its band.
    expect(lines[0]).toMatch(
      /^CRV's high, .*\[predicted\].*✗ outside ±10\.0%.*· range 1\.11 – 1\.27 over 2 reruns, a miss on every rerun$/,
    );
    expect(lines[1]).toMatch(
      /^The loop's share, .*fall to the low 51\.9% against 34\.4% \(\+33\.6%\).*losses \(CRV\) 2,668,617 against 0 \(\+100\.0%\)$/,
    );
    expect(lines[2]).toMatch(
      /^USDC collateral liquidated.*· range 63,600,000 – 63,600,000 over 2 reruns, robust$/,
    );
    expect(lines[3]).toMatch(
      /^bad debt, 2\.64M CRV.*· range 1,171,\d+ – 4,709,\d+ over 2 reruns, FRAGILE \(outside ±10\.0% on 2: market\.depth2pct ×0\.8, market\.depth2pct ×1\.2\)$/,
    );
    expect(lines.some((l) => l.startsWith('No prediction'))).toBe(false);
  });

  it('in the app the bands come in the background, and End still answers while they run', async () => {
    const session = openSession(loaded('aave-crv-2022'));
    const { lastFrame, stdin } = renderSized(
      <App initial={initialState([], session)} loadPreset={loadPreset} theme={themeFor({ NO_COLOR: '1' })} />,
      120,
      60,
    );
    const frame = () => plain(lastFrame());
    await waitForFrame(frame, 'Round 0');
    await press(stdin, 'h');
    await press(stdin, 'G');
    const done = await waitForFrame(frame, "The loop's share", 20000);
    expect(done).toMatch(/over 2 reruns,\s+FRAGILE/);
  }, 30000);

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
