/**
 * The sandbox's HTTP plumbing: reads each request into a RecordedRequest, answers it through the
 * routes (or as the web server in front of Mobivate would), and listens on loopback.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { error, type Handler, type RecordedRequest, type Route } from './api';

type Answer = ReturnType<Handler>;

/**
 * Answers a request: a path or method the API does not have gets the web server's own page, not
 * Mobivate's JSON; then the key, then the body, then the route's handler.
 */
export const answerWith =
  (routeFor: (path: string) => Route | undefined, apiKey: string) =>
  (request: RecordedRequest, rawBody: string): Answer => {
    const route = routeFor(request.path);
    if (!route) return { status: 404, html: '<html><body><h1>404 Not Found</h1></body></html>' };
    const handler = route[request.method];
    if (!handler) {
      return { status: 405, html: '<html><body><h1>405 Method Not Allowed</h1></body></html>' };
    }
    if (request.headers.authorization !== `Bearer ${apiKey}`) return error(401, 'Unauthorized');
    if (rawBody && request.body === undefined) return error(400, 'Malformed JSON body');
    return handler(request);
  };

/** The request as handlers and tests see it; a body that is not JSON reads as undefined. */
const recordRequest = (req: IncomingMessage, rawBody: string): RecordedRequest => {
  const url = new URL(req.url ?? '/', 'http://sandbox');
  let body: unknown;
  try {
    body = rawBody ? JSON.parse(rawBody) : undefined;
  } catch {
    body = undefined;
  }
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: req.headers,
    body,
  };
};

const writeAnswer = (res: ServerResponse, answer: Answer) => {
  if ('html' in answer && answer.html !== undefined) {
    res.writeHead(answer.status, { 'Content-Type': 'text/html' });
    res.end(answer.html);
  } else {
    res.writeHead(answer.status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  }
};

/**
 * Listens on 127.0.0.1 (port 0 picks a free one), records every request in `requests` and answers
 * it with `answer`. A port in use (EADDRINUSE) or refused (EACCES) rejects, for the caller to
 * explain.
 */
export const listen = async (
  port: number,
  requests: RecordedRequest[],
  answer: (request: RecordedRequest, rawBody: string) => Answer,
) => {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const request = recordRequest(req, rawBody);
      requests.push(request);
      writeAnswer(res, answer(request, rawBody));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((err) => (err ? reject(err) : resolve()));
    });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close };
};
