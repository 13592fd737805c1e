/** Changing a preset through a lever: a step, a typed value, a choice, each validated like a file. */
import type { Scenario } from '../engine/index.js';
import { applyOverrides, makeOverride, type Preset } from '../presets/index.js';
import { valueAt, type Param } from './param-lever.js';
import { pct } from './param-steps.js';

export type Change = { ok: true; preset: Preset } | { ok: false; reason: string };

/** Sets fields of a preset and validates the result like a file; the reason names what is wrong. */
export function setValues(preset: Scenario, values: readonly (readonly [string, unknown])[]): Change {
  const overrides = [];
  for (const [path, value] of values) {
    const made = makeOverride(path, value, 'panel');
    if (!made.ok) return { ok: false, reason: made.message };
    overrides.push(made.value);
  }
  const result = applyOverrides(preset, overrides);
  if (result.ok) return result;
  const first = result.problems[0]!;
  return { ok: false, reason: `${first.path}: ${first.message}` };
}

/** One step of a parameter up or down (a choice cycles; a toggle flips). */
export function stepParam(preset: Scenario, param: Param, dir: 1 | -1): Change {
  const current = valueAt(preset, param.path);
  if (param.kind === 'toggle') return setValues(preset, [[param.path, !current]]);
  if (param.kind === 'choice') {
    const choices = param.choicesFor?.(preset) ?? param.choices!;
    const now = param.read ? param.read(preset) : String(current);
    const at = choices.indexOf(now);
    // A value that is none of the choices (an oracle reading two of three venues): → the first, ← the last.
    const next =
      at < 0
        ? choices[dir > 0 ? 0 : choices.length - 1]!
        : choices[(at + dir + choices.length) % choices.length]!;
    return choose(preset, param, next);
  }
  const next = param.step!(typeof current === 'number' ? current : undefined, dir);
  return setNumber(preset, param, next);
}

/** Sets a number lever; one inside an optional object clears the object when off, and fills it when on. */
function setNumber(preset: Scenario, param: Param, value: number | undefined): Change {
  const within = param.within;
  if (!within) return setValues(preset, [[param.path, value]]);
  if (value === undefined) return setValues(preset, [[within.path, undefined]]);
  const on = valueAt(preset, within.path) === undefined ? within.on : [];
  return setValues(preset, [[param.path, value], ...on]);
}

/** A typed value: a number (`0.25`, `1e6`, `25%`), or a choice's name. */
export function typeParam(preset: Scenario, param: Param, typed: string): Change {
  const t = typed.trim();
  if (param.kind === 'choice') {
    const choices = param.choicesFor?.(preset) ?? param.choices!;
    const choice = choices.find((c) => c === t);
    if (!choice) {
      return {
        ok: false,
        reason: `${param.path}: expected one of ${choices.join(', ')}, got ${JSON.stringify(t)}`,
      };
    }
    return choose(preset, param, choice);
  }
  if (param.kind === 'toggle') {
    if (!['yes', 'no', 'true', 'false'].includes(t)) {
      return { ok: false, reason: `${param.path}: expected yes or no, got ${JSON.stringify(t)}` };
    }
    return setValues(preset, [[param.path, t === 'yes' || t === 'true']]);
  }
  if (t === 'off' || t === '') return setNumber(preset, param, undefined);
  const percent = t.endsWith('%');
  // A percent is a share: typed on an amount (a depth, a capital) it would silently mean a hundredth of it.
  if (percent && param.format !== pct) {
    return {
      ok: false,
      reason: `${param.path}: expected an amount, not a percent, got ${JSON.stringify(t)}`,
    };
  }
  const body = (percent ? t.slice(0, -1) : t).trim();
  // Number('') is 0: a lone `%` (or `25 %` typed as `%` after a refusal) must not become a value of 0.
  const value = body === '' ? NaN : Number(body);
  if (!Number.isFinite(value)) {
    return { ok: false, reason: `${param.path}: expected a number, got ${JSON.stringify(t)}` };
  }
  return setNumber(preset, param, percent ? value / 100 : value);
}

/** Makes a choice, with the fields it brings (and, for a rebuilt parent, without the ones it drops). */
function choose(preset: Scenario, param: Param, choice: string): Change {
  if (param.rebuild) return setValues(preset, param.rebuild(preset, choice));
  return setValues(preset, [[param.path, choice], ...(param.companions?.(choice) ?? [])]);
}
