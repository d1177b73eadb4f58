/**
 * The server's structured log: one JSON object a line (pino), to stdout by default. Only the
 * server logs this way; the CLI's own output (import progress, summaries) stays human-readable.
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LOG_LEVELS } from '../config.js';

export type { Logger };
export type LogLevel = (typeof LOG_LEVELS)[number];

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    { level, timestamp: pino.stdTimeFunctions.isoTime, serializers: { err: pino.stdSerializers.err } },
    // Synchronous: the last lines before process.exit (shutdown) are not lost.
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** For tests and callers that want no log. */
export const silentLogger: Logger = pino({ level: 'silent' });
