/** startServer: listen (port 0 in tests); stop at once, or shut down gracefully within a time limit. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions } from './app.js';
import { isLoopbackAddress, listenHostNames } from './listen-address.js';
import type { Lifecycle } from './routes/service-routes.js';

/** How often a shutting-down server closes the connections that have become idle. */
const IDLE_SWEEP_MS = 50;

export interface ShutdownOutcome {
  /** Requests still running when the time limit came, and cut off. */
  cutOff: number;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Closes every connection at once (tests). */
  stop(): Promise<void>;
  /**
   * Stops accepting connections, lets running requests finish for up to `timeoutMs`, then cuts off
   * what is left. /api/ready answers 503 from the start.
   */
  shutdown(timeoutMs: number): Promise<ShutdownOutcome>;
}

export async function startServer(
  options: Omit<AppOptions, 'lifecycle' | 'loopbackOnly'> & { port: number; host: string },
): Promise<RunningServer> {
  const lifecycle: Lifecycle = { shuttingDown: false };
  const app = createApp({
    ...options,
    lifecycle,
    loopbackOnly: isLoopbackAddress(options.host),
    allowedHosts: [...listenHostNames(options.host), ...(options.allowedHosts ?? [])],
  });
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(options.port, options.host, () => resolve(listening));
    listening.once('error', reject);
  });

  let inFlight = 0;
  // Before the app's own listener, so that the header is set before any answer is sent.
  server.prependListener('request', (_req, res) => {
    inFlight += 1;
    res.once('close', () => (inFlight -= 1));
    // A keep-alive connection is closed after this answer instead of waiting for another request.
    if (lifecycle.shuttingDown) res.setHeader('Connection', 'close');
  });

  const closed = (): Promise<void> =>
    new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));

  const { port } = server.address() as AddressInfo;
  const shownHost = options.host === '0.0.0.0' || options.host === '127.0.0.1' ? 'localhost' : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    stop: () => {
      server.closeAllConnections();
      return closed();
    },
    async shutdown(timeoutMs) {
      lifecycle.shuttingDown = true;
      const allClosed = closed().catch(() => undefined);
      // Connections that finish their answer become idle; close them as they do, not only once.
      const idleSweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
      let limit: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        allClosed.then(() => false),
        new Promise<boolean>((resolve) => (limit = setTimeout(() => resolve(true), timeoutMs))),
      ]);
      clearTimeout(limit);
      clearInterval(idleSweep);
      if (!timedOut) return { cutOff: 0 };
      const cutOff = inFlight;
      server.closeAllConnections();
      await allClosed;
      return { cutOff };
    },
  };
}
