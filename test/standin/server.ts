/**
 * A second Mobivate stand-in, for tests only, separate from the sandbox on purpose: the sandbox
 * answers the way we read Mobivate's docs, so it cannot find our misreadings. This one answers
 * the way real servers do — web frameworks' 404 bodies, proxies' HTML pages, 200s that carry
 * errors, byte-order marks, broken compression, bodies that trickle or stop half way, servers that
 * ignore paging — over a real loopback socket, so the app's HTTP stack meets them as it would in
 * production. Each test scripts the answers it needs; every request is recorded.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

/** How the stand-in answers one request. */
export type Behaviour = (response: ServerResponse, request: ReceivedRequest) => void;

export interface StandIn {
  url: string;
  /** Answers the next request to `METHOD /path` (or `METHOD *`) this way; the last one repeats. */
  on: (route: string, ...behaviours: Behaviour[]) => StandIn;
  received: ReceivedRequest[];
  /** Forgets the scripted answers and the received requests, between tests. */
  reset: () => void;
  close: () => Promise<void>;
}

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });

export const startStandIn = async (): Promise<StandIn> => {
  const routes = new Map<string, Behaviour[]>();
  const received: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void readBody(request).then((body) => {
      const url = new URL(request.url ?? '/', 'http://stand-in');
      const got = {
        method: request.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        body,
      };
      received.push(got);
      const queue = routes.get(`${got.method} ${got.path}`) ?? routes.get(`${got.method} *`) ?? [];
      const behaviour = queue.length > 1 ? queue.shift()! : queue[0];
      if (behaviour) behaviour(response, got);
      else
        json(599, { message: `stand-in: nothing scripted for ${got.method} ${got.path}` })(
          response,
          got,
        );
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const standIn: StandIn = {
    url: `http://127.0.0.1:${port}`,
    on: (route, ...behaviours) => {
      routes.set(route, behaviours);
      return standIn;
    },
    received,
    reset: () => {
      routes.clear();
      received.splice(0);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return standIn;
};

/** A JSON answer; `text` keeps numbers-as-strings and other oddities exactly as written. */
export const json =
  (status: number, body: unknown, options: { bom?: boolean; type?: string } = {}): Behaviour =>
  (response) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    response.writeHead(status, { 'Content-Type': options.type ?? 'application/json' });
    response.end(`${options.bom ? '\uFEFF' : ''}${text}`);
  };

/** A web page, as proxies, load balancers and frameworks answer. */
export const page =
  (status: number, html: string): Behaviour =>
  (response) => {
    response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(html);
  };

/** Claims gzip but sends bytes that are not. */
export const brokenGzip =
  (status = 200): Behaviour =>
  (response) => {
    response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
    response.end(Buffer.from('{"id":"not really gzip"}'));
  };

/** Sends the headers and the start of a body, then resets the connection. */
export const resetMidBody =
  (status = 200, start = '{"id": "9A0C'): Behaviour =>
  (response) => {
    response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': '4096' });
    response.write(start);
    setTimeout(() => response.socket?.resetAndDestroy(), 50);
  };

/** Headers at once, then one byte of body every `everyMs`, never finishing. */
export const trickle =
  (everyMs = 500): Behaviour =>
  (response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.write('{');
    const timer = setInterval(() => response.write(' '), everyMs);
    response.on('close', () => clearInterval(timer));
  };

/** Answers whatever `answer` returns for this request (e.g. the same page for every `page`). */
export const computed =
  (answer: (request: ReceivedRequest) => { status: number; body: unknown }): Behaviour =>
  (response, request) => {
    const { status, body } = answer(request);
    json(status, body)(response, request);
  };

/** Waits `ms` before answering at all (no headers until then). */
export const delayed =
  (ms: number, then: Behaviour): Behaviour =>
  (response, request) => {
    const timer = setTimeout(() => then(response, request), ms);
    response.on('close', () => clearTimeout(timer));
  };
