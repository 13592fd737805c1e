import type { Scenario } from '../engine/index.js';
import { formatCount, formatPct } from '../format.js';
import { describeRole, formatMetric } from '../presets/index.js';
import type { LoopFigures } from '../whatif/loop.js';
import { describeShare, NO_LOOP_DEPTH } from '../whatif/loop.js';
import type { RobustReport } from '../whatif/report.js';
import { bandVerdict, type FigureBand } from '../whatif/robust.js';
import type { CliIo } from './io.js';
import { textTable } from './table.js';

/** A figure's range as words: "4,461,100 – 7,381,600 (−21.3% / +30.2%)" against the recorded value. */
function range(band: FigureBand): string {
  if (band.min === null || band.max === null) return 'n/a';
  const off = (v: number) => {
    const d = v / band.recorded - 1;
    return `${d >= 0 ? '+' : '−'}${formatPct(Math.abs(d))}`;
  };
  return (
    `${formatMetric(band.metric, band.min)} – ${formatMetric(band.metric, band.max)} ` +
    `(${off(band.min)} / ${off(band.max)} of the record)`
  );
}

/** The lines of one figure: its range and verdict, then its range over each kind of rerun. */
function figureLines(band: FigureBand, reruns: number): string[] {
  const role = describeRole(band);
  const verdict = bandVerdict(band, reruns);
  const bands = band.bands.map(
    (b) => `${b.label} ${formatMetric(band.metric, b.min)}–${formatMetric(band.metric, b.max)}`,
  );
  return [
    `  ${band.figure}${role ? ` [${role}]` : ''}: recorded ${formatMetric(band.metric, band.recorded)}, ` +
      `model ${band.modelled === null ? 'n/a' : formatMetric(band.metric, band.modelled)}, range ${range(band)}`,
    `    ${verdict}`,
    ...(bands.length ? [`    ${bands.join('; ')}`] : []),
  ];
}

/** The loop's share as a table: the preset, its twin without the loop, and the share the loop produced. */
export function loopText(report: RobustReport, scenario: Scenario): string[] {
  const { withLoop, withoutLoop, share } = report.loop;
  const { symbol, quote } = scenario.asset;
  const rows: [string, keyof LoopFigures, (v: number) => string][] = [
    [`fall to the low (${symbol})`, 'drawdown', (v) => formatPct(v)],
    ['positions liquidated', 'positionsLiquidated', (v) => formatCount(v)],
    [`liquidated (${quote}, debt + notional)`, 'liquidated', (v) => formatMetric(undefined, v)],
    [`losses (${quote})`, 'losses', (v) => formatMetric(undefined, v)],
  ];
  const table = textTable(
    ['', 'with the loop', 'without', "the loop's share"],
    rows.map(([label, key, format]) => [
      label,
      format(withLoop[key]),
      format(withoutLoop[key]),
      describeShare(key, share[key]),
    ]),
    [0],
  );
  return [
    `The loop's share: the same preset with the sale venue ${formatCount(NO_LOOP_DEPTH)} times as deep, so that`,
    'the liquidations move nothing (an attacker on that venue trades as many times more, pushing as hard)',
    '',
    ...table.split('\n').map((line) => `  ${line}`),
  ];
}

/** What `liqloop run --robust` adds under the record: each figure's range, then the loop's share. */
export function robustText(report: RobustReport, scenario: Scenario): string {
  const groups = [...new Set(report.figures.flatMap((f) => f.bands.map((b) => b.label)))];
  const head =
    `Robustness: ${report.variants.length} reruns (${groups.join('; ') || 'none'}); ` +
    'fragile: some rerun leaves the tolerance';
  const figures = report.figures.length
    ? report.figures.flatMap((f) => figureLines(f, report.variants.length))
    : ['  (no recorded figure with a metric)'];
  return ['', head, ...figures, '', ...loopText(report, scenario), ''].join('\n');
}

/** A progress bar on stderr, redrawn in place; a no-op unless stderr is a terminal. */
export function progressBar(
  io: CliIo,
  what: string,
): { update: (done: number, total: number) => void; end: () => void } {
  if (!io.errIsTTY) return { update: () => {}, end: () => {} };
  const width = 30;
  let drawn = false;
  const write = (text: string) => (io.redraw ? io.redraw(text) : io.err(text));
  return {
    update: (done, total) => {
      const filled = Math.round((done / total) * width);
      write(`\r${what} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`);
      drawn = true;
    },
    end: () => {
      if (drawn) write(`\r${' '.repeat(what.length + width + 16)}\r`);
    },
  };
}
