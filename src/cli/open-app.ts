import { runCommand } from './commands.js';
import { processIo } from './io.js';

/** The preset `liqloop` opens when none is named. */
export const DEFAULT_PRESET = 'thin-pool';

/**
 * Opens the app. Until the dashboard lands this runs the preset headless and prints its table.
 */
export async function openApp(ref: string | undefined): Promise<number> {
  return runCommand(ref ?? DEFAULT_PRESET, {}, processIo);
}
