import { readFileSync, statSync } from 'node:fs';

/** Reads a file's text, or says in a line why it cannot be read. */
export function readText(file: string): { ok: true; text: string } | { ok: false; reason: string } {
  try {
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
