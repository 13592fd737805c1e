/**
 * Status messages ("variant dropped", why a preset could not open): one line of their own, gone after
 * MESSAGE_MS or at the MESSAGE_KEYS-th key after them, whichever comes first, and on a change of screen.
 */
import type { Draft } from './app-state.js';

export const MESSAGE_MS = 4000;
export const MESSAGE_KEYS = 3;

/** Shows `text` as the status message (none: clears it). */
export function say(state: Draft, text: string | undefined): void {
  state.message = text;
  state.messageKeys = 0;
  state.messageSerial += 1;
}

/** Counts a key against the message that was showing before it (`serial`); the third one clears it. */
export function ageMessage(state: Draft, serial: number): void {
  if (state.message === undefined || state.messageSerial !== serial) return;
  state.messageKeys += 1;
  if (state.messageKeys >= MESSAGE_KEYS) say(state, undefined);
}

/** The timer's end for message `serial`, if it is still the one showing. */
export function expireMessage(state: Draft, serial: number): void {
  if (state.message !== undefined && state.messageSerial === serial) say(state, undefined);
}
