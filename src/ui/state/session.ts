import { Timeline, type Scenario } from '../../engine/index.js';
import type { LoadedPreset } from '../../presets/index.js';

/** A preset opened in the dashboard: its rounds are computed as the viewer asks for them. */
export interface Session {
  readonly id: string;
  readonly preset: Scenario;
  readonly timeline: Timeline;
}

export function openSession(loaded: LoadedPreset): Session {
  return { id: loaded.id, preset: loaded.preset, timeline: new Timeline(loaded.preset) };
}
