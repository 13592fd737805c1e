// The chart's value labels: never cut, never repeated, the top and bottom always labelled.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLabels } from '../../src/format.js';
import { drawChart, LABEL_WIDTH, spacedLabels } from '../../src/ui/helpers/chart.js';

const shown = (labels: string[]) => labels.filter((t) => t !== '');

describe('spacedLabels', () => {
  it('labels every row when the labels fit and read apart', () => {
    const values = [2000, 1900, 1800, 1700, 1600];
    expect(spacedLabels(values, formatLabels)).toEqual(formatLabels(values));
  });

  it('a nearly level range: fewer rows labelled, none cut or repeated, top and bottom kept', () => {
    const values = Array.from({ length: 9 }, (_, i) => 0.02 - (i * 0.000000114) / 8);
    const every = formatLabels(values);
    // Every row labelled would repeat or overflow the column.
    expect(every.some((t, i) => Array.from(t).length > LABEL_WIDTH || (i > 0 && t === every[i - 1]))).toBe(
      true,
    );
    const labels = spacedLabels(values, formatLabels);
    expect(labels).toHaveLength(values.length);
    expect(labels[0]).not.toBe('');
    expect(labels.at(-1)).not.toBe('');
    for (const t of shown(labels)) expect(Array.from(t).length).toBeLessThanOrEqual(LABEL_WIDTH);
    expect(new Set(shown(labels)).size).toBe(shown(labels).length);
  });

  it('on any chart, the labels drawn are distinct and the top one is the highest value (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e9, noNaN: true }),
        fc.double({ min: 1e-9, max: 0.9, noNaN: true }),
        fc.integer({ min: 4, max: 30 }),
        (high, drop, height) => {
          const series = [high, high * (1 - drop)];
          const rows = drawChart({
            lines: [{ series, ink: 'venue', style: 'solid' }],
            width: 40,
            height,
            positive: true,
          }).rows;
          const labels = rows
            .slice(0, -1)
            .map((r) =>
              r.runs
                .map((x) => x.text)
                .join('')
                .slice(0, LABEL_WIDTH)
                .trim(),
            )
            .filter((t) => t !== '');
          expect(new Set(labels).size).toBe(labels.length);
          expect(labels.length).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
