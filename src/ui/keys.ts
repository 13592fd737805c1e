/** Key bindings as data: components ask "is this the step command", never "is this the letter n". */
import type { KeyEvent } from './hooks/useKeys.js';

export type Command =
  | 'step'
  | 'back'
  | 'autoplay'
  | 'faster'
  | 'slower'
  | 'reset'
  | 'first'
  | 'end'
  | 'help'
  | 'record'
  | 'escape'
  | 'quit'
  | 'edit'
  | 'sweep'
  | 'keep'
  | 'drop'
  | 'write'
  | 'log'
  | 'zoom';

/** The special keys bound to commands. */
export type SpecialKey = 'right' | 'left' | 'home' | 'end' | 'escape' | 'ctrl-c' | 'ctrl-s';

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
    special: ['right'],
    label: 'space/→/n',
    description: 'next round',
    footer: 'space/→ next',
  },
  {
    command: 'back',
    chars: ['b'],
    special: ['left'],
    label: '←/b',
    description: 'previous round (exact)',
    footer: '← back',
  },
  { command: 'autoplay', chars: ['a'], label: 'a', description: 'autoplay on/off', footer: 'a auto' },
  { command: 'faster', chars: ['+', '='], label: '+/=', description: 'autoplay faster' },
  { command: 'slower', chars: ['-', '_'], label: '-/_', description: 'autoplay slower' },
  { command: 'reset', chars: ['r'], label: 'r', description: 'reset to round 0', footer: 'r reset' },
  {
    command: 'first',
    chars: ['g'],
    special: ['home'],
    label: 'Home/g',
    description: 'go to round 0, before the shock',
  },
  {
    command: 'end',
    chars: ['G'],
    special: ['end'],
    label: 'End/G',
    description: 'run to convergence',
    footer: 'End end',
  },
  {
    command: 'edit',
    chars: ['e'],
    label: 'e',
    description: 'what-if panel: change a lever, Enter runs a variant',
    footer: 'e what-if',
  },
  {
    command: 'sweep',
    chars: ['s'],
    label: 's',
    description:
      'sweep the shock (Ctrl-S in the what-if panel: its lever): amplification and bad debt, tipping point',
    footer: 's sweep',
  },
  {
    command: 'keep',
    chars: ['k'],
    label: 'k',
    description: 'keep the variant as the new baseline',
    footer: 'k keep',
  },
  { command: 'drop', chars: ['x'], label: 'x', description: 'drop the variant', footer: 'x drop' },
  {
    command: 'write',
    chars: ['w'],
    label: 'w',
    description: 'write the variant to a new preset file (never overwrites)',
    footer: 'w write',
  },
  { command: 'log', chars: ['l'], label: 'l', description: 'chart: logarithmic price scale on/off' },
  {
    command: 'zoom',
    chars: ['z'],
    label: 'z',
    description: 'chart: the whole run, or follow the last 50 or 20 rounds',
  },
  {
    command: 'record',
    chars: ['h'],
    label: 'h',
    description: 'history presets: the record beside the model, in place of the log',
    footer: 'h record',
  },
  { command: 'help', chars: ['?'], label: '?', description: 'help: every key', footer: '? help' },
  {
    command: 'escape',
    special: ['escape'],
    label: 'Esc',
    description: 'close an overlay, or back to the picker',
    footer: 'Esc presets',
  },
  {
    command: 'quit',
    chars: ['q'],
    special: ['ctrl-c'],
    label: 'q/Ctrl-C',
    description: 'quit (Ctrl-C also in the what-if panel, where q is typed)',
    footer: 'q quit',
  },
];

/** The footer's short form of `command` ("space/→ next"). */
export function footerOf(command: Command): string {
  const footer = BINDINGS.find((b) => b.command === command)?.footer;
  if (footer === undefined) throw new Error(`no footer for ${command}`);
  return footer;
}

/** The command a typed character means, if any. */
export function commandForChar(char: string): Command | undefined {
  return BINDINGS.find((b) => b.chars?.includes(char))?.command;
}

/** The command a special key means, if any. */
export function commandForSpecial(key: SpecialKey): Command | undefined {
  return BINDINGS.find((b) => b.special?.includes(key))?.command;
}

/** The command a key means on the dashboard, if any. */
export function commandForKey(key: KeyEvent): Command | undefined {
  if (key.kind === 'char') return commandForChar(key.char);
  return key.name === 'right' ||
    key.name === 'left' ||
    key.name === 'home' ||
    key.name === 'end' ||
    key.name === 'escape' ||
    key.name === 'ctrl-c'
    ? commandForSpecial(key.name)
    : undefined;
}
