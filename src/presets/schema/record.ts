import { z } from 'zod';
import { describeValue } from '../describe.js';
import { RECORD_METRICS, RECORD_ROLES } from '../record.js';
import { TEXT_RULE, UNSAFE_TEXT, expecting, nonEmptyText, number, object, text } from './common.js';

/** A recorded number's largest magnitude: the deviation from it is computed, so it may not be huge. */
const RECORDED_MAX = 1e18;

export const recordFigure = object(
  {
    figure: nonEmptyText('a non-empty string naming the figure').describe(
      `what the figure is, e.g. "collateral liquidated"; ${TEXT_RULE}`,
    ),
    recorded: z
      .union([z.number(), z.string()], { error: expecting('a number or a string') })
      .refine((v) => (typeof v === 'number' ? Math.abs(v) <= RECORDED_MAX : !UNSAFE_TEXT.test(v)), {
        error: (issue) =>
          typeof issue.input === 'number'
            ? `expected a recorded number of magnitude at most 1e18, got ${describeValue(issue.input)}`
            : `expected ${TEXT_RULE}, got a string with a control character`,
      })
      .describe('the figure as recorded: a number (of magnitude 1e-9 to 1e18 beside a metric) or text'),
    metric: z
      .enum(RECORD_METRICS, { error: expecting(`a summary metric (${RECORD_METRICS.join(', ')})`) })
      .describe('the summary field that reproduces the figure')
      .optional(),
    tolerance: number('a relative tolerance in [0, 10]', (v) => v >= 0 && v <= 10)
      .describe(
        'the relative deviation from the record within which the figure counts as reproduced, in [0, 10]',
      )
      .optional(),
    unmatched: nonEmptyText('a non-empty string saying why the figure is not reproduced')
      .describe(`why the model does not reproduce the figure; ${TEXT_RULE}`)
      .optional(),
    source: text('a string naming the source')
      .describe(`where the figure comes from; ${TEXT_RULE}`)
      .optional(),
    role: z
      .enum(RECORD_ROLES, { error: expecting(`one of ${RECORD_ROLES.map((r) => `"${r}"`).join(', ')}`) })
      .describe(`what the figure is to the preset: ${RECORD_ROLES.map((r) => `"${r}"`).join(', ')}`)
      .optional(),
    fittedBy: nonEmptyText('a parameter path, e.g. "generate.count"')
      .describe('with role "fitted": the parameter path tuned to reproduce the figure')
      .optional(),
    miss: nonEmptyText('a non-empty string saying why the model misses the figure')
      .describe(
        `with role "predicted" and a metric: why the model's value falls outside the tolerance, a documented miss shown as one (not retuned to pass); ${TEXT_RULE}`,
      )
      .optional(),
  },
  'an object {figure, recorded, role, fittedBy?, metric and tolerance (and miss?), or unmatched, source?}',
)
  .superRefine((f, ctx) => {
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
    if (f.miss !== undefined && (f.role !== 'predicted' || !matched)) {
      ctx.addIssue({
        code: 'custom',
        path: ['miss'],
        message: `expected "miss" only on a figure with role "predicted" and a metric, got role ${describeValue(f.role)}${matched ? '' : ' without a metric'}`,
      });
    }
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
    } else if (matched && Math.abs(f.recorded as number) < 1e-9) {
      ctx.addIssue({
        code: 'custom',
        path: ['recorded'],
        message: `expected a number beside "metric" of magnitude at least 1e-9, got ${describeValue(f.recorded)}`,
      });
    }
  })
  .describe('a recorded figure of a past event, reproduced by a summary metric or said not to be');

const DATE_FORM = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day of the calendar written YYYY-MM-DD (2020-02-30 is not one). */
export function isDay(text: string): boolean {
  const parts = DATE_FORM.exec(text);
  if (!parts) return false;
  const [y, m, d] = parts.slice(1).map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

export const date = text('a date as YYYY-MM-DD')
  .refine(isDay, {
    error: (issue) =>
      DATE_FORM.test(String(issue.input))
        ? `expected a real day as YYYY-MM-DD, got "${String(issue.input)}"`
        : expecting('a date as YYYY-MM-DD')(issue),
  })
  .describe('history: the day the event began, YYYY-MM-DD');
