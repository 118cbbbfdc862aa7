/**
 * Every operation × every fault, through core's runtime. Each run of the registry
 * (test/operations.ts) is in one of the SHARDS fault-matrix-*.test.ts files: core's handler exits
 * a process that has run more than 250 invocations while holding much memory, as a Zapier worker
 * should, and jest keeps one process per test file. The expected outcome of each pair is the
 * fault's, or the operation's where the registry says it means something else; anything else (an
 * unhandled TypeError, a success where something failed, a step that outlasts the time bound)
 * fails the suite. Runs with a distinctive API key and checks that it never reaches an error
 * message, an output or a log line.
 */
import nock from 'nock';
import { REQUEST_TIMEOUT_MS } from '../../src/mobivate/transport/deadline';
import { API_KEY, API_URL, VORTEX_URL, authData, vortexAuth } from '../helpers';
import { RUNS, type OperationRun } from '../operations';
import { runMethod, userMessage } from '../runner';
import { FRAMEWORK_404S, error, frameworkFault, success, type Expected } from './expected';

/** Zapier stops a step after 30 seconds; every pair must end well before. */
const TIME_BOUND_MS = 25_000;

/** How many fault-matrix-N.test.ts files share the runs, and the most runs one file may take. */
export const SHARDS = 6;
const MAX_RUNS_PER_SHARD = 6;

interface Fault {
  name: string;
  /** Installs the fault for every request of one HTTP method; returns the bundle changes it needs. */
  inject: (operation: OperationRun) => Record<string, unknown> | void;
  expected: Expected;
  /** The server never answers: run on simulated time. */
  hangs?: boolean;
}

const json = { 'Content-Type': 'application/json' };
const html = { 'Content-Type': 'text/html' };
const every = (operation: OperationRun) =>
  nock(operation.api === 'vortex' ? VORTEX_URL : API_URL)
    .persist()
    .intercept(/.*/, operation.http);
/** The connection of a run: BulkSMS or Vortex. */
const connectionOf = (operation: OperationRun, changes: Record<string, string> = {}) =>
  operation.api === 'vortex' ? vortexAuth(changes) : authData(changes);
const padding = 'x'.repeat(5_000);
/** The canary key as sent, hex-encoded, and base64 of it and of the header that carries it. */
const KEY_FORMS = [
  API_KEY,
  Buffer.from(API_KEY).toString('hex'),
  Buffer.from(API_KEY).toString('base64'),
  Buffer.from(`Bearer ${API_KEY}`).toString('base64'),
];

const FAULTS: Fault[] = [
  {
    name: '400 with Mobivate’s JSON',
    inject: (o) =>
      void every(o).reply(400, { code: 400, message: `Invalid request for ${API_KEY}` }, json),
    expected: error('AppError', /rejected the request: .*"Invalid request for :censored:"/),
  },
  {
    name: '400 with a non-JSON body',
    inject: (o) => void every(o).reply(400, 'Bad Request'),
    expected: error('AppError', /rejected the request: .*"Bad Request"/),
  },
  {
    name: '401',
    inject: (o) => void every(o).reply(401, { code: 401, message: 'Unauthorized' }, json),
    expected: error(
      'ExpiredAuthError',
      /no longer accepts this connection's API key \("Unauthorized"\)/,
    ),
  },
  {
    name: '402',
    inject: (o) => void every(o).reply(402, { code: 402, message: 'Insufficient funds' }, json),
    expected: error('AppError', /out of credit \("Insufficient funds"\)/),
  },
  {
    name: '403',
    inject: (o) => void every(o).reply(403, { code: 403, message: 'Forbidden' }, json),
    expected: error('AppError', /refused .* \("Forbidden"\)\. The API key may lack the permission/),
  },
  {
    // Changed on purpose: a bare "Not found" is what web frameworks say for an unknown path, so
    // Mobivate's own 404 is now represented by words only Mobivate would write.
    name: '404 with Mobivate’s JSON',
    inject: (o) =>
      void every(o).reply(404, { code: 404, message: 'Record not found for this account' }, json),
    expected: error('AppError', /with HTTP 404: "Record not found for this account"/),
  },
  {
    name: '404 with a web framework’s JSON',
    inject: (o) => void every(o).reply(404, { code: 404, message: 'HTTP 404 Not Found' }, json),
    expected: error('AppError', /with HTTP 404: "HTTP 404 Not Found"\. Check the API Address/),
  },
  ...FRAMEWORK_404S.map(([name, body, type]) => ({
    name: frameworkFault(name),
    inject: (o: OperationRun) => void every(o).reply(404, body, { 'Content-Type': type }),
    // Never "not there": an error that quotes the page and asks to check the address.
    expected: error(
      'AppError',
      /with HTTP 404: ".*(Not Found|Cannot DELETE).*"\. Check the API Address/,
    ),
  })),
  {
    name: '403 from a proxy’s page',
    inject: (o) =>
      void every(o).reply(
        403,
        '<html><body><h1>403 Forbidden</h1><p>nginx</p></body></html>',
        html,
      ),
    expected: error('AppError', /refused .* \("403 Forbidden nginx"\)\. The API key may lack/),
  },
  {
    name: '403 naming a missing permission',
    inject: (o) =>
      void every(o).reply(
        403,
        { error: 'API Key is not permitted to perform this action. (read:Optouts)' },
        json,
      ),
    expected: error('AppError', /lacks the permission read:Optouts: tick it/),
  },
  {
    name: '405',
    inject: (o) => void every(o).reply(405, '<h1>Method Not Allowed</h1>', html),
    expected: error('AppError', /with HTTP 405: "Method Not Allowed"/),
  },
  {
    name: '409',
    inject: (o) => void every(o).reply(409, { code: 409, message: 'Conflict' }, json),
    expected: error('AppError', /with HTTP 409: "Conflict"/),
  },
  {
    name: '422',
    inject: (o) => void every(o).reply(422, { code: 422, message: 'Unprocessable' }, json),
    expected: error('AppError', /with HTTP 422: "Unprocessable"/),
  },
  {
    name: '429 with Retry-After in seconds',
    inject: (o) =>
      void every(o).reply(
        429,
        { code: 429, message: 'Slow down' },
        { ...json, 'Retry-After': '30' },
      ),
    expected: error('ThrottledError', /"Slow down"\); Zapier will try again in 30 seconds/),
  },
  {
    name: '429 with Retry-After as an HTTP date',
    inject: (o) =>
      void every(o).reply(429, 'Slow down', {
        'Retry-After': new Date(Date.now() + 90_000).toUTCString(),
      }),
    expected: error('ThrottledError', /Zapier will try again in (8\d|9\d) seconds/),
  },
  {
    name: '429 without Retry-After',
    inject: (o) => void every(o).reply(429, ''),
    expected: error('ThrottledError', /Zapier will try again shortly/),
  },
  {
    name: '500',
    inject: (o) => void every(o).reply(500, { code: 500, message: 'Internal error' }, json),
    expected: error('AppError', /HTTP 500 Internal Server Error\): "Internal error"/),
  },
  {
    name: '502 with an HTML page',
    inject: (o) =>
      void every(o).reply(
        502,
        `<html><head><title>x</title><style>b{}</style></head><body><h1>502 Bad Gateway</h1>${API_KEY}</body></html>`,
        html,
      ),
    expected: error('AppError', /HTTP 502 Bad Gateway\): "x 502 Bad Gateway :censored:"/),
  },
  {
    name: '503',
    inject: (o) => void every(o).reply(503, ''),
    expected: error('AppError', /HTTP 503 Service Unavailable\): \(an empty body\)/),
  },
  {
    name: '504',
    inject: (o) => void every(o).reply(504, 'upstream timed out'),
    expected: error('AppError', /HTTP 504 Gateway Timeout\): "upstream timed out"/),
  },
  {
    name: 'connection reset',
    inject: (o) => void every(o).replyWithError({ code: 'ECONNRESET', message: 'socket hang up' }),
    expected: error('AppError', /Could not reach Mobivate at .*: the connection was reset/),
  },
  {
    name: 'refused connection',
    // A real closed loopback port, not a simulation.
    inject: (o) => {
      nock.enableNetConnect('127.0.0.1:1');
      return { authData: connectionOf(o, { api_url: 'http://127.0.0.1:1' }) };
    },
    expected: error(
      'AppError',
      /Could not reach Mobivate at http:\/\/127\.0\.0\.1:1: the server refused the connection/,
    ),
  },
  {
    name: 'server never answers',
    hangs: true,
    inject: (o) =>
      void every(o)
        .delay(10 * REQUEST_TIMEOUT_MS)
        .reply(200, {}),
    expected: error('AppError', /did not answer within 12 seconds/),
  },
  {
    name: 'truncated JSON',
    inject: (o) => void every(o).reply(200, '{"id": "9A0C', json),
    expected: error('AppError', /but not with .*: "\{"id": "9A0C"/),
  },
  {
    name: '200 with null',
    inject: (o) => void every(o).reply(200, 'null', json),
    expected: error('AppError', /but not with/),
  },
  {
    name: '200 with the wrong container',
    inject: (o) => void every(o).reply(200, o.container === 'list' ? { records: [] } : [o.valid()]),
    expected: error('AppError', /but not with/),
  },
  {
    name: '200 with required fields missing',
    inject: (o) =>
      void every(o).reply(200, o.container === 'list' ? [{ note: 'MO' }] : { note: 'MO' }),
    expected: error('AppError', /but not with/),
  },
  {
    name: '200 carrying an error code',
    inject: (o) => void every(o).reply(200, { code: 401, message: 'Unauthorized' }, json),
    expected: error('ExpiredAuthError', /\("Unauthorized", in an HTTP 200 answer\)/),
  },
  {
    name: '200 with success: false',
    inject: (o) =>
      void every(o).reply(200, { success: false, error: { message: 'Request failed' } }, json),
    expected: error('AppError', /"Request failed", in an HTTP 200 answer/),
  },
  {
    name: '200 behind a byte-order mark',
    inject: (o) => void every(o).reply(200, `\uFEFF${JSON.stringify(o.valid())}`, json),
    expected: success,
  },
  {
    name: 'broken gzip',
    inject: (o) =>
      void every(o).reply(200, Buffer.from('not gzip at all'), {
        ...json,
        'Content-Encoding': 'gzip',
      }),
    expected: error('AppError', /the answer arrived compressed but damaged/),
  },
  {
    name: '200 with extra unknown fields',
    inject: (o) =>
      void every(o).reply(
        200,
        addFields(o.valid(), { unexpected: { nested: [1, 2] }, another: 'x' }),
      ),
    expected: success,
  },
  {
    name: '200 with a very large body (5 MB)',
    inject: (o) =>
      void every(o).reply(200, addFields(o.valid(), { padding: padding.repeat(1000) })),
    expected: success,
  },
];

function addFields(
  body: ReturnType<OperationRun['valid']>,
  fields: Record<string, unknown>,
): nock.Body {
  return Array.isArray(body)
    ? body.map((item) => ({ ...item, ...fields }))
    : { ...body, ...fields };
}

const expectedOf = (operation: OperationRun, fault: Fault): Expected =>
  operation.expectedFor(fault.name) ?? fault.expected;

/** The runs of shard `n` (1 to SHARDS), dealt in turn so that a new operation lands in one. */
export const shard = (n: number): OperationRun[] => RUNS.filter((_, i) => i % SHARDS === n - 1);

export const describeFaultMatrix = (operations: OperationRun[]) => {
  it(`runs at most ${MAX_RUNS_PER_SHARD} operations (core's handler exits past 250 invocations)`, () => {
    // Add a fault-matrix-N.test.ts file and raise SHARDS when this fails.
    expect(operations.length).toBeLessThanOrEqual(MAX_RUNS_PER_SHARD);
  });
  const pairs = operations.flatMap((operation) =>
    FAULTS.map((fault) => [operation, fault, expectedOf(operation, fault)] as const),
  );

  describe.each(
    pairs.map(
      ([operation, fault, expected]) =>
        [`${operation.title} × ${fault.name}`, operation, fault, expected] as const,
    ),
  )('%s', (_title, operation, fault, expected) => {
    it(expected.outcome === 'success' ? 'succeeds' : `stops with ${expected.outcome}`, async () => {
      if (fault.hangs)
        jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
      const started = Date.now();
      try {
        const changes = fault.inject(operation) ?? {};
        const running = runMethod(operation.method, {
          authData: connectionOf(operation),
          inputData: operation.inputData,
          ...changes,
        });
        if (fault.hangs) await jest.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS + 1);
        const { result, error: thrown, logs } = await running;
        const elapsed = Date.now() - started;

        expect(elapsed).toBeLessThan(TIME_BOUND_MS);
        if (expected.outcome === 'success') {
          expect(thrown).toBeUndefined();
        } else {
          expect(thrown?.name === 'AppError' ? 'AppError' : thrown?.name).toBe(expected.outcome);
          expect(userMessage(thrown!).message).toMatch(expected.message);
        }

        // The canary key appears nowhere the user or Zapier's logs can see, in any form a server
        // may echo it.
        const seen = JSON.stringify({ result, error: thrown && userMessage(thrown).message, logs });
        for (const form of KEY_FORMS) expect(seen.toLowerCase()).not.toContain(form.toLowerCase());
      } finally {
        if (fault.hangs) jest.useRealTimers();
        nock.cleanAll();
        nock.disableNetConnect();
      }
    });
  });
};
