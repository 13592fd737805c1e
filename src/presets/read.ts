import { readFileSync, statSync } from 'node:fs';

/** How a preset read from standard input (`-` on the command line) is named in messages. */
export const STDIN_FILE = '<stdin>';

let stdinText: string | undefined;

/** Standard input, read once and kept: a command may read its preset more than once (compare, sweep). */
function readStdin(): string {
  if (stdinText === undefined) {
    try {
      stdinText = readFileSync(0, 'utf8');
    } catch (error) {
      // A non-blocking stdin (some terminals and pipes) refuses a synchronous read of fd 0.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      stdinText = readFileSync('/dev/stdin', 'utf8');
    }
  }
  return stdinText;
}

/** Reads a file's text (standard input for `STDIN_FILE`), or says in a line why it cannot be read. */
export function readText(file: string): { ok: true; text: string } | { ok: false; reason: string } {
  try {
    if (file === STDIN_FILE) return { ok: true, text: readStdin() };
    if (statSync(file).isDirectory())
      return { ok: false, reason: 'is a directory, expected a preset JSON file' };
    return { ok: true, text: readFileSync(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'no such file' };
    if (code === 'EACCES') return { ok: false, reason: 'permission denied' };
    return { ok: false, reason: `cannot be read (${code ?? String(error)})` };
  }
}
