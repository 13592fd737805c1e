import type { Scenario, Summary } from '../../engine/index.js';
import type { TippingPoint } from '../../whatif/sweep.js';
import { sweepValues } from '../../whatif/sweep.js';
import {
  changedParams,
  hasLending,
  stepParam,
  typeParam,
  valueAt,
  visibleParams,
  type Change,
} from '../params.js';
import type { SweepOf } from '../helpers/sweep-figures.js';
import { sessionOf, type Session } from './session.js';

/**
 * The what-if panel, a modal form: a draft of the preset, the parameter under the cursor, a value being
 * typed. Every character typed goes to the value (q included); Esc clears it, then asks before it
 * discards the draft's changes.
 */
export interface PanelState {
  /** The preset the panel opened on: the draft's changes are counted from it. */
  readonly base: Scenario;
  readonly draft: Scenario;
  readonly selected: number;
  /** Characters typed for the selected parameter, applied with Enter. */
  readonly typing: string;
  /** The typed text was refused and is selected: the next character replaces it, Backspace clears it. */
  readonly refused?: boolean;
  /** Why the last change was refused. */
  readonly error?: string;
  /** Esc asked whether to discard this many changed levers (y discards, n or Esc keeps editing). */
  readonly confirm?: number;
}

/** A sweep of one parameter: its values, how many runs are done, and the results once all are. */
export interface SweepState {
  readonly path: string;
  readonly label: string;
  readonly values: readonly number[];
  readonly done: number;
  readonly summaries?: readonly Summary[];
  readonly tipping?: TippingPoint | null;
  readonly error?: string;
  /** The presets to run, one per value, built and validated when the sweep starts. */
  readonly presets: readonly Scenario[];
  /** What the outcomes are counted in and which act on the preset (a lending book, perpetuals). */
  readonly of: SweepOf;
}

export const SWEEP_STEPS = 24;

export type PanelKey =
  | { kind: 'up' | 'down' | 'left' | 'right' | 'enter' | 'backspace' | 'escape' }
  | { kind: 'char'; char: string };

export function openPanel(base: Scenario): PanelState {
  return { base, draft: base, selected: 0, typing: '' };
}

/** The levers whose value the draft has changed, not yet run. */
export const unapplied = (panel: PanelState) => changedParams(panel.base, panel.draft);

/**
 * A key in the panel. Returns the new panel; `apply` when Enter (with nothing typed) runs the variant;
 * `close` when Esc closes it (nothing to discard, or the discard confirmed with y).
 */
export function panelKey(
  panel: PanelState,
  key: PanelKey,
): { panel: PanelState; apply?: boolean; close?: boolean } {
  if (panel.confirm !== undefined) {
    if (key.kind === 'char' && (key.char === 'y' || key.char === 'Y')) return { panel, close: true };
    if (key.kind === 'escape' || (key.kind === 'char' && (key.char === 'n' || key.char === 'N')))
      return { panel: { ...panel, confirm: undefined } };
    return { panel };
  }
  const params = visibleParams(panel.draft);
  const selected = Math.min(panel.selected, params.length - 1);
  const param = params[selected]!;
  const changed = (change: Change, from = panel): PanelState =>
    change.ok
      ? { ...from, draft: change.preset, selected, typing: '', refused: undefined, error: undefined }
      : // Typed text refused stays, selected: the reason says what is wrong, the next key replaces it.
        { ...from, selected, refused: from.typing !== '', error: change.reason };
  switch (key.kind) {
    case 'up':
    case 'down': {
      // A value typed and not yet set is set on the way out, as Enter would. Refused, it stays on its field,
      // shown with the reason, rather than be lost; ↑/↓ again leaves it (and the refused text) behind.
      const typed = panel.typing !== '' && !panel.refused;
      const left = typed ? changed(typeParam(panel.draft, param, panel.typing)) : panel;
      if (typed && left.refused) return { panel: left };
      const shown = visibleParams(left.draft);
      const from = shown.findIndex((p) => p.path === param.path);
      const at = from < 0 ? Math.min(selected, shown.length - 1) : from;
      const next = (at + (key.kind === 'down' ? 1 : -1) + shown.length) % shown.length;
      return { panel: { ...left, selected: next, typing: '', refused: undefined, error: undefined } };
    }
    case 'left':
    case 'right':
      return {
        panel: changed(stepParam(panel.draft, param, key.kind === 'right' ? 1 : -1), {
          ...panel,
          typing: '',
          refused: undefined,
        }),
      };
    case 'backspace':
      return {
        panel: { ...panel, typing: panel.refused ? '' : panel.typing.slice(0, -1), refused: undefined },
      };
    case 'char':
      return {
        panel: {
          ...panel,
          typing: (panel.refused ? '' : panel.typing) + key.char,
          refused: undefined,
          error: undefined,
        },
      };
    case 'enter':
      if (panel.typing !== '') return { panel: changed(typeParam(panel.draft, param, panel.typing)) };
      return { panel, apply: true };
    case 'escape': {
      if (panel.typing !== '' || panel.error !== undefined)
        return { panel: { ...panel, typing: '', refused: undefined, error: undefined } };
      const edits = unapplied(panel).length;
      return edits === 0 ? { panel, close: true } : { panel: { ...panel, confirm: edits } };
    }
  }
}

/** The variant a panel's draft runs as. */
export function variantOf(base: Session, draft: Scenario): Session {
  return sessionOf(`${base.id}-variant`, draft);
}

/** Starts a sweep of the panel's selected parameter (or the shock) around the draft. */
export function startSweep(draft: Scenario, selected: number): SweepState {
  const numeric = visibleParams(draft).filter((p) => p.kind === 'number' && p.sweep);
  const chosen = visibleParams(draft)[selected];
  const param = chosen && chosen.kind === 'number' && chosen.sweep ? chosen : numeric[0]!;
  const current = valueAt(draft, param.path);
  const [from, to] = param.sweep!(typeof current === 'number' ? current : undefined);
  const integer = param.path === 'oracle.window' || param.path === 'oracle.delay';
  const values = sweepValues(from, to, SWEEP_STEPS).map((v) => (integer ? Math.round(v) : v));
  const of = {
    quote: draft.asset.quote,
    symbol: draft.asset.symbol,
    lending: hasLending(draft),
    perps: draft.perps !== undefined,
  };
  const presets: Scenario[] = [];
  for (const value of values) {
    const change = stepless(draft, param.path, value);
    if (!change.ok) {
      return { path: param.path, label: param.label, values, done: 0, presets: [], of, error: change.reason };
    }
    presets.push(change.preset);
  }
  return { path: param.path, label: param.label, values, done: 0, presets, of };
}

function stepless(draft: Scenario, path: string, value: number): Change {
  const param = visibleParams(draft).find((p) => p.path === path)!;
  return typeParam(draft, param, String(value));
}
