import { Timeline, type Scenario } from '../../engine/index.js';
import type { LoadedPreset } from '../../presets/index.js';

/** A preset opened in the dashboard: its rounds are computed as the viewer asks for them. */
export interface Session {
  readonly id: string;
  readonly preset: Scenario;
  readonly timeline: Timeline;
}

export function openSession(loaded: LoadedPreset): Session {
  return sessionOf(loaded.id, loaded.preset);
}

export function sessionOf(id: string, preset: Scenario): Session {
  return { id, preset, timeline: new Timeline(preset) };
}
