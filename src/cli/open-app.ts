import { isatty } from 'node:tty';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, processIo } from './io.js';
import { formatLoadFailure } from './problems.js';

/** Opens the full-screen app. The UI (Ink, React) is imported only here, and only for a terminal. */
export async function openApp(ref: string | undefined): Promise<number> {
  // TERM=dumb (Emacs shells, some CI logs) cannot move the cursor or switch screens: treated as no terminal.
  const dumb = process.env.TERM === 'dumb';
  // isatty, not process.stdin.isTTY: reading process.stdin opens a terminal stream that keeps Node running.
  if (!isatty(0) || !isatty(1) || dumb) {
    processIo.err(
      `liqloop: the dashboard needs an interactive terminal${dumb ? ' that can move the cursor (TERM=dumb cannot)' : ''}; ` +
        'for pipes and scripts use `liqloop run <preset>` (or `liqloop list` for the presets).\n',
    );
    return EXIT_USAGE;
  }
  // Ink's colour library ignores NO_COLOR; FORCE_COLOR=0 must be set before Ink is first imported.
  if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';
  // React's development build checks every element and renders several times slower.
  process.env.NODE_ENV ??= 'production';
  const { openDashboard } = await import('../ui/main.js');
  const opened = await openDashboard(ref);
  if (!opened.ok) {
    processIo.err(formatLoadFailure(opened.failure));
    return EXIT_BAD_INPUT;
  }
  return EXIT_OK;
}
