/**
 * Refuses a request whose Host header names a host this server does not answer to. A web page on
 * evil.example can make its own name resolve to 127.0.0.1 (DNS rebinding) and then read this API
 * as same-origin; its requests still carry `Host: evil.example`, which is what this catches.
 */
import type { RequestHandler } from 'express';

/** Always allowed: the names of this machine's loopback interface. */
export const LOOPBACK_HOST_NAMES: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** `Example.org:3000` -> `example.org`; `[::1]:3000` -> `[::1]`; a bare IPv6 address gets brackets. */
export function hostName(hostHeader: string): string {
  const host = hostHeader.trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colons = host.split(':').length - 1;
  if (colons > 1) return `[${host}]`;
  return colons === 1 ? host.slice(0, host.indexOf(':')) : host;
}

export function hostCheck(allowedHosts: readonly string[]): RequestHandler {
  const allowed = new Set([...LOOPBACK_HOST_NAMES, ...allowedHosts].map(hostName));
  return (req, res, next) => {
    const header = req.headers.host ?? '';
    if (allowed.has(hostName(header))) return next();
    // 421 Misdirected Request: this server is not the one that name is meant to reach.
    res.status(421).json({
      error: {
        code: 'misdirected_request',
        message:
          `This server does not answer to the host name ${JSON.stringify(header.slice(0, 100))}. ` +
          'If it should, add the name to ACTORGRAPH_ALLOWED_HOSTS (comma-separated).',
      },
    });
  };
}
