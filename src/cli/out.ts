import { extname } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { checkOutFile, writeFileAtomic, writeFileAtomicAsync } from '../presets/write.js';
import { EXIT_BAD_INPUT, EXIT_OK, type CliIo } from './io.js';

export { checkOutFile, writeFileAtomic, writeFileAtomicAsync };

/** The formats `--out` writes, chosen by the file's extension. */
export type OutFormat = 'json' | 'csv';

export function outFormat(file: string): OutFormat | undefined {
  const ext = extname(file).toLowerCase();
  return ext === '.json' ? 'json' : ext === '.csv' ? 'csv' : undefined;
}

/** Commander's parser for `--out FILE`: another extension is a usage error. */
export function parseOutFile(value: string): string {
  if (!outFormat(value))
    throw new InvalidArgumentError(
      `expected a file name ending in .json or .csv, got ${JSON.stringify(value)}.`,
    );
  return value;
}

/** One CSV cell (RFC 4180 quoting); null is an empty cell, numbers are written so they read back exactly. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV table: a header line, then one line per row, each ended by a newline. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\n`).join('');
}

/** What a command produces, in every form it can be printed or written. */
export interface Rendered {
  readonly json: unknown;
  readonly text: () => string;
  readonly csv: () => string;
}

export interface OutputOptions {
  readonly json?: boolean;
  readonly out?: string;
  readonly force?: boolean;
}

/**
 * Prints the result (text, or JSON with --json), or with --out writes it to the file instead (JSON or CSV by
 * the extension), saying on stderr where it went. The file is written in steps, so that INT or TERM during a
 * long write removes its temporary file (writeFileAtomicAsync).
 */
export async function emit(io: CliIo, options: OutputOptions, rendered: Rendered): Promise<number> {
  if (options.out !== undefined) {
    const content =
      outFormat(options.out) === 'csv' ? rendered.csv() : `${JSON.stringify(rendered.json, null, 2)}\n`;
    const problem = await writeFileAtomicAsync(options.out, content, options.force ?? false);
    if (problem) {
      io.err(problem);
      return EXIT_BAD_INPUT;
    }
    io.err(`liqloop: wrote ${options.out}\n`);
    return EXIT_OK;
  }
  io.out(options.json ? `${JSON.stringify(rendered.json, null, 2)}\n` : rendered.text());
  return EXIT_OK;
}

/** The pre-flight check for --out, as a message for the command to print; undefined without --out. */
export function checkOutput(options: OutputOptions): string | undefined {
  return options.out === undefined ? undefined : checkOutFile(options.out, options.force ?? false);
}
