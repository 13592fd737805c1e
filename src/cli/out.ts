import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { EXIT_BAD_INPUT, EXIT_OK, type CliIo } from './io.js';

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

const errnoCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

const exists = (file: string) => `liqloop: ${file} already exists; use --force to overwrite it\n`;

function cannotWrite(file: string, error: unknown): string {
  const code = errnoCode(error);
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOSPC'
        ? 'no space left on the device'
        : code === 'EROFS'
          ? 'the file system is read-only'
          : code === 'EISDIR'
            ? 'it is a directory'
            : code === 'ENOENT'
              ? `the directory ${dirname(file)} does not exist`
              : code === 'ENOTDIR'
                ? `${dirname(file)} is not a directory`
                : (code ?? String(error));
  return `liqloop: cannot write ${file}: ${reason}\n`;
}

/**
 * Why `file` cannot be written, or undefined when it can: checked before a command does its work, so that
 * a long sweep does not run only to find it has nowhere to go.
 */
export function checkOutFile(file: string, force: boolean): string | undefined {
  const dir = dirname(file);
  try {
    if (!statSync(dir).isDirectory()) return `liqloop: cannot write ${file}: ${dir} is not a directory\n`;
  } catch (error) {
    return cannotWrite(file, error);
  }
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return `liqloop: cannot write ${file}: it is a directory\n`;
    return force ? undefined : exists(file);
  } catch (error) {
    return errnoCode(error) === 'ENOENT' ? undefined : cannotWrite(file, error);
  }
}

/**
 * Writes `content` to `file` atomically: a temporary file in the same directory, flushed, then renamed
 * (with `force`) or hard-linked into place (without, so that a file that appeared meanwhile is never
 * replaced). The temporary file is always removed. Returns an error message, or undefined on success.
 */
export function writeFileAtomic(file: string, content: string, force: boolean): string | undefined {
  const problem = checkOutFile(file, force);
  if (problem) return problem;
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx', 0o666);
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (force) renameSync(temp, file);
    else {
      try {
        linkSync(temp, file);
      } catch (error) {
        if (errnoCode(error) === 'EEXIST') return exists(file);
        // A file system without hard links: check, then rename (a narrow race, only there).
        if (existsSync(file)) return exists(file);
        renameSync(temp, file);
      }
    }
    return undefined;
  } catch (error) {
    return cannotWrite(file, error);
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed into place.
    }
  }
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
 * the extension), saying on stderr where it went.
 */
export function emit(io: CliIo, options: OutputOptions, rendered: Rendered): number {
  if (options.out !== undefined) {
    const content =
      outFormat(options.out) === 'csv' ? rendered.csv() : `${JSON.stringify(rendered.json, null, 2)}\n`;
    const problem = writeFileAtomic(options.out, content, options.force ?? false);
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
