// What the dashboard step does to draw less: the log's ranking kept per round (and made ahead), and a chart
// row given to Ink without its trailing blanks. Neither may change a line the user sees.
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../src/presets/index.js';
import { drawnRuns, renderPriceChart, pricePaths } from '../../src/ui/helpers/chart.js';
import { largest, logLength, logLines, prefetchLog } from '../../src/ui/helpers/log.js';
import { openSession } from '../../src/ui/state/session.js';

function opened(id: string) {
  const loaded = loadPreset(id);
  if (!loaded.ok) throw new Error(`${id} did not load`);
  return openSession(loaded);
}

describe('the log ranking kept per round', () => {
  it('a longer ranking starts with the shorter one, ties by index', () => {
    const values = Array.from({ length: 500 }, (_, i) => (i * 7919) % 37);
    for (const k of [0, 1, 8, 9, 63]) expect(largest(values, 64).slice(0, k)).toEqual(largest(values, k));
    expect(largest(values, 200).slice(0, 64)).toEqual(largest(values, 64));
  });

  it.each(['black-thursday-2020', 'aave-crv-2022'])(
    '%s: every window reads the same ranked ahead or not',
    (id) => {
      const fresh = opened(id).timeline;
      const ahead = opened(id).timeline;
      const last = fresh.finish();
      ahead.finish();
      for (let r = 1; r <= last; r++) prefetchLog(ahead, r);
      const s = opened(id).preset.asset;
      for (const round of [1, Math.ceil(last / 2), last]) {
        const total = logLength(fresh, round, 120);
        for (const [offset, rows] of [
          [0, 8],
          [3, 8],
          [Math.max(0, total - 70), 70],
        ] as const) {
          const before = logLines(fresh, round, rows, s.symbol, s.quote, offset, 120);
          expect(logLines(ahead, round, rows, s.symbol, s.quote, offset, 120)).toEqual(before);
        }
      }
    },
  );
});

describe('a chart row as Ink is given it', () => {
  it('drops only a blank run at the end: the row reads the same once its end is trimmed', () => {
    const rows = renderPriceChart(pricePaths(100, []), 40, 8);
    const paths = { venue: [100, 90, 80, 85, 70], oracle: [100, 95, 88, 84, 75] };
    for (const row of [...rows, ...renderPriceChart(paths, 60, 12)]) {
      const drawn = drawnRuns(row);
      expect(drawn.at(-1)?.ink).not.toBe('blank');
      const text = (runs: typeof drawn) => runs.map((r) => r.text).join('');
      expect(text(drawn)).toBe(text(row.runs).trimEnd());
    }
  });
});
