/**
 * The footer's key hints for each screen, most important first to stay: when the terminal is narrow the
 * least important go first, and `? help` and quit always stay.
 */
import type { Screen } from './help.js';
import { footerOf, type Command } from './keys.js';

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
  /** The picker: a filter is being typed after `/` (q is typed into it: Ctrl-C quits). */
  readonly filtering?: boolean;
  /** The dashboard's log (or the record) has the keys (Tab). */
  readonly paneFocus?: boolean;
}

/** A dashboard command's hint, in the words of its binding (keys.ts). */
const hint = (command: Command, rank: number): Hint => ({ text: footerOf(command), rank });

const ALWAYS: readonly Hint[] = [hint('help', 0), hint('quit', 0)];

function stepping(ctx: HintContext): Hint[] {
  return [
    ...(ctx.variant ? [hint('keep', 1), hint('drop', 1), hint('write', 2)] : []),
    hint('step', 1),
    hint('back', 2),
    hint('autoplay', 3),
    hint('end', 3),
    hint('reset', 5),
  ];
}

/** The log or the record with the keys: its moves, and how to give the keys back. */
function pane(ctx: HintContext): Hint[] {
  return [
    { text: '↑/↓ j/k line', rank: 1 },
    { text: 'PgUp/PgDn page', rank: 1 },
    { text: 'g/G top/bottom', rank: 3 },
    ...(ctx.screen === 'record' ? [] : [{ text: 'Enter go to round', rank: 2 }]),
    { text: 'Tab/Esc done', rank: 1 },
    ...ALWAYS,
  ];
}

export function footerHints(ctx: HintContext): Hint[] {
  switch (ctx.screen) {
    case 'picker':
      if (ctx.filtering)
        return [
          { text: 'type to filter', rank: 1 },
          { text: 'Enter open', rank: 1 },
          { text: 'Esc clear', rank: 1 },
          { text: 'Backspace delete', rank: 3 },
          { text: '↑/↓ choose', rank: 2 },
          { text: '? help', rank: 0 },
          // q is typed into the filter: Ctrl-C quits here.
          { text: 'Ctrl-C quit', rank: 0 },
        ];
      return [
        { text: '↑/↓ choose', rank: 1 },
        { text: '/ filter', rank: 1 },
        { text: 'Enter open', rank: 1 },
        { text: 'PgUp/PgDn page', rank: 2 },
        { text: 'Home/End ends', rank: 3 },
        ...ALWAYS,
      ];
    case 'help':
      return [
        { text: '↑/↓ scroll', rank: 1 },
        { text: 'PgUp/PgDn page', rank: 2 },
        { text: 'Esc close', rank: 1 },
        ...ALWAYS.slice(1),
      ];
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
      if (ctx.paneFocus) return pane(ctx);
      return [
        { text: 'Esc close sweep', rank: 1 },
        { text: 'e what-if', rank: 2 },
        ...stepping(ctx),
        { text: 'Tab log', rank: 4 },
        ...ALWAYS,
      ];
    case 'record':
      if (ctx.paneFocus) return pane(ctx);
      return [
        { text: 'h close record', rank: 1 },
        ...stepping(ctx),
        // The record accepts e like the dashboard: the what-if panel opens over it.
        hint('edit', 1),
        { text: 'Tab scroll', rank: 2 },
        hint('escape', 4),
        ...ALWAYS,
      ];
    case 'dashboard':
      if (ctx.paneFocus) return pane(ctx);
      return [
        ...stepping(ctx),
        hint('edit', 1),
        hint('sweep', 4),
        ...(ctx.history ? [hint('record', 2)] : []),
        { text: 'Tab log', rank: 4 },
        hint('escape', 4),
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
