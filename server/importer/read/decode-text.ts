/** Bytes to text: refuses empty, binary and non-UTF-8 files; normalises line ends and Unicode. */
import { UnreadableFileError } from './types.js';

export function decodeText(bytes: Uint8Array, maxBytes: number): string {
  if (bytes.length === 0) throw new UnreadableFileError('the file is empty');
  if (bytes.length > maxBytes) {
    throw new UnreadableFileError(`the file is ${bytes.length} bytes, over the limit of ${maxBytes} bytes`);
  }
  if (bytes.includes(0)) throw new UnreadableFileError('the file is binary (it contains NUL bytes)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new UnreadableFileError(`the file is not valid UTF-8 (first bad byte at offset ${at}); save it as UTF-8`);
  }
  text = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC');
  if (text.trim() === '') throw new UnreadableFileError('the file holds only white space');
  return text;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = bytes.length;
  // The longest valid prefix, by bisection (a cut inside a character also fails, so step back).
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      decoder.decode(bytes.subarray(0, mid));
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}
