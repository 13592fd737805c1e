import { useInput, type Key } from 'ink';
import { commandForKey, type Command } from '../keys.js';

/** One key as the app sees it. */
export type KeyEvent =
  { readonly kind: 'special'; readonly name: SpecialName } | { readonly kind: 'char'; readonly char: string };

export type SpecialName =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'home'
  | 'end'
  | 'pageup'
  | 'pagedown'
  | 'tab'
  | 'escape'
  | 'enter'
  | 'backspace'
  | 'ctrl-c'
  | 'ctrl-s';

/**
 * The keys one `useInput` call carries. Ink hands a run of fast-typed characters over as one string
 * ('nnn', or 'n\r'), so each character is a key of its own; escape sequences come one per call.
 */
export function keyEvents(input: string, key: Key): KeyEvent[] {
  const special = (name: SpecialName): KeyEvent[] => [{ kind: 'special', name }];
  if (key.upArrow) return special('up');
  if (key.downArrow) return special('down');
  if (key.leftArrow) return special('left');
  if (key.rightArrow) return special('right');
  if (key.home) return special('home');
  if (key.end) return special('end');
  if (key.pageUp) return special('pageup');
  if (key.pageDown) return special('pagedown');
  // Shift-Tab too: focus has two places to go, so either direction reaches the other.
  if (key.tab) return special('tab');
  if (key.escape) return special('escape');
  if (key.return) return special('enter');
  if (key.backspace || key.delete) return special('backspace');
  if (key.ctrl) return input === 'c' ? special('ctrl-c') : input === 's' ? special('ctrl-s') : [];
  if (key.meta) return [];
  const events: KeyEvent[] = [];
  for (const char of input) {
    if (char === '\r' || char === '\n') events.push({ kind: 'special', name: 'enter' });
    else if (char === '\x7f' || char === '\b') events.push({ kind: 'special', name: 'backspace' });
    else if (char === '\x03') events.push({ kind: 'special', name: 'ctrl-c' });
    else if (char === '\t') events.push({ kind: 'special', name: 'tab' });
    else if (char >= ' ') events.push({ kind: 'char', char });
  }
  return events;
}

/** Sends every key typed to `onKey`, in order; the reducer decides what each means in the current state. */
export function useKeys(onKey: (key: KeyEvent) => void): void {
  useInput((input, key) => {
    for (const event of keyEvents(input, key)) onKey(event);
  });
}

/** The dashboard commands one `useInput` call carries (keys with no binding are dropped). */
export function commandsOf(input: string, key: Key): Command[] {
  return keyEvents(input, key).flatMap((event) => {
    const command = commandForKey(event);
    return command ? [command] : [];
  });
}
