import { render } from 'ink';
import { describeShadowed, loadPreset, type LoadFailure } from '../presets/index.js';
import { loadCatalogue } from '../presets/shipped-index.js';
import { App } from './App.js';
import { runFullScreen } from './full-screen.js';
import { initialState, type PresetEntry } from './state/reducer.js';
import { openSession } from './state/session.js';
import { themeFor } from './theme.js';

/** What opening the app can fail on before the screen is taken: a preset named on the command line. */
export type OpenResult = { ok: true } | { ok: false; failure: LoadFailure };

/** Opens the full-screen app on the picker, or on `presetRef`'s dashboard. Resolves when the user quits. */
export async function openDashboard(presetRef: string | undefined): Promise<OpenResult> {
  // History first, then lessons, each lesson set's presets side by side, then the user's own.
  const library = await loadCatalogue();
  const entries: PresetEntry[] = [...library.entries];
  const shadowed = library.shadowed[0];
  let initial = initialState(entries, undefined, shadowed ? describeShadowed(shadowed) : undefined);
  if (presetRef !== undefined) {
    const loaded = loadPreset(presetRef);
    if (!loaded.ok) return { ok: false, failure: loaded };
    initial = initialState(entries, openSession(loaded));
  }
  await runFullScreen(() =>
    render(<App initial={initial} loadPreset={loadPreset} theme={themeFor(process.env)} />, {
      exitOnCtrlC: false,
    }),
  );
  return { ok: true };
}
