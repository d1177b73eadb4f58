/**
 * Reads one file's bytes, never more than the size limit, and only if it is a regular file. The
 * check is made with fstat on the opened handle, so the file cannot be swapped between a check
 * and the open; O_NONBLOCK keeps the open of a FIFO from waiting for a writer, O_NOFOLLOW refuses
 * a symlink put in its place.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { fileKind } from './list-files.js';
import { UnreadableFileError } from './types.js';

const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW;

export async function readBoundedFile(path: string, maxBytes: number): Promise<Buffer> {
  const handle = await open(path, OPEN_FLAGS).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new UnreadableFileError('it became a symlink');
    throw error;
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new UnreadableFileError(`not a regular file (${fileKind(info)})`);
    const tooLarge = (size: number) =>
      new UnreadableFileError(`the file is ${size} bytes, over the limit of ${maxBytes} bytes`);
    if (info.size > maxBytes) throw tooLarge(info.size);
    // One byte more than fstat said: a file that grows while it is read is noticed, and read no further.
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length === buffer.length) throw new UnreadableFileError('the file grew while it was read; import it again');
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}
