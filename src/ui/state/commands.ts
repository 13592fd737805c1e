/** What a command does to the state: stepping, the variant, overlays, leaving the dashboard. */
import { castDraft } from 'immer';
import type { Command } from '../keys.js';
import { AUTOPLAY_SPEEDS_MS, ZOOMS, undraft, type Draft } from './app-state.js';
import { keptSession } from './keep.js';
import type { Session } from './session.js';
import { say } from './status.js';
import { openPanel, startSweep, type PanelState } from './whatif.js';

/** Steps the baseline and the variant together; the round goes on while either still runs. */
export function advance(state: Draft): void {
  const timelines = [state.session?.timeline, state.variant?.timeline].filter((t) => t !== undefined);
  if (timelines.length === 0) return;
  const next = Math.max(...timelines.map((t) => t.reach(state.round + 1)));
  if (next === state.round) state.autoplay = false;
  state.round = next;
}

/**
 * The round on screen kept within the baseline's run, once the variant that ran longer is gone (dropped,
 * or kept when it ended sooner): the screen never sits past the run's last round.
 */
export function clampRound(state: Draft): void {
  const timeline = state.session?.timeline;
  if (!timeline) return;
  state.round = Math.min(state.round, timeline.reach(state.round));
  state.seen = Math.min(state.seen, timeline.reach(state.seen));
}

/** Runs both timelines to their end and returns the later last round. */
function finish(state: Draft): number {
  return Math.max(state.session?.timeline.finish() ?? 0, state.variant?.timeline.finish() ?? 0);
}

export function commandOf(state: Draft, command: Command): void {
  if (command === 'quit') {
    state.quitting = true;
    return;
  }
  if (command === 'help') {
    state.help = !state.help;
    state.helpScroll = 0;
    return;
  }
  if (state.help) {
    if (command === 'escape') state.help = false;
    return;
  }
  if (state.mode !== 'dashboard' || !state.session) return;
  if (state.panel) {
    if (command === 'escape' || command === 'edit') state.panel = undefined;
    else if (command === 'sweep') {
      // The sweep (of the draft's selected lever) replaces the panel on screen.
      state.sweep = castDraft(startSweep(undraft<PanelState>(state.panel).draft, state.panel.selected));
      state.panel = undefined;
    }
    return;
  }
  if (state.sweep && command === 'escape') {
    state.sweep = undefined;
    return;
  }
  const timeline = state.session.timeline;
  switch (command) {
    case 'edit':
      state.panel = castDraft(openPanel(undraft<Session>(state.variant ?? state.session).preset));
      state.sweep = undefined;
      state.autoplay = false;
      return;
    case 'sweep':
      state.sweep = state.sweep
        ? undefined
        : castDraft(startSweep(undraft<Session>(state.variant ?? state.session).preset, 0));
      return;
    case 'keep':
      if (state.variant) {
        const kept = keptSession(undraft<Session>(state.session), undraft<Session>(state.variant));
        state.session = castDraft(kept.session);
        state.variant = undefined;
        clampRound(state);
        say(state, `kept the variant as the baseline: ${kept.changes}`);
      }
      return;
    case 'drop':
      if (state.variant) say(state, 'variant dropped');
      state.variant = undefined;
      clampRound(state);
      return;
    case 'write':
      if (state.variant) state.pendingWrite = true;
      else say(state, 'no variant to write: press e, change a lever, Enter');
      return;
    case 'record':
      state.record = !state.record;
      return;
    case 'step':
      advance(state);
      return;
    case 'back':
      state.round = Math.max(0, state.round - 1);
      return;
    case 'reset':
      state.round = 0;
      state.autoplay = false;
      return;
    case 'first':
      state.round = 0;
      state.autoplay = false;
      return;
    case 'log':
      state.logScale = !state.logScale;
      return;
    case 'zoom':
      state.zoom = ZOOMS[(ZOOMS.indexOf(state.zoom as (typeof ZOOMS)[number]) + 1) % ZOOMS.length];
      return;
    case 'end':
      state.round = finish(state);
      state.autoplay = false;
      return;
    case 'autoplay':
      if (!state.autoplay && timeline.finished && state.round >= finish(state)) state.round = 0;
      state.autoplay = !state.autoplay;
      return;
    case 'faster':
      state.speedIndex = Math.min(AUTOPLAY_SPEEDS_MS.length - 1, state.speedIndex + 1);
      return;
    case 'slower':
      state.speedIndex = Math.max(0, state.speedIndex - 1);
      return;
    case 'escape':
      state.mode = 'picker';
      state.autoplay = false;
      state.variant = undefined;
      state.sweep = undefined;
      return;
  }
}
