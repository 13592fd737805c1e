import { formatCount } from '../format.js';
import { presetCounts, type PresetCounts } from '../presets/counts.js';
import { shippedCounts } from '../presets/shipped-index.js';
import { EXIT_BAD_INPUT, EXIT_OK, type CliIo } from './io.js';
import { formatLoadFailure } from './problems.js';

/** `liqloop validate <preset>`: every problem of a preset (a name, a file, `-`), or a line saying it is valid. */
export async function validateCommand(ref: string, io: CliIo): Promise<number> {
  // A shipped preset, unchanged since the build checked it: the build's verdict, without the validator.
  const shipped = shippedCounts(ref);
  if (shipped) {
    io.out(validLine(ref, shipped));
    return EXIT_OK;
  }
  // The loader itself, not the presets' index: validating loads neither the engine nor the other commands.
  const { STDIN_FILE, loadPreset } = await import('../presets/load.js');
  const loaded = loadPreset(ref);
  if (!loaded.ok) {
    io.err(formatLoadFailure(loaded));
    return EXIT_BAD_INPUT;
  }
  io.out(validLine(loaded.file === STDIN_FILE ? STDIN_FILE : ref, presetCounts(loaded.preset)));
  return EXIT_OK;
}

function validLine(shown: string, { name, positions, perpetuals }: PresetCounts): string {
  const count = (n: number, what: string) => `${formatCount(n)} ${n === 1 ? what.slice(0, -1) : what}`;
  const parts = [
    ...(positions > 0 || perpetuals === 0 ? [count(positions, 'positions')] : []),
    ...(perpetuals > 0 ? [count(perpetuals, 'perpetuals')] : []),
  ];
  return `${shown}: valid preset "${name}" (${parts.join(', ')})\n`;
}
