/**
 * A local, in-memory stand-in for the Mobivate BulkSMS REST API, for `npm start`, the end-to-end
 * tests and the benchmark. It implements the documented requests, answers, status codes and error
 * bodies (shared/reference/mobivate-api.md); where the docs are silent, the choice is marked
 * "undocumented" and kept as plain as possible. It is a development tool: nothing in the app
 * imports it, so it never reaches the built zip.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { error, readPaging, readWindow, type Handler, type RecordedRequest } from './api';
import { createMessaging, type SandboxMessage, type SandboxMessageSeed } from './messages';

export { parseMobivateDate, type RecordedRequest } from './api';
export type { SandboxMessage, SandboxMessageSeed } from './messages';

export interface SandboxOptOut {
  id: number;
  mobile: string;
  note: string;
  created: number;
}

export interface SandboxOptions {
  /** The only key the sandbox accepts. */
  apiKey?: string;
  /** Opt-outs present at start; ids are assigned when missing. */
  optOuts?: Array<Omit<SandboxOptOut, 'id'> & { id?: number }>;
  /**
   * Which of the two documented delete routes exists (§9 #1): the page's heading
   * (/addressbook/optout, the default) or its examples (/optout).
   */
  deleteRoute?: 'heading' | 'examples';
  /** The clock, for tests. */
  now?: () => number;
  /** Loopback port; 0 (the default) picks a free one. */
  port?: number;
  /** For benchmarks: a delete answers with the record but keeps it, so every run does the same work. */
  keepOnDelete?: boolean;
  /** Message log records present at start, oldest first; ids and defaults are filled in. */
  messages?: SandboxMessageSeed[];
}

export interface Sandbox {
  url: string;
  apiKey: string;
  requests: RecordedRequest[];
  optOuts: Map<string, SandboxOptOut>;
  /** The message log: every message sent through the sandbox, oldest first. */
  messages: SandboxMessage[];
  /** Someone texts the account's number: logs an incoming message, as Mobivate does. */
  receive(fields: Omit<SandboxMessageSeed, 'direction'>): SandboxMessage;
  /** The network reports a new status for a sent message: the log shows it, updated now. */
  setStatus(id: string, status: string): SandboxMessage;
  close(): Promise<void>;
}

export const SANDBOX_API_KEY = 'sandbox-demo-key-7f3a-0000-1234';

export const startSandbox = async (options: SandboxOptions = {}): Promise<Sandbox> => {
  const apiKey = options.apiKey ?? SANDBOX_API_KEY;
  const now = options.now ?? Date.now;
  const deleteRoute = options.deleteRoute ?? 'heading';
  const requests: RecordedRequest[] = [];
  const optOuts = new Map<string, SandboxOptOut>();
  let nextId = 1354505990;
  for (const seed of options.optOuts ?? []) {
    const id = seed.id ?? nextId++;
    optOuts.set(seed.mobile, { ...seed, id });
  }

  const mobileFrom = (body: unknown): string | undefined => {
    const mobile = (body as { mobile?: unknown } | null)?.mobile;
    return typeof mobile === 'string' && /^\d{7,15}$/.test(mobile) ? mobile : undefined;
  };

  // Add and delete answer with the record without its id, exactly like the docs' examples.
  const withoutId = ({ mobile, note, created }: SandboxOptOut) => ({ mobile, note, created });

  const deleteOptOut: Handler = (request) => {
    const mobile = mobileFrom(request.body);
    if (!mobile) return error(400, 'Invalid mobile number');
    const record = optOuts.get(mobile);
    // Undocumented in G1; G2 documents a 404 for a number that is not on the list (§2.2).
    if (!record) return error(404, 'Mobile number not found in optout list');
    if (!options.keepOnDelete) optOuts.delete(mobile);
    return { status: 200, body: withoutId(record) };
  };

  const addOptOut: Handler = (request) => {
    const mobile = mobileFrom(request.body);
    if (!mobile) return error(400, 'Invalid mobile number');
    // Undocumented: a duplicate add answers with the existing record.
    const record = optOuts.get(mobile) ?? { id: nextId++, mobile, note: 'API', created: now() };
    optOuts.set(mobile, record);
    return { status: 200, body: withoutId(record) };
  };

  const listOptOuts: Handler = ({ query }) => {
    const window = readWindow(query);
    if ('status' in window) return window;
    const paging = readPaging(query);
    if ('status' in paging) return paging;
    // Undocumented: the order of the list. Oldest first, then by id, stable across pages.
    const matching = [...optOuts.values()]
      .filter((record) => record.created >= window.start && record.created <= window.end)
      .sort((a, b) => a.created - b.created || a.id - b.id);
    const { page, pageSize } = paging;
    return { status: 200, body: matching.slice((page - 1) * pageSize, page * pageSize) };
  };

  const messaging = createMessaging(now, optOuts, options.messages);
  const { messages, receive, setStatus, messageById } = messaging;

  const routes: Record<string, Partial<Record<string, Handler>>> = {
    '/auth/test': { GET: () => ({ status: 200, body: { message: 'API Key is valid' } }) },
    '/addressbook/optout': {
      GET: listOptOuts,
      POST: addOptOut,
      ...(deleteRoute === 'heading' ? { DELETE: deleteOptOut } : {}),
    },
    ...(deleteRoute === 'examples' ? { '/optout': { DELETE: deleteOptOut } } : {}),
    ...messaging.routes,
  };
  const routeFor = (path: string) => {
    const byId = /^\/message\/([^/]+)$/.exec(path);
    return byId ? { GET: messageById(decodeURIComponent(byId[1]!)) } : routes[path];
  };

  const handle = (request: RecordedRequest, rawBody: string) => {
    const route = routeFor(request.path);
    // A path the API does not have: the web server's own page, not Mobivate's JSON.
    if (!route) return { status: 404, html: '<html><body><h1>404 Not Found</h1></body></html>' };
    const handler = route[request.method];
    if (!handler)
      return { status: 405, html: '<html><body><h1>405 Method Not Allowed</h1></body></html>' };
    if (request.headers.authorization !== `Bearer ${apiKey}`) return error(401, 'Unauthorized');
    if (rawBody && request.body === undefined) return error(400, 'Malformed JSON body');
    return handler(request);
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://sandbox');
      const rawBody = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = rawBody ? JSON.parse(rawBody) : undefined;
      } catch {
        body = undefined;
      }
      const request: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body,
      };
      requests.push(request);
      const answer = handle(request, rawBody);
      if ('html' in answer && answer.html !== undefined) {
        res.writeHead(answer.status, { 'Content-Type': 'text/html' });
        res.end(answer.html);
      } else {
        res.writeHead(answer.status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(answer.body));
      }
    });
  });

  // A port in use (EADDRINUSE) or refused (EACCES) rejects, for the caller to explain.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    optOuts,
    messages,
    receive,
    setStatus,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
};
