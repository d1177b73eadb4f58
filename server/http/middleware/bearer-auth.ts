/**
 * Asks for the configured token as `Authorization: Bearer <token>`. The comparison takes the same
 * time whatever the token sent (both sides are hashed to equal-length digests first, then compared
 * with timingSafeEqual), so the token cannot be guessed byte by byte from response times.
 */
import type { RequestHandler } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';

const BEARER = /^Bearer +(\S+) *$/i;

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Constant-time equality of two strings of any length. */
export function tokensEqual(sent: string, expected: string): boolean {
  return timingSafeEqual(digest(sent), digest(expected));
}

/**
 * `openPaths`: full paths (e.g. /api/health) answered without a token, for health probes.
 * Only /api is guarded by the caller: the explorer's own files must load so it can ask for the token.
 */
export function bearerAuth(token: string, openPaths: ReadonlySet<string>): RequestHandler {
  return (req, res, next) => {
    if (openPaths.has(req.originalUrl.split('?')[0])) return next();
    const sent = BEARER.exec(req.get('Authorization') ?? '')?.[1];
    if (sent !== undefined && tokensEqual(sent, token)) return next();
    res
      .status(401)
      .setHeader(
        'WWW-Authenticate',
        sent === undefined ? 'Bearer realm="actorgraph"' : 'Bearer realm="actorgraph", error="invalid_token"',
      )
      .json({
        error: {
          code: 'unauthorized',
          message:
            sent === undefined
              ? 'This server asks for a token: send it as "Authorization: Bearer <token>" (ACTORGRAPH_TOKEN on the server).'
              : 'The token is not the one this server was given.',
        },
      });
  };
}
