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

/** How many requests the sandbox was handling at once: now, and at most since it started. */
export interface Traffic {
  inFlight: number;
  maxInFlight: number;
}

/**
 * Listens on 127.0.0.1 (port 0 picks a free one), records every request in `requests` and answers
 * it with `answer` (at once, or later when the latency model delays it). A port in use
 * (EADDRINUSE) or refused (EACCES) rejects, for the caller to explain. `traffic` counts the
 * requests being handled, from their arrival to their answer's end.
 */
export const listen = async (
  port: number,
  requests: RecordedRequest[],
  answer: (request: RecordedRequest, rawBody: string) => Answer | Promise<Answer>,
) => {
  const traffic: Traffic = { inFlight: 0, maxInFlight: 0 };
  const server = createServer((req, res) => {
    traffic.inFlight++;
    traffic.maxInFlight = Math.max(traffic.maxInFlight, traffic.inFlight);
    let counted = true;
    const done = () => {
      if (counted) traffic.inFlight--;
      counted = false;
    };
    res.on('close', done);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const request = recordRequest(req, rawBody);
      requests.push(request);
      void Promise.resolve(answer(request, rawBody)).then(
        (answered) => {
          if (!res.destroyed) writeAnswer(res, answered);
        },
        (failure: unknown) => {
          res.writeHead(500, { 'Content-Type': 'text/plain' });
          res.end(String(failure));
        },
      );
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
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close, traffic };
};
