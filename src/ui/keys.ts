/** Key bindings as data: components ask "is this the step command", never "is this the letter n". */

export type Command =
  'step' | 'back' | 'autoplay' | 'faster' | 'slower' | 'reset' | 'first' | 'end' | 'help' | 'escape' | 'quit';

/** The special keys Ink reports as flags. */
export type SpecialKey = 'rightArrow' | 'leftArrow' | 'home' | 'end' | 'escape' | 'ctrl-c';

export interface Binding {
  readonly command: Command;
  readonly chars?: readonly string[];
  readonly special?: readonly SpecialKey[];
  /** How the key is written in the footer and the help overlay. */
  readonly label: string;
  readonly description: string;
  /** The footer's short form; bindings without one are listed only in the help overlay. */
  readonly footer?: string;
}

export const BINDINGS: readonly Binding[] = [
  {
    command: 'step',
    chars: [' ', 'n'],
    special: ['rightArrow'],
    label: 'space/→/n',
    description: 'next round',
    footer: 'space/→ next',
  },
  {
    command: 'back',
    chars: ['b'],
    special: ['leftArrow'],
    label: '←/b',
    description: 'previous round (exact)',
    footer: '← back',
  },
  { command: 'autoplay', chars: ['a'], label: 'a', description: 'autoplay on/off', footer: 'a auto' },
  { command: 'faster', chars: ['+', '='], label: '+', description: 'autoplay faster' },
  { command: 'slower', chars: ['-', '_'], label: '-', description: 'autoplay slower' },
  { command: 'reset', chars: ['r'], label: 'r', description: 'reset to round 0', footer: 'r reset' },
  {
    command: 'first',
    chars: ['g'],
    special: ['home'],
    label: 'Home/g',
    description: 'go to the first round',
  },
  {
    command: 'end',
    chars: ['G'],
    special: ['end'],
    label: 'End/G',
    description: 'run to convergence',
    footer: 'End end',
  },
  { command: 'help', chars: ['?'], label: '?', description: 'help: every key', footer: '? help' },
  {
    command: 'escape',
    special: ['escape'],
    label: 'Esc',
    description: 'close an overlay, or back to the picker',
    footer: 'Esc presets',
  },
  { command: 'quit', chars: ['q'], special: ['ctrl-c'], label: 'q', description: 'quit', footer: 'q quit' },
];

/** The command a typed character means, if any. */
export function commandForChar(char: string): Command | undefined {
  return BINDINGS.find((b) => b.chars?.includes(char))?.command;
}

/** The command a special key means, if any. */
export function commandForSpecial(key: SpecialKey): Command | undefined {
  return BINDINGS.find((b) => b.special?.includes(key))?.command;
}
