import type { Scenario, Summary } from '../../engine/index.js';
import type { TippingPoint } from '../../whatif/sweep.js';
import { sweepValues } from '../../whatif/sweep.js';
import { stepParam, typeParam, valueAt, visibleParams, type Change } from '../params.js';
import { sessionOf, type Session } from './session.js';

/** The what-if panel: a draft of the preset, the parameter under the cursor, a value being typed. */
export interface PanelState {
  readonly draft: Scenario;
  readonly selected: number;
  /** Characters typed for the selected parameter, applied with Enter. */
  readonly typing: string;
  /** Why the last change was refused. */
  readonly error?: string;
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
}

export const SWEEP_STEPS = 24;

export type PanelKey =
  { kind: 'up' | 'down' | 'left' | 'right' | 'enter' | 'backspace' } | { kind: 'char'; char: string };

export function openPanel(base: Scenario, previous?: PanelState): PanelState {
  return previous ?? { draft: base, selected: 0, typing: '' };
}

/** A key in the panel. Returns the new panel, or `apply` when Enter (with nothing typed) runs the variant. */
export function panelKey(panel: PanelState, key: PanelKey): { panel: PanelState; apply?: boolean } {
  const params = visibleParams(panel.draft);
  const selected = Math.min(panel.selected, params.length - 1);
  const param = params[selected]!;
  const changed = (change: Change): PanelState =>
    change.ok
      ? { draft: change.preset, selected, typing: '', error: undefined }
      : // The refused text is cleared (the reason quotes it), so the next value is typed afresh.
        { ...panel, selected, typing: '', error: change.reason };
  switch (key.kind) {
    case 'up':
      return {
        panel: {
          ...panel,
          selected: (selected - 1 + params.length) % params.length,
          typing: '',
          error: undefined,
        },
      };
    case 'down':
      return { panel: { ...panel, selected: (selected + 1) % params.length, typing: '', error: undefined } };
    case 'left':
    case 'right':
      return { panel: changed(stepParam(panel.draft, param, key.kind === 'right' ? 1 : -1)) };
    case 'backspace':
      return { panel: { ...panel, typing: panel.typing.slice(0, -1) } };
    case 'char':
      return { panel: { ...panel, typing: panel.typing + key.char, error: undefined } };
    case 'enter':
      if (panel.typing !== '') return { panel: changed(typeParam(panel.draft, param, panel.typing)) };
      return { panel, apply: true };
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
  const presets: Scenario[] = [];
  for (const value of values) {
    const change = stepless(draft, param.path, value);
    if (!change.ok) {
      return { path: param.path, label: param.label, values, done: 0, presets: [], error: change.reason };
    }
    presets.push(change.preset);
  }
  return { path: param.path, label: param.label, values, done: 0, presets };
}

function stepless(draft: Scenario, path: string, value: number): Change {
  const param = visibleParams(draft).find((p) => p.path === path)!;
  return typeParam(draft, param, String(value));
}
