// The liquidation log at the width it is drawn: a round's total wraps instead of being cut, the log's
// length counts the wrapped lines, any window is that slice of the whole, and Enter on a wrapped line
// goes to its round.
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../src/presets/index.js';
import { logLength, logLines, type LogLine } from '../../src/ui/helpers/log.js';
import { paneKey, type PaneDraft } from '../../src/ui/state/pane.js';
import { openSession, type Session } from '../../src/ui/state/session.js';

function session(id: string): Session {
  const loaded = loadPreset(id);
  if (!loaded.ok) throw new Error(`${id} did not load`);
  return openSession(loaded);
}
const chars = (s: string) => Array.from(s).length;
/** A round's total as one text again: its lines joined, the continuation indent dropped. */
const joined = (lines: readonly LogLine[], round: number) =>
  lines
    .filter((l) => l.kind === 'round' && l.round === round)
    .map((l) => l.text.trim())
    .join(' ');

describe.each(['black-thursday-2020', 'perps-fund-empty', 'luna-oracle-floor-2022'])('%s', (id) => {
  const s = session(id);
  const timeline = s.timeline;
  const last = timeline.finish();
  const { symbol, quote } = s.preset.asset;
  const flat = logLines(timeline, last, logLength(timeline, last), symbol, quote);

  it.each([80, 120])(
    'at %i columns no total is cut, and the wrapped totals say what the flat ones do',
    (width) => {
      const total = logLength(timeline, last, width);
      const whole = logLines(timeline, last, total, symbol, quote, 0, width);
      expect(whole).toHaveLength(total);
      for (const line of whole.filter((l) => l.kind === 'round')) {
        expect(chars(line.text), line.text).toBeLessThanOrEqual(width);
        expect(line.text).not.toMatch(/…$/);
      }
      const rounds = [...new Set(flat.map((l) => l.round))];
      for (const round of rounds) expect(joined(whole, round)).toBe(joined(flat, round));
      // The liquidations and perpetual events are the same lines, in the same order.
      expect(whole.filter((l) => l.kind !== 'round')).toEqual(flat.filter((l) => l.kind !== 'round'));
    },
  );

  it('any window is that slice of the whole, a window starting inside a wrapped total too', () => {
    const width = 80;
    const total = logLength(timeline, last, width);
    const whole = logLines(timeline, last, total, symbol, quote, 0, width);
    const continued = whole.findIndex((l, i) => l.kind === 'round' && whole[i - 1]?.kind === 'round');
    expect(continued).toBeGreaterThan(0);
    for (const offset of [0, continued, continued - 1, Math.max(0, total - 3)]) {
      const window = logLines(timeline, last, 3, symbol, quote, offset, width);
      const slice = whole.slice(offset, offset + 3);
      // The last row may count what follows instead ("… and N more"); the others are the whole log's.
      expect(window.slice(0, -1)).toEqual(slice.slice(0, -1));
      expect(window.at(-1)!.round).toBe(slice.at(-1)!.round);
    }
  });

  it('Enter on the second line of a wrapped total goes to that round', () => {
    const width = 80;
    const total = logLength(timeline, last, width);
    const whole = logLines(timeline, last, total, symbol, quote, 0, width);
    const cursor = whole.findIndex(
      (l, i) => l.kind === 'round' && whole[i - 1]?.kind === 'round' && l.round !== last,
    );
    expect(cursor).toBeGreaterThan(0);
    const pane: PaneDraft = {
      record: false,
      paneFocus: true,
      paneCursor: cursor,
      paneOffset: 0,
      paneLines: total,
      paneRows: 5,
      round: last,
      autoplay: false,
    };
    expect(paneKey(pane, { kind: 'special', name: 'enter' }, s, width)).toBe(true);
    expect(pane.round).toBe(whole[cursor]!.round);
  });
});
