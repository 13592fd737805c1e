import { useInput, type Key } from 'ink';
import { commandForChar, commandForSpecial, type Command, type SpecialKey } from '../keys.js';

/**
 * The commands one `useInput` call carries. Ink hands a run of fast-typed characters over as one
 * string ('nnn'), so each character is a command of its own; escape sequences come one per call.
 */
export function commandsOf(input: string, key: Key): Command[] {
  const special: SpecialKey | undefined = key.rightArrow
    ? 'rightArrow'
    : key.leftArrow
      ? 'leftArrow'
      : key.home
        ? 'home'
        : key.end
          ? 'end'
          : key.escape
            ? 'escape'
            : key.ctrl && input === 'c'
              ? 'ctrl-c'
              : undefined;
  if (special) {
    const command = commandForSpecial(special);
    return command ? [command] : [];
  }
  if (key.ctrl || key.meta || key.upArrow || key.downArrow || key.return || key.tab) return [];
  const commands: Command[] = [];
  for (const char of input) {
    const command = commandForChar(char);
    if (command) commands.push(command);
  }
  return commands;
}

/** Sends every command typed to `onCommand`, in order. */
export function useCommands(onCommand: (command: Command) => void): void {
  useInput((input, key) => {
    for (const command of commandsOf(input, key)) onCommand(command);
  });
}
