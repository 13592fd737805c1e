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
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Writing files the way liqloop promises: atomically, and never over an existing file unless asked. */

const errnoCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

const exists = (file: string) => `liqloop: ${file} already exists; use --force to overwrite it\n`;

/** The longest file name (in bytes) the usual file systems (ext4, APFS, NTFS, tmpfs) allow. */
const NAME_MAX = 255;

/** The temporary file beside `file`: `.NAME.PID.RANDOM.tmp`, so that the rename stays on one file system. */
const tempFor = (file: string) =>
  join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);

/** How many bytes the temporary file's name adds to the target's (pid up to 7 digits). */
const TEMP_EXTRA = '..1234567.123456789abc.tmp'.length;

const isDirectory = (dir: string): boolean => {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
};

function cannotWrite(file: string, error: unknown): string {
  const code = errnoCode(error);
  const dir = dirname(file);
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? `permission denied (cannot create files in ${dir})`
      : code === 'ENOSPC'
        ? 'no space left on the device'
        : code === 'EROFS'
          ? 'the file system is read-only'
          : code === 'EISDIR'
            ? 'it is a directory'
            : code === 'ENAMETOOLONG'
              ? `the name is too long (at most ${NAME_MAX - TEMP_EXTRA} bytes, as liqloop writes a temporary file beside it first)`
              : code === 'ENOENT'
                ? // A directory that exists but takes no new files: /proc, /sys and other virtual file systems.
                  isDirectory(dir)
                  ? `cannot create files in ${dir} (not a directory that holds ordinary files, like /proc)`
                  : `the directory ${dir} does not exist`
                : code === 'ENOTDIR'
                  ? `${dir} is not a directory`
                  : (code ?? String(error));
  return `liqloop: cannot write ${file}: ${reason}\n`;
}

/**
 * Why `file` cannot be written, or undefined when it can: checked before a command does its work, so that
 * a long sweep does not run only to find it has nowhere to go. The check creates (and removes at once) the
 * temporary file the write will use, so that a name too long or a directory that takes no files is found now.
 */
export function checkOutFile(file: string, force: boolean): string | undefined {
  const dir = dirname(file);
  try {
    if (!statSync(dir).isDirectory()) return `liqloop: cannot write ${file}: ${dir} is not a directory\n`;
  } catch (error) {
    return cannotWrite(file, error);
  }
  if (Buffer.byteLength(basename(file)) > NAME_MAX - TEMP_EXTRA)
    return cannotWrite(file, Object.assign(new Error('name too long'), { code: 'ENAMETOOLONG' }));
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return `liqloop: cannot write ${file}: it is a directory\n`;
    if (!force) return exists(file);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') return cannotWrite(file, error);
  }
  const probe = tempFor(file);
  try {
    closeSync(openSync(probe, 'wx', 0o666));
    unlinkSync(probe);
  } catch (error) {
    return cannotWrite(file, error);
  }
  return undefined;
}

/** Puts the finished temporary file in place: renamed (with `force`) or hard-linked (never replacing). */
function moveIntoPlace(temp: string, file: string, force: boolean): string | undefined {
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
}

const removeQuietly = (temp: string) => {
  try {
    unlinkSync(temp);
  } catch {
    // Already renamed into place, or never created.
  }
};

/**
 * Writes `content` to `file` atomically: a temporary file in the same directory, flushed, then renamed
 * (with `force`) or hard-linked into place (without, so that a file that appeared meanwhile is never
 * replaced). The temporary file is always removed. Returns an error message, or undefined on success.
 * For small files (the dashboard's variants); `writeFileAtomicAsync` for output that may be large.
 */
export function writeFileAtomic(file: string, content: string, force: boolean): string | undefined {
  const problem = checkOutFile(file, force);
  if (problem) return problem;
  const temp = tempFor(file);
  try {
    const fd = openSync(temp, 'wx', 0o666);
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return moveIntoPlace(temp, file, force);
  } catch (error) {
    return cannotWrite(file, error);
  } finally {
    removeQuietly(temp);
  }
}

/** The signals that end a write early; on each the temporary file is removed before liqloop stops. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Bytes written per step, so that a signal is handled between steps, not only after the whole write. */
const CHUNK = 1 << 20;

/**
 * `writeFileAtomic` in steps of a megabyte. While it writes, INT, TERM and HUP remove the temporary file and
 * then end liqloop by the same signal (exit 130, 143, 129), so that an interrupted write leaves nothing.
 */
export async function writeFileAtomicAsync(
  file: string,
  content: string,
  force: boolean,
): Promise<string | undefined> {
  const problem = checkOutFile(file, force);
  if (problem) return problem;
  const temp = tempFor(file);
  const onSignal = (signal: NodeJS.Signals) => {
    removeQuietly(temp);
    for (const s of STOP_SIGNALS) process.removeListener(s, onSignal);
    process.kill(process.pid, signal);
  };
  for (const s of STOP_SIGNALS) process.on(s, onSignal);
  try {
    const handle = await open(temp, 'wx', 0o666);
    try {
      const bytes = Buffer.from(content);
      for (let at = 0; at < bytes.length; at += CHUNK)
        await handle.write(bytes, at, Math.min(CHUNK, bytes.length - at));
      await handle.sync();
    } finally {
      await handle.close();
    }
    return moveIntoPlace(temp, file, force);
  } catch (error) {
    return cannotWrite(file, error);
  } finally {
    removeQuietly(temp);
    for (const s of STOP_SIGNALS) process.removeListener(s, onSignal);
  }
}
