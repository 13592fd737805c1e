import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { describeValue, escapeText } from './describe.js';
import { STDIN_FILE, readText } from './read.js';
import type { Problem } from './problems.js';

/**
 * Reads a price path from CSV text: one price per line, or the last column of each line, with at most one
 * header line, the first that is not blank; blank lines are skipped. Every price must be a finite number
 * > 0. A line that is not a price is named by its number only: its text is never echoed (the file may not
 * be what the preset's author says it is).
 */
export function parsePriceCsv(text: string): { ok: true; prices: number[] } | { ok: false; message: string } {
  const prices: number[] = [];
  let seenLine = false;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const cell = line
      .split(',')
      .at(-1)!
      .trim()
      .replace(/^"(.*)"$/, '$1');
    const value = Number(cell);
    const first = !seenLine;
    seenLine = true;
    if (first && cell !== '' && Number.isNaN(value) && /[a-z]/i.test(cell)) continue; // the header
    if (cell === '' || !Number.isFinite(value)) {
      return {
        ok: false,
        message: `line ${i + 1}: expected a price (a finite number > 0); the line is not one (its text is not shown)`,
      };
    }
    if (value <= 0) return { ok: false, message: `line ${i + 1}: expected a price > 0, got ${value}` };
    prices.push(value);
  }
  if (prices.length === 0) return { ok: false, message: 'expected at least one price, the file has none' };
  return { ok: true, prices };
}

/**
 * A preset's `path.file` (a CSV beside the preset) read into `path.prices`, before validation, so that
 * the rest of liqloop sees a self-contained preset. Returns the raw JSON unchanged when there is no file.
 */
export function inlinePathFile(
  raw: unknown,
  presetFile: string,
): { ok: true; raw: unknown } | { ok: false; problems: Problem[] } {
  if (typeof raw !== 'object' || raw === null) return { ok: true, raw };
  const path = (raw as Record<string, unknown>).path;
  if (typeof path !== 'object' || path === null || !('file' in path)) return { ok: true, raw };
  const { file, ...rest } = path as Record<string, unknown>;
  if (typeof file !== 'string' || file === '') {
    return {
      ok: false,
      problems: [{ path: 'path.file', message: `expected a CSV file name, got ${describeValue(file)}` }],
    };
  }
  if ('prices' in rest) {
    return {
      ok: false,
      problems: [{ path: 'path', message: 'expected either "prices" or "file", not both' }],
    };
  }
  const named = escapeText(file.length > 80 ? `${file.slice(0, 80)}…` : file);
  const confined = confine(presetFile, file);
  if (!confined.ok)
    return { ok: false, problems: [{ path: 'path.file', message: `${named}: ${confined.reason}` }] };
  const read = readText(confined.file);
  if (!read.ok) return { ok: false, problems: [{ path: 'path.file', message: `${named}: ${read.reason}` }] };
  const parsed = parsePriceCsv(read.text);
  if (!parsed.ok)
    return { ok: false, problems: [{ path: 'path.file', message: `${named}: ${parsed.message}` }] };
  return { ok: true, raw: { ...(raw as object), path: { ...rest, prices: parsed.prices } } };
}

/**
 * Where `file` is, when it lies inside the preset's own folder once every symbolic link is resolved: a
 * preset may not read a file outside it (an absolute path, `../`, a link pointing out), nor from a preset
 * read on standard input, which has no folder.
 */
function confine(
  presetFile: string,
  file: string,
): { ok: true; file: string } | { ok: false; reason: string } {
  const outside = {
    ok: false as const,
    reason: "expected a file in the preset's own folder (no absolute path, no ../, no link out of it)",
  };
  if (presetFile === STDIN_FILE)
    return { ok: false, reason: 'a preset read from standard input has no folder to read a price file from' };
  if (isAbsolute(file)) return outside;
  let folder: string;
  let target: string;
  try {
    folder = realpathSync(dirname(resolve(presetFile)));
    target = realpathSync(resolve(dirname(resolve(presetFile)), file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      reason: code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? 'an unknown error'})`,
    };
  }
  const rel = relative(folder, target);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return outside;
  return { ok: true, file: target };
}
