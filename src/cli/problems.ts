import type { LoadFailure } from '../presets/load.js';

/** Every problem of a preset that failed to load, one per line, naming the file and the field. */
export function formatLoadFailure(failure: LoadFailure): string {
  const { file, problems } = failure;
  if (failure.unknownName)
    return `liqloop: ${problems[0]!.message}\n(liqloop list shows the presets; a path to a .json file, or - for stdin, works too)\n`;
  if (problems.length === 1 && problems[0]!.path === '') return `liqloop: ${file}: ${problems[0]!.message}\n`;
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const lines = problems.map((p) => `  ${file}: ${p.path ? `${p.path}: ` : ''}${p.message}`);
  return `liqloop: ${file} is not a valid preset (${count}):\n${lines.join('\n')}\n`;
}
