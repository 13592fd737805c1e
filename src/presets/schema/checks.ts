import type { z } from 'zod';
// The one module, not the engine's index: validating a preset need not load the whole engine (start-up).
import { constantProductBaseReserve } from '../../engine/market/constant-product.js';
import { formatNumber } from '../../format.js';
import { closest } from '../problems.js';
import { describeValue, quote } from '../describe.js';
import { parsePath, valueAt } from '../path.js';
import { PERP_METRICS, RECORD_ROLES } from '../record.js';
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
  else if (preset.noPrediction !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['noPrediction'],
      message: 'expected no "noPrediction" on a lesson: it is for a history preset whose record it explains',
    });
  }
  checkVenueNames(preset, ctx);
  checkAttackerTrade(preset, ctx);
  checkUniqueIds(preset.positions, ['positions'], 'positions', ctx);
  preset.positions.forEach((p, i) => {
    const generated = /^g(0|[1-9]\d*)$/.exec(p.id);
    if (generated && preset.generate && Number(generated[1]) < preset.generate.count) {
      ctx.addIssue({
        code: 'custom',
        path: ['positions', i, 'id'],
        message: `expected an id other than the generated ids g0…g${preset.generate.count - 1}, got ${quote(p.id)}`,
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
  checkRoles(preset, ctx);
}

/**
 * A history preset's record says what each figure is to the model: every figure has a role, a fitted one
 * names a numeric parameter of the preset, and at least one figure with a metric is predicted, or
 * `noPrediction` says why none can be.
 */
function checkRoles(preset: PresetOutput, ctx: RefineContext): void {
  const record = preset.record ?? [];
  record.forEach((figure, i) => {
    if (figure.role === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['record', i, 'role'],
        message: `expected a role on each figure of a history preset's record (${RECORD_ROLES.map((r) => `"${r}"`).join(', ')}), got nothing (the field is missing)`,
      });
    }
    if (figure.fittedBy === undefined) return;
    const segments = parsePath(figure.fittedBy);
    const value = segments.ok ? valueAt(preset, segments.value) : undefined;
    if (typeof value !== 'number') {
      ctx.addIssue({
        code: 'custom',
        path: ['record', i, 'fittedBy'],
        message: `expected the path of a number in this preset (e.g. "market.depth2pct"), got ${quote(figure.fittedBy, 80)}${segments.ok ? `, which leads to ${describeValue(value)}` : ''}`,
      });
    }
  });
  const predicts = record.some((f) => f.role === 'predicted' && f.metric !== undefined);
  // Said only of a record otherwise well formed, where it is the one thing left to fix.
  const formed = record.every(
    (f) => f.role !== undefined && (f.metric === undefined) !== (f.unmatched === undefined),
  );
  if (record.length > 0 && formed && !predicts && preset.noPrediction === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['noPrediction'],
      message:
        'expected a figure with role "predicted" and a metric, or "noPrediction" saying plainly why the model predicts none of the event',
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
        message: `expected a venue name not used before, got ${quote(v.name)}`,
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
        `expected one of the venues ${names.map((n) => quote(n)).join(', ')}, got ${quote(name)}` +
        (suggestion ? `; did you mean ${quote(suggestion)}?` : ''),
    });
  };
  if (preset.liquidation.sellOn !== undefined) known(preset.liquidation.sellOn, ['liquidation', 'sellOn']);
  if (preset.attacker?.venue !== undefined) known(preset.attacker.venue, ['attacker', 'venue']);
  (preset.oracle.venues ?? []).forEach((name, i) => known(name, ['oracle', 'venues', i]));
}

/**
 * A buy by the attacker is smaller than a constant-product pool's reserve at p0: a pool cannot sell what it
 * does not hold. (A pool that has shrunk since fills the buy only up to MAX_ATTACK_RISE, README.)
 */
function checkAttackerTrade(preset: PresetOutput, ctx: RefineContext): void {
  const attacker = preset.attacker;
  if (!attacker || attacker.trade <= 0) return;
  const name = attacker.venue ?? preset.market.name ?? 'main';
  const venue =
    name === (preset.market.name ?? 'main') ? preset.market : preset.venues?.find((v) => v.name === name);
  if (!venue || venue.model !== 'constant-product') return;
  const reserve = constantProductBaseReserve(venue.depth2pct, preset.asset.price);
  if (attacker.trade >= reserve) {
    ctx.addIssue({
      code: 'custom',
      path: ['attacker', 'trade'],
      message: `expected a buy smaller than the pool ${quote(name)} holds at the start (${formatNumber(reserve)} ${preset.asset.symbol}), got ${attacker.trade}`,
    });
  }
}
