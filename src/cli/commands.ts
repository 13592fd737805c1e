import { runCascade } from '../engine/index.js';
import { loadLibrary, loadPreset, loadPresetFile } from '../presets/index.js';
import { EXIT_BAD_INPUT, EXIT_OK, type CliIo } from './io.js';
import { formatLoadFailure } from './problems.js';
import { runJson } from './run-json.js';
import { runText } from './run-text.js';

export interface RunOptions {
  readonly json?: boolean;
  readonly rounds?: number;
}

/** `liqloop run <preset>`: runs the cascade headless and prints the table or the JSON object. */
export function runCommand(ref: string, options: RunOptions, io: CliIo): number {
  const loaded = loadPreset(ref);
  if (!loaded.ok) {
    io.err(formatLoadFailure(loaded));
    return EXIT_BAD_INPUT;
  }
  const run = runCascade(loaded.preset, { maxRounds: options.rounds });
  io.out(options.json ? `${JSON.stringify(runJson(run), null, 2)}\n` : runText(run));
  return EXIT_OK;
}

/** `liqloop list`: the shipped presets. */
export function listCommand(options: { json?: boolean }, io: CliIo): number {
  const library = loadLibrary();
  const broken = library.filter((l) => !l.ok);
  for (const failure of broken) if (!failure.ok) io.err(formatLoadFailure(failure));
  const presets = library.flatMap((l) =>
    l.ok ? [{ id: l.id, name: l.preset.name, description: l.preset.description }] : [],
  );
  if (options.json) io.out(`${JSON.stringify(presets, null, 2)}\n`);
  else {
    const width = Math.max(0, ...presets.map((p) => p.id.length));
    for (const p of presets)
      io.out(`${p.id.padEnd(width)}  ${p.name}\n${' '.repeat(width + 2)}${p.description}\n\n`);
  }
  return broken.length ? EXIT_BAD_INPUT : EXIT_OK;
}

/** `liqloop validate <file>`: every problem of a preset file, or a line saying it is valid. */
export function validateCommand(file: string, io: CliIo): number {
  const loaded = loadPresetFile(file);
  if (!loaded.ok) {
    io.err(formatLoadFailure(loaded));
    return EXIT_BAD_INPUT;
  }
  const p = loaded.preset;
  const positions = p.positions.length + (p.generate?.count ?? 0);
  io.out(`${file}: valid preset "${p.name}" (${positions.toLocaleString('en-US')} positions)\n`);
  return EXIT_OK;
}
