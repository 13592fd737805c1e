/** Where a key goes: the picker, the what-if panel, or a command. */
import { castDraft } from 'immer';
import { commandForKey } from '../keys.js';
import type { KeyEvent } from '../hooks/useKeys.js';
import { undraft, type Draft } from './app-state.js';
import { commandOf } from './commands.js';
import type { Session } from './session.js';
import { panelKey, variantOf, type PanelKey, type PanelState } from './whatif.js';

/** While the screen is hidden (the terminal is too small), a key only quits or toggles the help. */
export function hiddenKey(state: Draft, key: KeyEvent): void {
  const command = commandForKey(key);
  if (command === 'quit' || command === 'help') commandOf(state, command);
}

/** What a key means depends on where the user is: the picker, the panel, or the dashboard. */
export function key(state: Draft, key: KeyEvent): void {
  if (state.mode === 'picker' && !state.help) {
    const count = state.entries.length;
    if (key.kind === 'special' && (key.name === 'up' || key.name === 'down') && count > 0) {
      state.highlighted = (state.highlighted + (key.name === 'down' ? 1 : -1) + count) % count;
      return;
    }
    if (key.kind === 'special' && key.name === 'enter' && count > 0) {
      state.pendingOpen = state.entries[state.highlighted]!.id;
      return;
    }
  }
  if (state.panel && !state.help) {
    const panelKeyOf = (): PanelKey | undefined => {
      if (key.kind === 'special') {
        return key.name === 'up' ||
          key.name === 'down' ||
          key.name === 'left' ||
          key.name === 'right' ||
          key.name === 'enter' ||
          key.name === 'backspace'
          ? { kind: key.name }
          : undefined;
      }
      // A value is typed from its first digit, point or sign; after that every character is part of it.
      return state.panel!.typing !== '' || /[-0-9.]/.test(key.char)
        ? { kind: 'char', char: key.char }
        : undefined;
    };
    const panelKey = panelKeyOf();
    if (panelKey) {
      reducerPanelKey(state, panelKey);
      return;
    }
  }
  const command = commandForKey(key);
  if (command) commandOf(state, command);
}

export function reducerPanelKey(state: Draft, key: PanelKey): void {
  if (!state.panel || !state.session) return;
  const result = panelKey(undraft<PanelState>(state.panel), key);
  state.panel = castDraft(result.panel);
  if (result.apply) {
    const from = undraft<Session>(state.variant ?? state.session).preset;
    if (JSON.stringify(result.panel.draft) === JSON.stringify(from)) {
      // An identical variant would only repeat the baseline: say so, and leave the panel open.
      state.message = 'no lever changed: nothing to run (←/→ or type a value, then Enter)';
      return;
    }
    state.variant = castDraft(variantOf(undraft<Session>(state.session), result.panel.draft));
    state.panel = undefined;
    state.message = undefined;
  }
}
