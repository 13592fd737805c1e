import type { z } from 'zod';
import { closest } from '../problems.js';
import { PERP_METRICS } from '../record.js';
import { checkUniqueIds, type RefineContext } from './common.js';
import { isDay } from './record.js';
import type { presetBase } from './preset.js';

type PresetOutput = z.output<typeof presetBase>;

/** The checks that span fields: a preset's kind, its record, its venues and its ids. */
export function checkPreset(preset: PresetOutput, ctx: RefineContext): void {
  const perpsGenerated = (preset.perps?.generate?.longs ?? 0) + (preset.perps?.generate?.shorts ?? 0);
  const total =
    preset.positions.length +
    (preset.generate?.count ?? 0) +
    (preset.perps?.positions.length ?? 0) +
    perpsGenerated;
  if (total < 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['positions'],
      message: 'expected at least one position: give "positions", "generate" or "perps"',
    });
  }
  if (preset.date !== undefined && isDay(preset.date) && preset.kind !== 'history') {
    ctx.addIssue({
      code: 'custom',
      path: ['date'],
      message: 'expected no date on a lesson: a date is for a history preset',
    });
  }

  (preset.record ?? []).forEach((figure, i) => {
    const needs = figure.metric === undefined ? undefined : metricNeeds(figure.metric);
    if (needs && !needs.has(preset)) {
      ctx.addIssue({
        code: 'custom',
        path: ['record', i, 'metric'],
        message: `expected a metric this preset can give: "${figure.metric}" needs ${needs.what}`,
      });
    }
  });
  if (preset.kind === 'history') checkHistory(preset, ctx);
  checkVenueNames(preset, ctx);
  checkUniqueIds(preset.positions, ['positions'], 'positions', ctx);
  preset.positions.forEach((p, i) => {
    const generated = /^g(0|[1-9]\d*)$/.exec(p.id);
    if (generated && preset.generate && Number(generated[1]) < preset.generate.count) {
      ctx.addIssue({
        code: 'custom',
        path: ['positions', i, 'id'],
        message: `expected an id other than the generated ids g0…g${preset.generate.count - 1}, got ${JSON.stringify(p.id)}`,
      });
    }
  });
}

/** A history preset names its sources, its date and the figures it reproduces. */
function checkHistory(preset: PresetOutput, ctx: RefineContext): void {
  if (!preset.sources?.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['sources'],
      message: 'expected the sources a history preset is calibrated to',
    });
  }
  if (preset.date === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['date'],
      message: 'expected the date the history began, as YYYY-MM-DD',
    });
  }
  if (!preset.record?.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['record'],
      message: 'expected the recorded figures a history preset reproduces (or says it does not)',
    });
  }
}

/** What a record metric needs of a preset to be computed at all: an attacker, or perpetuals. */
function metricNeeds(metric: string): { what: string; has: (preset: PresetOutput) => boolean } | undefined {
  if (metric.startsWith('attack.')) return { what: 'an "attacker"', has: (p) => p.attacker !== undefined };
  if ((PERP_METRICS as readonly string[]).includes(metric))
    return { what: '"perps"', has: (p) => p.perps !== undefined };
  return undefined;
}

/** Venue names are unique, and every name a preset refers to is one of them. */
function checkVenueNames(preset: PresetOutput, ctx: RefineContext): void {
  const names = [preset.market.name ?? 'main', ...(preset.venues ?? []).map((v) => v.name)];
  (preset.venues ?? []).forEach((v, i) => {
    if (names.indexOf(v.name) !== i + 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['venues', i, 'name'],
        message: `expected a venue name not used before, got ${JSON.stringify(v.name)}`,
      });
    }
  });
  const known = (name: string, path: (string | number)[]) => {
    if (names.includes(name)) return;
    const suggestion = closest(name, names);
    ctx.addIssue({
      code: 'custom',
      path,
      message:
        `expected one of the venues ${names.map((n) => JSON.stringify(n)).join(', ')}, got ${JSON.stringify(name)}` +
        (suggestion ? `; did you mean ${JSON.stringify(suggestion)}?` : ''),
    });
  };
  if (preset.liquidation.sellOn !== undefined) known(preset.liquidation.sellOn, ['liquidation', 'sellOn']);
  if (preset.attacker?.venue !== undefined) known(preset.attacker.venue, ['attacker', 'venue']);
  (preset.oracle.venues ?? []).forEach((name, i) => known(name, ['oracle', 'venues', i]));
}
