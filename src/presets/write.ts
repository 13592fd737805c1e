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
import { basename, dirname, join } from 'node:path';

/** Writing files the way liqloop promises: atomically, and never over an existing file unless asked. */

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
