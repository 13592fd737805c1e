import type { LoadFailure } from '../presets/load.js';

/** The most problems one message lists; the rest are counted (a million duplicate ids print 51 lines). */
export const MAX_PROBLEMS_SHOWN = 50;

/** Problem lines, indented, at most MAX_PROBLEMS_SHOWN of them, then "… and N more problems". */
export function problemLines(lines: readonly string[]): string {
  const shown = lines.slice(0, MAX_PROBLEMS_SHOWN).map((line) => `  ${line}\n`);
  const rest = lines.length - shown.length;
  if (rest > 0) shown.push(`  … and ${rest.toLocaleString('en-US')} more problem${rest === 1 ? '' : 's'}\n`);
  return shown.join('');
}

/** Every problem of a preset that failed to load (up to MAX_PROBLEMS_SHOWN), one per line, naming the file and the field. */
export function formatLoadFailure(failure: LoadFailure): string {
  const { file, problems } = failure;
  if (failure.unknownName)
    return `liqloop: ${problems[0]!.message}\n(liqloop list shows the presets; a path to a .json file, or - for stdin, works too)\n`;
  if (problems.length === 1 && problems[0]!.path === '') return `liqloop: ${file}: ${problems[0]!.message}\n`;
  const count = problems.length === 1 ? '1 problem' : `${problems.length.toLocaleString('en-US')} problems`;
  const lines = problems.map((p) => `${file}: ${p.path ? `${p.path}: ` : ''}${p.message}`);
  return `liqloop: ${file} is not a valid preset (${count}):\n${problemLines(lines)}`;
}
