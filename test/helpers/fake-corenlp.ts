/**
 * A stand-in for CoreNLP's HTTP server, to inject faults: it answers GET /ready like CoreNLP, and
 * each POST as `behaviour` says (an empty but valid annotation, HTTP 500, a reset connection, a
 * valid annotation padded to 64 KB, something that is not JSON, or no answer at all).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createTcpServer } from 'node:net';

export type FakeAnswer = 'annotate' | 'error' | 'reset' | 'huge' | 'garbage' | 'hang';

export interface FakeCoreNlp {
  url: string;
  /** Texts POSTed so far (bounded by the test's own inputs). */
  posted: string[];
  close(): Promise<void>;
}

function bodyOf(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export async function startFakeCoreNlp(behaviour: (text: string) => FakeAnswer): Promise<FakeCoreNlp> {
  const posted: string[] = [];
  const server: Server = createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/ready') {
      response.end('ready\n');
      return;
    }
    void bodyOf(request).then((text) => {
      posted.push(text);
      const answer = behaviour(text);
      if (answer === 'hang') return; // closeAllConnections() ends it when the test closes the server
      if (answer === 'reset') {
        request.socket.destroy();
      } else if (answer === 'garbage') {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end('<html>Service Unavailable</html>');
      } else if (answer === 'huge') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ sentences: [], padding: 'x'.repeat(64 * 1024) }));
      } else if (answer === 'error') {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end('java.lang.RuntimeException: could not annotate');
      } else {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ sentences: [{ index: 0, entitymentions: [], tokens: [] }] }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    posted,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback URL on which nothing listens (a port that was free a moment ago). */
export async function closedUrl(): Promise<string> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
