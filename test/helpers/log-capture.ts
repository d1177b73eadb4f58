/** The server's log lines captured in memory: a pino destination for createLogger, parsed back. */
import { Writable } from 'node:stream';

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export function capturedLog(): {
  destination: Writable;
  text: () => string;
  lines: () => LogLine[];
  clear: () => void;
} {
  let captured = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      captured += chunk.toString();
      done();
    },
  });
  const lines = () =>
    captured
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as LogLine);
  return { destination, text: () => captured, lines, clear: () => (captured = '') };
}
