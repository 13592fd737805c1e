import { renderToString } from 'ink';
import { describe, expect, it } from 'vitest';
import { runCascade, summarize, type Scenario } from '../../src/engine/index.js';
import { runText } from '../../src/cli/run-text.js';
import { formatAmount, formatNumber } from '../../src/format.js';
import { loadPreset } from '../../src/presets/index.js';
import {
  cascadeStatus,
  Header,
  headerRows,
  marketText,
  outcomeLines,
  roundTitle,
} from '../../src/ui/components/Header.js';
import { HealthPanel, nearestTitle } from '../../src/ui/components/HealthPanel.js';
import { BAND_EDGES, healthSnapshot } from '../../src/ui/helpers/health.js';
import { packParts, wrapText } from '../../src/ui/helpers/pack.js';
import { outcomesAt } from '../../src/ui/helpers/run-totals.js';
import { sessionOf, type Session } from '../../src/ui/state/session.js';

function preset(id: string): Scenario {
  const loaded = loadPreset(id);
  if (!loaded.ok) throw new Error(`${id} did not load`);
  return loaded.preset;
}

const width = (line: string) => Array.from(line).length;
/** The header's packed lines as text, at `columns`. */
function headerText(session: Session, round: number, columns: number): string[] {
  const at = session.timeline.reach(round);
  return outcomeLines(session, at, outcomesAt(session.timeline, at), columns).map((parts) =>
    parts.map((p) => p.text).join('  '),
  );
}

const FINDING = '⚠ liquidators lost 26,244,635 USD on 8,904 liquidations — try liquidators.requireProfit';

describe('wrapping a long header part', () => {
  it('breaks after the dash, indents the rest, loses no word and never passes the width', () => {
    expect(wrapText(FINDING, 80)).toEqual([
      '⚠ liquidators lost 26,244,635 USD on 8,904 liquidations —',
      '  try liquidators.requireProfit',
    ]);
    for (const w of [20, 27, 33, 40, 60, 79]) {
      const lines = wrapText(FINDING, w);
      for (const line of lines) expect(width(line), `${w}: ${line}`).toBeLessThanOrEqual(w);
      // Every word is kept whole once the longest (25 columns, indented by 2) fits on a line.
      if (w >= 27) expect(lines.join(' ').split(/ +/).join(' ')).toBe(FINDING);
    }
    expect(wrapText(FINDING, 200)).toEqual([FINDING]);
    // A word longer than a line is cut, not spilled.
    expect(wrapText('x '.concat('y'.repeat(30)), 10)).toEqual(['x', '  yyyyyyy…']);
  });

  it('packs a wrapped part on lines of its own, and an `alone` part with nothing beside it', () => {
    const parts = [{ text: 'Bad debt 1 USD' }, { text: FINDING }, { text: 'Fund 2 USD' }];
    expect(packParts(parts, 80).map((l) => l.map((p) => p.text))).toEqual([
      ['Bad debt 1 USD'],
      [`${FINDING.slice(0, 79)}…`],
      ['Fund 2 USD'],
    ]);
    expect(packParts(parts, 80, { wrap: true }).map((l) => l.map((p) => p.text))).toEqual([
      ['Bad debt 1 USD'],
      ['⚠ liquidators lost 26,244,635 USD on 8,904 liquidations —'],
      ['  try liquidators.requireProfit', 'Fund 2 USD'],
    ]);
    const alone = [{ text: 'a' }, { text: 'b', alone: true }, { text: 'c' }];
    expect(packParts(alone, 80).map((l) => l.map((p) => p.text))).toEqual([['a'], ['b'], ['c']]);
  });
});

describe('the header lines', () => {
  it("thin-pool's finding is whole at 80 and 120 columns, wrapped at 80, and no line is cut", () => {
    const s = sessionOf('thin-pool', preset('thin-pool'));
    const last = s.timeline.finish();
    const narrow = headerText(s, last, 80);
    for (const line of narrow) expect(width(line)).toBeLessThanOrEqual(80);
    expect(narrow.join('\n')).not.toContain('…');
    expect(narrow).toContain('⚠ liquidators lost 26,244,635 USD on 8,904 liquidations —');
    expect(narrow.some((l) => l.startsWith('  try liquidators.requireProfit'))).toBe(true);
    expect(headerText(s, last, 120)).toContain(FINDING);
  });

  it('shows the prices and the trough with its drawdown and amplification at every round, as the summary does at the end', () => {
    const s = sessionOf('thin-pool', preset('thin-pool'));
    const mid = headerText(s, 2, 120).join('\n');
    const record = s.timeline.record(2)!;
    expect(mid).toContain(`Venue ${formatAmount(record.price, 'USD')}`);
    expect(mid).toMatch(/Trough [\d,.]+ USD r2 \(−[\d.]+%, [\d.]+×\)/);
    const last = s.timeline.finish();
    const m = summarize(s.timeline.run()!);
    expect(headerText(s, last, 120).join('\n')).toContain(
      `Trough ${formatAmount(m.troughPrice, 'USD')} r${m.troughRound} (−80.5%, 8.05×)`,
    );
    // Before the shock there is no trough yet.
    expect(headerText(s, 0, 120).join('\n')).not.toContain('Trough');
  });

  it('says the time elapsed in the preset’s unit beside the round, and nothing without a round length', () => {
    const base = preset('thin-pool');
    const timed = sessionOf('thin-pool', { ...base, roundLength: '10 minutes' });
    expect(roundTitle(timed, 3)).toBe('Round 3 · 30 minutes');
    const last = timed.timeline.finish();
    expect(roundTitle(timed, last)).toBe(`Round ${last} of ${last} · ${last * 10} minutes`);
    expect(roundTitle(timed, 1)).toBe(`Round 1 of ${last} · 10 minutes`);
    expect(roundTitle(sessionOf('thin-pool', base), 3)).toBe('Round 3');
    expect(roundTitle(sessionOf('x', { ...base, roundLength: '1 hour' }), 1)).toBe('Round 1 · 1 hour');
  });
});

describe('a run that leaves the model’s numeric range', () => {
  // Valid, but a 10K USD order book takes the price to 0 in round 2 (exp underflows): the run stops at round 1.
  const extreme = (depth2pct: number): Session => {
    const p = preset('thin-pool');
    return sessionOf('out-of-range', { ...p, market: { ...p.market, model: 'orderbook', depth2pct } });
  };

  it('the status and the header say where and why it stopped, on lines of their own', () => {
    const s = extreme(1e4);
    expect(s.timeline.finish()).toBe(1);
    expect(s.timeline.failure?.round).toBe(2);
    expect(cascadeStatus(s, 1)).toBe("✖ stopped: round 2 left the model's range");
    expect(roundTitle(s, 1)).toBe('Round 1 of 1');
    for (const columns of [80, 120]) {
      const lines = headerText(s, 1, columns);
      for (const line of lines) expect(width(line)).toBeLessThanOrEqual(columns);
      expect(lines).toContain('✖ the model left its numeric range at round 2 (field price = 0)');
      const advice = lines.findIndex((l) => l.startsWith('the preset is valid but too extreme'));
      expect(advice).toBeGreaterThan(0);
      expect(lines.slice(advice).join(' ').split(/ +/).join(' ')).toContain(
        'bring its sizes, prices or depths closer together',
      );
    }
    // Before its last round, the run is shown as it was.
    expect(cascadeStatus(s, 0)).toBe('○ before the shock');
    expect(headerText(s, 0, 120).join('\n')).not.toContain('✖');
  });

  it('a run that stops in round 1 says so at round 0', () => {
    const s = extreme(1e-6);
    expect(s.timeline.finish()).toBe(0);
    expect(cascadeStatus(s, 0)).toBe("✖ stopped: round 1 left the model's range");
    expect(headerText(s, 0, 80)).toContain('✖ the model left its numeric range at round 1 (field price = 0)');
  });
});

describe('the nearest-liquidation panel', () => {
  const panel = (s: Session, round: number) => {
    const at = s.timeline.reach(round);
    const price = s.timeline.record(at)?.price ?? s.preset.asset.price;
    const snapshot = healthSnapshot(s.timeline.positionsAt(at), price, 3);
    return renderToString(
      <HealthPanel
        snapshot={snapshot}
        price={price}
        quote="USD"
        width={40}
        height={BAND_EDGES.length + 6}
        theme={{}}
      />,
      { columns: 40 },
    );
  };

  it('names the price while positions are open, and says none is left once every one is closed', () => {
    const s = sessionOf('thin-pool', preset('thin-pool'));
    expect(panel(s, 0)).toContain('Nearest liquidation: HF at 2,000.00 USD');
    const end = panel(s, s.timeline.finish());
    expect(end).toContain('Nearest liquidation: none');
    expect(end).toContain('no position left open');
    expect(end).not.toContain('HF at');
  });
});

describe('debt still under water', () => {
  // aave-close-factor leaves loans under water by their health factor but none short of its collateral
  // (shortfall 0): a figure of debt net of collateral at the venue price would read 0 there.
  it.each(['aave-close-factor', 'mango-markets-2022'])(
    '%s: at the last round the header gives the figure and the words of liqloop run',
    (id) => {
      const p = preset(id);
      const s = sessionOf(id, p);
      const last = s.timeline.finish();
      const run = runText(runCascade(p));
      const words = /([\d,.]+) USD of debt still under water/.exec(run)?.[1];
      expect(words).toBeDefined();
      expect(words).toBe(formatNumber(summarize(s.timeline.run()!).unresolvedDebt));
      expect(headerText(s, last, 120).join('\n')).toContain(`Debt still under water ${words} USD`);
    },
  );

  it('follows the round on screen: the engine’s figure after that round, and nothing when it is 0', () => {
    const s = sessionOf('aave-close-factor', preset('aave-close-factor'));
    const last = s.timeline.finish();
    let shown = 0;
    for (let r = 0; r <= last; r++) {
      const owed = s.timeline.record(r)?.underwaterDebt ?? 0;
      const text = headerText(s, r, 120).join('\n');
      if (owed > 0) {
        shown++;
        expect(text).toContain(`Debt still under water ${formatAmount(owed, 'USD')}`);
      } else expect(text).not.toContain('under water');
    }
    expect(shown).toBeGreaterThan(0);
    expect(headerText(s, 0, 120).join('\n')).not.toContain('under water');
  });
});

describe('no header line is cut', () => {
  const PRESETS = ['black-thursday-2020', 'luna-oracle-floor-2022', 'perps-october-2025', 'thin-pool'];
  it.each(PRESETS)('%s at 80 and 120 columns, at the start, mid-run and the end', (id) => {
    const s = sessionOf(id, preset(id));
    const last = s.timeline.finish();
    const market = marketText(s.preset).split(' · ');
    for (const columns of [80, 120])
      for (const round of [0, Math.ceil(last / 2), last]) {
        const lines = outcomeLines(s, round, outcomesAt(s.timeline, round), columns);
        const frame = renderToString(<Header session={s} round={round} lines={lines} theme={{}} />, {
          columns,
        }).split('\n');
        expect(frame).toHaveLength(headerRows(lines));
        // Under the title (whose name gives way by design), every line whole.
        for (const line of frame.slice(1)) {
          expect(width(line), line).toBeLessThanOrEqual(columns);
          expect(line, `${id} r${round} at ${columns}`).not.toMatch(/…$/);
        }
        // The liquidations so far are always there, the venue's description in whole parts only.
        const activity = frame.at(-1)!;
        expect(frame.some((l) => l.startsWith('Liquidated '))).toBe(true);
        const shown = activity.split('  ').filter((p) => market.includes(p));
        expect(market.slice(0, shown.length)).toEqual(shown);
      }
    // At 120 columns thin-pool's venue is described in full.
    if (id === 'thin-pool') expect(headerText(s, 0, 120).at(-1)).toContain(market.join('  '));
  });

  it('the health panel shortens its title rather than cut the price', () => {
    expect(nearestTitle('2,000.00 USD', 80)).toBe('Nearest liquidation: HF at 2,000.00 USD');
    expect(nearestTitle('194.97 DAI', 35)).toBe('Nearest: HF at 194.97 DAI');
  });
});

describe('the title row', () => {
  it('stays one row at 80 columns however long the round and status are: the name gives way, then the status is cut', () => {
    const p = preset('thin-pool');
    const s = sessionOf('thin-pool', {
      ...p,
      name: 'A preset with a long name',
      roundLength: '10 minutes',
      rounds: 3,
    });
    s.timeline.finish();
    const lines = outcomeLines(s, 3, outcomesAt(s.timeline, 3), 80);
    // Round 10,000 of a 3-round run (compare mode past the baseline's end): 88 columns of title and status.
    const frame = renderToString(<Header session={s} round={10_000} lines={lines} theme={{}} />, {
      columns: 80,
    }).split('\n');
    expect(frame).toHaveLength(headerRows(lines));
    expect(frame[0]).toMatch(
      /^…? ?Round 10,000 · 100,000 minutes {2}■ stopped at the 3-round limit: basel.*…$/,
    );
    for (const line of frame) expect(width(line)).toBeLessThanOrEqual(80);
  });
});
