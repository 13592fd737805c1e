import { dirname, resolve } from 'node:path';
import { readText } from './read.js';
import type { Problem } from './problems.js';

/**
 * Reads a price path from CSV text: one price per line, or the last column of each line, with an
 * optional header line; blank lines are skipped. Every price must be a finite number > 0.
 */
export function parsePriceCsv(text: string): { ok: true; prices: number[] } | { ok: false; message: string } {
  const prices: number[] = [];
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
    if (prices.length === 0 && cell !== '' && Number.isNaN(value) && /[a-z]/i.test(cell)) continue; // a header
    if (cell === '' || !Number.isFinite(value)) {
      return {
        ok: false,
        message: `line ${i + 1}: expected a price (a finite number), got ${JSON.stringify(cell)}`,
      };
    }
    if (value <= 0) return { ok: false, message: `line ${i + 1}: expected a price > 0, got ${cell}` };
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
      problems: [{ path: 'path.file', message: `expected a CSV file name, got ${JSON.stringify(file)}` }],
    };
  }
  if ('prices' in rest) {
    return {
      ok: false,
      problems: [{ path: 'path', message: 'expected either "prices" or "file", not both' }],
    };
  }
  const csv = resolve(dirname(presetFile), file);
  const read = readText(csv);
  if (!read.ok) return { ok: false, problems: [{ path: 'path.file', message: `${file}: ${read.reason}` }] };
  const parsed = parsePriceCsv(read.text);
  if (!parsed.ok)
    return { ok: false, problems: [{ path: 'path.file', message: `${file}: ${parsed.message}` }] };
  return { ok: true, raw: { ...(raw as object), path: { ...rest, prices: parsed.prices } } };
}
