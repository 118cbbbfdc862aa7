/**
 * A local, in-memory stand-in for the Mobivate BulkSMS REST API, for `npm start`, the end-to-end
 * tests and the benchmark. It implements the documented requests, answers, status codes and error
 * bodies (shared/reference/mobivate-api.md); where the docs are silent, the choice is marked
 * "undocumented" and kept as plain as possible. It is a development tool: nothing in the app
 * imports it, so it never reaches the built zip.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SandboxOptOut {
  id: number;
  mobile: string;
  note: string;
  created: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
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
}

/** A message log record (§4.2). */
export interface SandboxMessage {
  id: string;
  created: string;
  modified: string;
  originator: string;
  recipient: string;
  body: string;
  status: string;
  direction: 'MT' | 'MO';
  inReplyTo: string | null;
  routeId: string | null;
  parts: number;
  cost: number;
  currency: string;
  senderReference: string | null;
  campaignId: string | null;
}

export interface Sandbox {
  url: string;
  apiKey: string;
  requests: RecordedRequest[];
  optOuts: Map<string, SandboxOptOut>;
  /** The message log: every message sent through the sandbox, oldest first. */
  messages: SandboxMessage[];
  /** The URL registered for each webhook event type (one per type, §5.1). */
  webhooks: Map<WebhookType, string>;
  /**
   * Posts a webhook payload (by default the docs' example for the type) to the URL registered for
   * it, as Mobivate would, and returns the receiver's status.
   */
  push(type: WebhookType, payload?: Record<string, unknown>): Promise<number>;
  close(): Promise<void>;
}

export type WebhookType = 'incoming' | 'receipt' | 'click';

/** The payload examples of the webhook pages (§5.3, §5.4, §5.5), with this machine's clock. */
export const examplePayload = (type: WebhookType, now = Date.now()): Record<string, unknown> => {
  const offsetTime = logTime(now);
  switch (type) {
    case 'incoming':
      return {
        id: `1C9A658F0A931B317B6A53BB${String(now % 1e8).padStart(8, '0')}`,
        originator: '447700900123',
        recipient: '12345',
        body: 'STOP',
        created: offsetTime,
        inReplyTo: '961AEAEB0A000A9D2FBD4671D07705FE',
        logicalMessageId: '6EE262430A931B3127AFD4F044FC0622',
        ownerUserId: '94B8CC070A000A9D2FBD467124131CA6',
      };
    case 'receipt':
      return {
        deliveryMessageId: '9A85B95E0A000A9D2FBD46710388AD54',
        batchId: '9A85B9110A000A9D2FBD4671D691C328',
        clientReference: null,
        // The receipts' own form: milliseconds and a colon in the offset (§9 #17).
        created: new Date(now).toISOString().replace('Z', '+00:00'),
        status: 'DELIVERED',
        statusCode: 1,
        parts: 1,
        hlr: null,
      };
    case 'click':
      return {
        mobile: '4400001234',
        messageId: '9AEC3BB90A000A9D2FBD467178FF6827',
        batchId: '9AEC3B590A000A9D2FBD4671C4D151BF',
        clientRef: 'ref-001',
        browser: 'Safari',
        country: 'United Kingdom',
        ipAddress: '1.1.1.1',
        iso2l: 'UK',
        os: 'Mac OS X',
        url: 'http://vimeo.com/751393851?autoplay=1',
      };
  }
};

const DEFAULT_ROUTE = 'mglobal';
const MAX_BATCH = 1000;

export const SANDBOX_API_KEY = 'sandbox-demo-key-7f3a-0000-1234';

type Handler = (request: RecordedRequest) => { status: number; body?: unknown; html?: string };

const error = (code: number, message: string) => ({ status: code, body: { code, message } });

/** §2.1: YYYY-MM-DD (00:00:00 UTC) or YYYY-MM-DDTHH:MM:SS+HHMM, the offset without a colon. */
export const parseMobivateDate = (text: string): number | undefined => {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?([+-])(\d{2})(\d{2}))?$/.exec(
      text,
    );
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', sign = '+', oh = '0', om = '0'] = match;
  const local = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s);
  const offset = (sign === '-' ? -1 : 1) * (+oh * 60 + +om) * 60_000;
  const millis = local - offset;
  return Number.isNaN(millis) ? undefined : millis;
};

const MAX_PAGE_SIZE = 1000;

/** The logs' timestamp form: 2023-07-01T01:10:34+0000 (§4.2). */
const logTime = (millis: number) => new Date(millis).toISOString().replace(/\.\d{3}Z$/, '+0000');

/** Reads page and pageSize as the list endpoints do (§2.1, §4.1). */
const readPaging = (query: Record<string, string>) => {
  const page = query.page === undefined ? 1 : Number(query.page);
  const pageSize = query.pageSize === undefined ? 10 : Number(query.pageSize);
  if (!Number.isInteger(page) || page < 1) return error(400, 'page: must be a positive integer');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    return error(400, `pageSize: must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return { page, pageSize };
};

/** Reads the required startDate and endDate (§2.1). */
const readWindow = (query: Record<string, string>) => {
  for (const name of ['startDate', 'endDate'] as const) {
    if (query[name] === undefined) return error(400, `${name}: may not be null`);
    if (parseMobivateDate(query[name]!) === undefined) {
      return error(400, `${name}: Invalid format: "${query[name]}"`);
    }
  }
  return { start: parseMobivateDate(query.startDate!)!, end: parseMobivateDate(query.endDate!)! };
};

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

  const messages: SandboxMessage[] = [];
  let nextMessage = 1;
  const logMessage = (
    fields: Pick<SandboxMessage, 'originator' | 'recipient' | 'body'> & Partial<SandboxMessage>,
  ) => {
    const created = logTime(now());
    const message: SandboxMessage = {
      id: `9A0C23DD0A000A9D2FBD4671${String(nextMessage++).padStart(8, '0')}`,
      created,
      modified: created,
      status: 'ACCEPTED',
      direction: 'MT',
      inReplyTo: null,
      routeId: DEFAULT_ROUTE,
      parts: 1,
      cost: 0.01,
      currency: 'GBP',
      senderReference: null,
      campaignId: null,
      ...fields,
    };
    messages.push(message);
    return message;
  };
  const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

  const sendSingle: Handler = ({ body }) => {
    const {
      originator,
      recipient,
      body: text,
      routeId,
      reference,
      campaignId,
    } = (body ?? {}) as Record<string, unknown>;
    if (!isText(originator)) return error(400, 'originator: may not be empty');
    if (!isText(recipient) || !/^\d{7,15}$/.test(recipient))
      return error(400, 'Invalid mobile number');
    if (!isText(text)) return error(400, 'body: may not be empty');
    if (!isText(routeId)) return error(400, 'routeId: may not be empty');
    if (optOuts.has(recipient)) return error(403, `Recipient is opted out: ${recipient}`);
    const message = logMessage({
      originator,
      recipient,
      body: text,
      routeId,
      senderReference: isText(reference) ? reference : null,
      campaignId: isText(campaignId) ? campaignId : null,
    });
    return {
      status: 200,
      body: {
        id: message.id,
        originator,
        recipient,
        body: text,
        routeId,
        reference: message.senderReference,
        campaignId: message.campaignId,
      },
    };
  };

  const sendBatch: Handler = ({ body }) => {
    const campaign = (body ?? {}) as Record<string, unknown>;
    const list = campaign.recipients;
    if (!Array.isArray(list) || list.length === 0)
      return error(400, 'recipients: may not be empty');
    if (list.length > MAX_BATCH) return error(400, `recipients: at most ${MAX_BATCH} per request`);
    const excludeOptouts = campaign.excludeOptouts !== false;
    const excludeDuplicates = campaign.excludeDuplicates !== false;
    const seen = new Set<string>();
    const accepted: Record<string, unknown>[] = [];
    for (const item of list as Record<string, unknown>[]) {
      const { originator, recipient, text, reference } = item ?? {};
      if (
        !isText(originator) ||
        !isText(recipient) ||
        !isText(text) ||
        !/^\d{7,15}$/.test(recipient)
      ) {
        return error(400, 'Invalid recipient');
      }
      if ((excludeOptouts && optOuts.has(recipient)) || (excludeDuplicates && seen.has(recipient)))
        continue;
      seen.add(recipient);
      logMessage({
        originator,
        recipient,
        body: text,
        senderReference: isText(reference) ? reference : null,
      });
      accepted.push({
        originator,
        recipient,
        text,
        reference: isText(reference) ? reference : null,
        routeId: null,
      });
    }
    return {
      status: 200,
      body: {
        id: `fd9157b74bd3475d8716a6968306${String(nextMessage++).padStart(4, '0')}`,
        name: isText(campaign.name) ? campaign.name : null,
        routeId: campaign.routeId ?? null,
        shortenUrls: campaign.shortenUrls === true,
        spreadHours: typeof campaign.spreadHours === 'number' ? campaign.spreadHours : 0,
        excludeOptouts,
        excludeDuplicates,
        scheduleDateTime: campaign.scheduleDateTime ?? null,
        recipients: accepted,
      },
    };
  };

  const searchMessages: Handler = ({ query }) => {
    const window = readWindow(query);
    if ('status' in window) return window;
    const paging = readPaging(query);
    if ('status' in paging) return paging;
    const matching = messages.filter((message) => {
      const created = parseMobivateDate(message.created)!;
      return (
        created >= window.start &&
        created <= window.end &&
        (!query.direction || message.direction === query.direction)
      );
    });
    const { page, pageSize } = paging;
    return { status: 200, body: matching.slice((page - 1) * pageSize, page * pageSize) };
  };

  const messageById =
    (id: string): Handler =>
    () => {
      const message = messages.find((candidate) => candidate.id === id);
      return message ? { status: 200, body: message } : error(404, 'Message not found');
    };

  const webhooks = new Map<WebhookType, string>();
  const registerWebhook =
    (type: WebhookType): Handler =>
    ({ body }) => {
      const url = (body as { url?: unknown } | undefined)?.url;
      // The docs ask for a public HTTPS address; loopback http is allowed here for local receivers.
      if (typeof url !== 'string' || !/^(https:\/\/|http:\/\/127\.0\.0\.1[:/])/.test(url)) {
        return error(400, 'url: must be an https URL');
      }
      webhooks.set(type, url);
      return { status: 200, body: { message: 'Webhook updated successfully' } };
    };

  const push = async (type: WebhookType, payload = examplePayload(type, now())) => {
    const url = webhooks.get(type);
    if (!url) throw new Error(`No URL is registered for ${type} webhooks`);
    if (type === 'incoming') {
      logMessage({
        ...(payload as Pick<
          SandboxMessage,
          'id' | 'originator' | 'recipient' | 'body' | 'created'
        >),
        direction: 'MO',
        status: 'RECEIVED',
        routeId: null,
      });
    }
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
    });
    return response.status;
  };

  const routes: Record<string, Partial<Record<string, Handler>>> = {
    '/auth/test': { GET: () => ({ status: 200, body: { message: 'API Key is valid' } }) },
    '/addressbook/optout': {
      GET: listOptOuts,
      POST: addOptOut,
      ...(deleteRoute === 'heading' ? { DELETE: deleteOptOut } : {}),
    },
    ...(deleteRoute === 'examples' ? { '/optout': { DELETE: deleteOptOut } } : {}),
    '/send/single': { POST: sendSingle },
    '/send/batch': { POST: sendBatch },
    '/message': { GET: searchMessages },
    '/webhooks/incoming': { POST: registerWebhook('incoming') },
    '/webhooks/receipt': { POST: registerWebhook('receipt') },
    '/webhooks/click': { POST: registerWebhook('click') },
  };
  const routeFor = (path: string) => {
    const byId = /^\/message\/([^/]+)$/.exec(path);
    return byId ? { GET: messageById(decodeURIComponent(byId[1]!)) } : routes[path];
  };

  /** Not Mobivate's: lets `npm run sandbox:push` make the running sandbox post a webhook. */
  const pushFromCommandLine = async (path: string) => {
    const type = /^\/_sandbox\/push\/(incoming|receipt|click)$/.exec(path)?.[1] as
      WebhookType | undefined;
    if (!type) return undefined;
    const url = webhooks.get(type);
    if (!url) return error(409, `No URL is registered for ${type} webhooks`);
    try {
      return { status: 200, body: { type, url, receiverStatus: await push(type) } };
    } catch (pushError) {
      // The receiver did not answer at all: fetch fails with the reason in its cause.
      const cause = (pushError as { cause?: { message?: string; code?: string } }).cause;
      const reason =
        cause?.message || cause?.code || (pushError instanceof Error ? pushError.message : '');
      return error(502, `Could not post to ${url}: ${reason}`);
    }
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
      void (async () => {
        const answer = (await pushFromCommandLine(request.path)) ?? handle(request, rawBody);
        if ('html' in answer && answer.html !== undefined) {
          res.writeHead(answer.status, { 'Content-Type': 'text/html' });
          res.end(answer.html);
        } else {
          res.writeHead(answer.status, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(answer.body));
        }
      })();
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
    webhooks,
    push,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
};
