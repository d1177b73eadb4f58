/**
 * A client-side deadline for calls to Neo4j. A server that hangs (stopped, swapping, a network
 * that drops packets) keeps its TCP connections open and never answers; the driver then waits
 * forever, since the transaction timeout is enforced by the server. Past the deadline the caller
 * gets StoreUnavailableError (503) and the session is closed in the background.
 */
import { StoreUnavailableError } from '../../domain/errors.js';
import { settlesWithin } from '../../settles-within.js';

export async function withinDeadline<T>(
  work: Promise<T>,
  deadlineMs: number,
  onLate: () => void,
  describe: () => string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // The work may still settle later: nobody waits for it, so its failure must not go unhandled.
      work.catch(() => undefined);
      onLate();
      reject(new StoreUnavailableError(`${describe()} did not answer within ${Math.round(deadlineMs / 100) / 10} s`));
    }, deadlineMs);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Closes a session, waiting at most `ms`: closing on a hung server hangs too. */
export async function closeWithin(session: { close(): Promise<void> }, ms = 1000): Promise<void> {
  await settlesWithin(
    session.close().catch(() => undefined),
    ms,
  );
}
