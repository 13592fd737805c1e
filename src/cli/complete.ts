import type { Command, Option } from 'commander';
import { fieldPaths, knownPresetIds as presetIds } from '../presets/index.js';
import { EXIT_OK, type CliIo } from './io.js';

/**
 * `liqloop __complete WORD… CURRENT`: what the shell scripts of `liqloop completion` ask for on Tab. The
 * words are the command line after `liqloop` up to the cursor, the last one being the word under it (empty
 * at a space). The answer is one candidate a line; a line `:files` asks the shell to offer file names too;
 * a candidate ending in `=` (a `--set` path) wants no space after it.
 */
export { COMPLETE_COMMAND } from './completion.js';
export const FILES = ':files';

const takesValue = (o: Option) => o.required || o.optional;

function optionValues(option: Option, current: string): string[] {
  if (option.long === '--set') return current.includes('=') ? [] : fieldPaths().map((p) => `${p}=`);
  if (option.long === '--param') return fieldPaths();
  if (option.long === '--out') return [FILES];
  return [];
}

/** The candidates for the word under the cursor, before filtering by what it starts with. */
function candidates(program: Command, words: readonly string[]): string[] {
  const current = words.at(-1) ?? '';
  const before = words.slice(0, -1);
  const commands = program
    .createHelp()
    .visibleCommands(program)
    .map((c) => c.name());
  if (before[0] === 'help') return before.length === 1 ? commands.filter((n) => n !== 'help') : [];
  const sub = program.commands.find((c) => c.name() === before[0]);
  const command = sub ?? program;
  const rest = sub ? before.slice(1) : before;
  const options = command.createHelp().visibleOptions(command);
  const optionNamed = (word: string) => options.find((o) => o.long === word || o.short === word);
  const previous = rest.at(-1);
  const valueOf = previous === undefined ? undefined : optionNamed(previous);
  if (valueOf && takesValue(valueOf)) return optionValues(valueOf, current);
  if (current.startsWith('-'))
    return options.flatMap((o) => [o.long, o.short]).filter((f): f is string => f !== undefined);
  let positionals = 0;
  for (let i = 0; i < rest.length; i++) {
    const option = optionNamed(rest[i]!);
    if (option) i += takesValue(option) ? 1 : 0;
    else if (!rest[i]!.startsWith('-')) positionals++;
  }
  if (positionals > 0) return [];
  if (!sub) return [...commands, ...presetIds(), FILES];
  if (sub.name() === 'completion') return ['bash', 'zsh', 'fish'];
  return sub.registeredArguments.some((a) => a.name() === 'preset') ? [...presetIds(), FILES] : [];
}

export function completeCommand(program: Command, words: readonly string[], io: CliIo): number {
  const current = words.at(-1) ?? '';
  const found = candidates(program, words.length ? words : ['']).filter(
    (c) => c === FILES || c.startsWith(current),
  );
  io.out(found.map((c) => `${c}\n`).join(''));
  return EXIT_OK;
}
