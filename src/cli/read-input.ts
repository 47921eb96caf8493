import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';

/** Larger is not a catalogue or a cookie policy; reading it would only hold the terminal. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** A file the command line was given but cannot read: the command stops, exit 2, one line on stderr. */
export class UnreadableInput extends Error {}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'a directory, not a file',
  ELOOP: 'a loop of symbolic links',
  ENOTDIR: 'a part of the path is not a directory',
  ENAMETOOLONG: 'the name is too long',
};

const kindOf = (stats: ReturnType<typeof fstatSync>) =>
  stats.isFIFO()
    ? 'a FIFO'
    : stats.isCharacterDevice() || stats.isBlockDevice()
      ? 'a device'
      : stats.isSocket()
        ? 'a socket'
        : 'not a regular file';

/**
 * The text of a file named on the command line, for every command that reads one. Only a
 * regular file is read: a FIFO would wait for a writer and /dev/zero never ends, so both are
 * refused rather than read forever.
 */
export function readInputFile(file: string): string {
  const fail = (code: string, reason: string) => new UnreadableInput(`cannot read ${file} (${code}): ${reason}`);
  let descriptor: number;
  try {
    // Non-blocking, or opening a FIFO would wait for a writer before we could look at what it is.
    descriptor = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw fail(code, REASONS[code] ?? (error as Error).message);
  }
  try {
    const stats = fstatSync(descriptor);
    if (stats.isDirectory()) throw fail('EISDIR', REASONS.EISDIR);
    if (!stats.isFile()) throw fail(kindOf(stats), 'only regular files are read');
    if (stats.size > MAX_INPUT_BYTES)
      throw fail(`${Math.ceil(stats.size / 2 ** 20)} MiB`, `at most ${MAX_INPUT_BYTES / 2 ** 20} MiB is read`);
    // Editors on Windows may save a byte-order mark; browsers ignore it, and so do we.
    return readFileSync(descriptor, 'utf8').replace(/^\uFEFF/, '');
  } finally {
    closeSync(descriptor);
  }
}
