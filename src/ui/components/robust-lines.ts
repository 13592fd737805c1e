import type { RecordFigure, Scenario } from '../../engine/index.js';
import { formatCount, formatPct } from '../../format.js';
import { formatMetric } from '../../presets/index.js';
import { describeShare, type LoopFigures } from '../../whatif/loop.js';
import { bandVerdict } from '../../whatif/robust.js';
import type { RobustView } from '../hooks/useRobustReport.js';
import type { RecordLine } from './RecordPanel.js';

/**
 * What the record panel adds to a figure's line once the reruns are in, as `liqloop run --robust` reports
 * it: " · range 4.46M – 7.38M over 14 reruns, FRAGILE (outside ±10.0% on 6)" or "…, robust"; "" before.
 */
export function bandSuffix(figure: RecordFigure, robust: RobustView | undefined): string {
  const report = robust?.report;
  if (!report || figure.metric === undefined) return '';
  const band = report.figures.find((f) => f.figure === figure.figure && f.metric === figure.metric);
  if (!band || band.min === null || band.max === null) return '';
  const range = `${formatMetric(band.metric, band.min)} – ${formatMetric(band.metric, band.max)}`;
  const missed = bandVerdict(band, report.variants.length).startsWith('a miss');
  const every = band.outside.length === report.variants.length;
  const verdict = missed
    ? `a miss on ${every ? 'every rerun' : `${band.outside.length} of them`}`
    : band.fragile
      ? `FRAGILE (outside ±${formatPct(band.tolerance)} on ${band.outside.length}: ${band.outside.join(', ')})`
      : 'robust';
  return ` · range ${range} over ${report.variants.length} reruns, ${verdict}`;
}

/** The line under the figures: the reruns' progress, their failure, or the loop's share. */
export function loopLine(preset: Scenario, robust: RobustView | undefined): RecordLine[] {
  if (!robust) return [];
  if (robust.error) return [{ text: `Robustness: the reruns failed: ${robust.error}`, tone: 'bad' }];
  const report = robust.report;
  if (!report) {
    return [
      {
        text: `Robustness and the loop's share: running in the background, ${robust.done} of ${robust.total} runs…`,
        tone: 'muted',
      },
    ];
  }
  const { withLoop, withoutLoop, share } = report.loop;
  const part = (key: keyof LoopFigures, format: (v: number) => string, label: string) =>
    `${label} ${format(withLoop[key])} against ${format(withoutLoop[key])}` +
    (share[key] === null ? '' : ` (${describeShare(key, share[key])})`);
  const money = (v: number) => formatMetric(undefined, v);
  return [
    {
      text:
        "The loop's share, beside the same preset with the sale venue 10,000 times as deep: " +
        [
          part('drawdown', (v) => formatPct(v), 'fall to the low'),
          part('positionsLiquidated', formatCount, 'positions liquidated'),
          part('liquidated', money, `liquidated (${preset.asset.quote})`),
          part('losses', money, `losses (${preset.asset.quote})`),
        ].join('; '),
    },
  ];
}
