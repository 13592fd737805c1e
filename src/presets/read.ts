import { closeSync, fstatSync, openSync, readFileSync, readSync, constants } from 'node:fs';
import { MAX_FILE_BYTES, decodeUtf8 } from './utf8.js';

/** How a preset read from standard input (`-` on the command line) is named in messages. */
export const STDIN_FILE = '<stdin>';

let stdinText: { ok: true; text: string } | { ok: false; reason: string } | undefined;

const tooLarge = `is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, the most a preset or price file may be`;

/** Standard input, read once and kept: a command may read its preset more than once (compare, sweep). */
function readStdin(): { ok: true; text: string } | { ok: false; reason: string } {
  if (stdinText === undefined) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(0);
    } catch (error) {
      // A non-blocking stdin (some terminals and pipes) refuses a synchronous read of fd 0.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      bytes = readFileSync('/dev/stdin');
    }
    stdinText = bytes.length > MAX_FILE_BYTES ? { ok: false, reason: tooLarge } : decodeUtf8(bytes);
  }
  return stdinText;
}

/**
 * Reads a regular file of at most MAX_FILE_BYTES of strict UTF-8, or says in a line why not. It is opened
 * without blocking and checked before it is read, so that a FIFO, a device (/dev/zero) or a socket is
 * refused by name instead of hanging or filling memory.
 */
function readRegular(file: string): { ok: true; text: string } | { ok: false; reason: string } {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, reason: 'is a directory, expected a preset JSON file' };
    if (!stat.isFile())
      return { ok: false, reason: 'is not a regular file (a FIFO, a device or a socket), expected a file' };
    if (stat.size > MAX_FILE_BYTES) return { ok: false, reason: tooLarge };
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return decodeUtf8(bytes.subarray(0, read));
  } finally {
    closeSync(fd);
  }
}

/** Reads a file's text (standard input for `STDIN_FILE`), or says in a line why it cannot be read. */
export function readText(file: string): { ok: true; text: string } | { ok: false; reason: string } {
  try {
    if (file === STDIN_FILE) return readStdin();
    return readRegular(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'no such file' };
    if (code === 'EACCES') return { ok: false, reason: 'permission denied' };
    if (code === 'EISDIR') return { ok: false, reason: 'is a directory, expected a preset JSON file' };
    if (code === 'ENAMETOOLONG') return { ok: false, reason: 'the name is too long' };
    return { ok: false, reason: `cannot be read (${code ?? 'an unknown error'})` };
  }
}
