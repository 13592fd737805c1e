import { terminalText } from '../presets/describe.js';

/** Where a command writes; the process in production, a buffer in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** The terminal's width when stdout is a terminal; undefined for a pipe or a file (no wrapping). */
  readonly columns?: number | undefined;
  /** Whether stderr is a terminal (a progress bar is drawn only there); false when absent. */
  readonly errIsTTY?: boolean;
  /** Writes liqloop's own redrawn line (the progress bar, with its carriage returns) to stderr; `err` when absent. */
  redraw?(text: string): void;
}

/** The process's streams; every write is passed through terminalText, so that no control character from a file is obeyed. */
export const processIo: CliIo = {
  out: (text) => process.stdout.write(terminalText(text)),
  err: (text) => process.stderr.write(terminalText(text)),
  redraw: (text) => process.stderr.write(text),
  get columns() {
    return process.stdout.isTTY ? process.stdout.columns : undefined;
  },
  errIsTTY: process.stderr.isTTY === true,
};

/** Exit statuses: 1 for bad input (a preset, a file), 2 for a usage error or no terminal. */
export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;
