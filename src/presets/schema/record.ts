import { z } from 'zod';
import { describeValue } from '../describe.js';
import { RECORD_METRICS, RECORD_ROLES } from '../record.js';
import { expecting, nonEmptyText, number, object, text } from './common.js';

export const recordFigure = object(
  {
    figure: nonEmptyText('a non-empty string naming the figure'),
    recorded: z.union([z.number(), z.string()], { error: expecting('a number or a string') }),
    metric: z
      .enum(RECORD_METRICS, { error: expecting(`a summary metric (${RECORD_METRICS.join(', ')})`) })
      .optional(),
    tolerance: number('a relative tolerance in [0, 10]', (v) => v >= 0 && v <= 10).optional(),
    unmatched: nonEmptyText('a non-empty string saying why the figure is not reproduced').optional(),
    source: text('a string naming the source').optional(),
    role: z
      .enum(RECORD_ROLES, { error: expecting(`one of ${RECORD_ROLES.map((r) => `"${r}"`).join(', ')}`) })
      .optional(),
    fittedBy: nonEmptyText('a parameter path, e.g. "generate.count"').optional(),
  },
  'an object {figure, recorded, role, fittedBy?, metric and tolerance, or unmatched, source?}',
).superRefine((f, ctx) => {
  if ((f.role === 'fitted') !== (f.fittedBy !== undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [f.role === 'fitted' ? 'role' : 'fittedBy'],
      message:
        f.role === 'fitted'
          ? 'expected "fittedBy" beside role "fitted": the parameter path tuned to the figure'
          : `expected "fittedBy" only on a figure with role "fitted", got role ${describeValue(f.role)}`,
    });
  }
  const matched = f.metric !== undefined;
  if (matched === (f.unmatched !== undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['metric'],
      message:
        'expected either "metric" with "tolerance" (a reproduced figure) or "unmatched" (why not), not both or neither',
    });
  } else if (matched && (f.tolerance === undefined || typeof f.recorded !== 'number')) {
    ctx.addIssue({
      code: 'custom',
      path: [f.tolerance === undefined ? 'tolerance' : 'recorded'],
      message:
        f.tolerance === undefined
          ? 'expected a relative tolerance in [0, 10] beside "metric"'
          : `expected a number beside "metric", got ${describeValue(f.recorded)}`,
    });
  } else if (matched && f.recorded === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['recorded'],
      message: 'expected a number other than 0 beside "metric": a relative tolerance needs a scale',
    });
  }
});

const DATE_FORM = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day of the calendar written YYYY-MM-DD (2020-02-30 is not one). */
export function isDay(text: string): boolean {
  const parts = DATE_FORM.exec(text);
  if (!parts) return false;
  const [y, m, d] = parts.slice(1).map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

export const date = text('a date as YYYY-MM-DD').refine(isDay, {
  error: (issue) =>
    DATE_FORM.test(String(issue.input))
      ? `expected a real day as YYYY-MM-DD, got "${String(issue.input)}"`
      : expecting('a date as YYYY-MM-DD')(issue),
});
