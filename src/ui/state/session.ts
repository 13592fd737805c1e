import { Timeline, type Scenario } from '../../engine/index.js';
import type { LoadedPreset } from '../../presets/index.js';
import { terminalStrings, terminalText } from '../../presets/describe.js';

/** A preset opened in the dashboard: its rounds are computed as the viewer asks for them. */
export interface Session {
  readonly id: string;
  readonly preset: Scenario;
  readonly timeline: Timeline;
  /** The preset as opened, once a variant has been kept as the baseline (`k`): the title counts from it. */
  readonly origin?: Scenario;
}

/**
 * A preset from a file, opened: its text (names, ids, venues, the record) passed through terminalText, a
 * second guard behind the schema, so that the dashboard never prints a control character from a file.
 */
export function openSession(loaded: LoadedPreset): Session {
  return sessionOf(terminalText(loaded.id), terminalStrings(loaded.preset));
}

export function sessionOf(id: string, preset: Scenario): Session {
  return { id, preset, timeline: new Timeline(preset) };
}
