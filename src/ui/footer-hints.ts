/**
 * The footer's key hints for each screen, most important first to stay: when the terminal is narrow the
 * least important go first, and `? help` and quit always stay.
 */
import type { Screen } from './help.js';

/** A hint and its rank: 0 always stays, higher ranks are dropped first. */
export interface Hint {
  readonly text: string;
  readonly rank: number;
}

export interface HintContext {
  readonly screen: Screen | 'help';
  /** A variant runs beside the baseline: keep, drop and write come first. */
  readonly variant?: boolean;
  /** A history preset: its record is a key away. */
  readonly history?: boolean;
  /** The what-if panel: a value is being typed, or Esc asked whether to discard. */
  readonly typing?: boolean;
  readonly confirm?: boolean;
}

const ALWAYS: readonly Hint[] = [
  { text: '? help', rank: 0 },
  { text: 'q quit', rank: 0 },
];

function stepping(ctx: HintContext): Hint[] {
  return [
    ...(ctx.variant
      ? [
          { text: 'k keep', rank: 1 },
          { text: 'x drop', rank: 1 },
          { text: 'w write', rank: 2 },
        ]
      : []),
    { text: 'space/→ next', rank: 1 },
    { text: '← back', rank: 2 },
    { text: 'a auto', rank: 3 },
    { text: 'End end', rank: 3 },
    { text: 'r reset', rank: 5 },
  ];
}

export function footerHints(ctx: HintContext): Hint[] {
  switch (ctx.screen) {
    case 'picker':
      return [{ text: '↑/↓ choose', rank: 1 }, { text: 'Enter open', rank: 1 }, ...ALWAYS];
    case 'help':
      return [{ text: '↑/↓ scroll', rank: 1 }, { text: 'Esc close', rank: 1 }, ...ALWAYS.slice(1)];
    case 'what-if':
      if (ctx.confirm)
        return [
          { text: 'y discard the changes', rank: 0 },
          { text: 'n/Esc keep editing', rank: 0 },
          { text: 'Ctrl-C quit', rank: 0 },
        ];
      return [
        ...(ctx.typing
          ? [
              { text: 'Enter set', rank: 1 },
              { text: 'Esc clear', rank: 1 },
              { text: 'Backspace delete', rank: 4 },
            ]
          : [
              { text: 'Enter run', rank: 1 },
              { text: 'Esc close', rank: 1 },
            ]),
        { text: '↑/↓ lever', rank: 2 },
        { text: '←/→ step', rank: 2 },
        { text: 'type a value', rank: 3 },
        { text: 'Ctrl-S sweep', rank: 4 },
        { text: '? help', rank: 0 },
        // q is typed into the value: Ctrl-C quits here.
        { text: 'Ctrl-C quit', rank: 0 },
      ];
    case 'sweep':
      return [
        { text: 'Esc close sweep', rank: 1 },
        { text: 'e what-if', rank: 2 },
        ...stepping(ctx),
        ...ALWAYS,
      ];
    case 'record':
      return [
        { text: 'h close record', rank: 1 },
        ...stepping(ctx),
        { text: 'Esc presets', rank: 4 },
        ...ALWAYS,
      ];
    case 'dashboard':
      return [
        ...stepping(ctx),
        { text: 'e what-if', rank: 1 },
        { text: 's sweep', rank: 4 },
        ...(ctx.history ? [{ text: 'h record', rank: 2 }] : []),
        { text: 'Esc presets', rank: 4 },
        ...ALWAYS,
      ];
  }
}

const GAP = '  ';

/** The hints that fit in `width` columns, in their order, dropping the highest ranks (last first). */
export function fitHints(hints: readonly Hint[], width: number): string {
  const kept = [...hints];
  const length = () => kept.reduce((n, h) => n + [...h.text].length, 0) + GAP.length * (kept.length - 1);
  while (length() > width) {
    const worst = Math.max(...kept.map((h) => h.rank));
    if (worst === 0) break;
    kept.splice(kept.map((h) => h.rank).lastIndexOf(worst), 1);
  }
  return kept.map((h) => h.text).join(GAP);
}
