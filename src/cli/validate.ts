import { formatCount } from '../format.js';
// The loader itself, not the presets' index: validating loads neither the engine nor the other commands.
import { STDIN_FILE, loadPreset } from '../presets/load.js';
import { EXIT_BAD_INPUT, EXIT_OK, type CliIo } from './io.js';
import { formatLoadFailure } from './problems.js';

/** `liqloop validate <preset>`: every problem of a preset (a name, a file, `-`), or a line saying it is valid. */
export function validateCommand(ref: string, io: CliIo): number {
  const loaded = loadPreset(ref);
  if (!loaded.ok) {
    io.err(formatLoadFailure(loaded));
    return EXIT_BAD_INPUT;
  }
  const p = loaded.preset;
  const loans = p.positions.length + (p.generate?.count ?? 0);
  const perps =
    (p.perps?.positions.length ?? 0) +
    (p.perps?.generate ? p.perps.generate.longs + p.perps.generate.shorts : 0);
  const count = (n: number, what: string) => `${formatCount(n)} ${n === 1 ? what.slice(0, -1) : what}`;
  const parts = [
    ...(loans > 0 || perps === 0 ? [count(loans, 'positions')] : []),
    ...(perps > 0 ? [count(perps, 'perpetuals')] : []),
  ];
  io.out(
    `${loaded.file === STDIN_FILE ? STDIN_FILE : ref}: valid preset "${p.name}" (${parts.join(', ')})\n`,
  );
  return EXIT_OK;
}
