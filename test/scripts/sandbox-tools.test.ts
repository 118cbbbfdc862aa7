/**
 * `npm run sandbox` and `npm run sandbox:push` as their users meet them: what they print and the
 * exit code, over real loopback HTTP (127.0.0.1 only).
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import nock from 'nock';
import { PUSH_USAGE, runPush } from '../../scripts/push-event';
import { runSandbox, SANDBOX_USAGE } from '../../scripts/sandbox';
import { sandboxPort } from '../../scripts/sandbox-port';
import { startSandbox, type Sandbox } from '../../sandbox/server';

beforeAll(() => nock.enableNetConnect('127.0.0.1'));
afterAll(() => nock.disableNetConnect());

/** Collects what a script prints, stdout and stderr apart. */
const capture = () => {
  const printed = { log: [] as string[], error: [] as string[] };
  return {
    printed,
    out: {
      log: (line: string) => printed.log.push(line),
      error: (line: string) => printed.error.push(line),
    },
  };
};

const listening = (server: Server | ReturnType<typeof createNetServer>) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
const closing = (server: Server | ReturnType<typeof createNetServer>) =>
  new Promise<void>((resolve) => server.close(() => resolve()));

/** A loopback port that nothing listens on (the OS picked it free a moment ago). */
const freePort = async () => {
  const server = createNetServer();
  const port = await listening(server);
  await closing(server);
  return port;
};

const toClose: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of toClose.splice(0)) await close();
});

describe('SANDBOX_PORT', () => {
  it('defaults to 4010 and takes a port number', () => {
    expect(sandboxPort({})).toEqual({ port: 4010 });
    expect(sandboxPort({ SANDBOX_PORT: '' })).toEqual({ port: 4010 });
    expect(sandboxPort({ SANDBOX_PORT: '4711' })).toEqual({ port: 4711 });
  });

  it.each(['abc', '0', '65536', '4010.5', '-1'])('refuses %j', (value) => {
    expect(sandboxPort({ SANDBOX_PORT: value })).toEqual({
      problem: `SANDBOX_PORT must be a port number from 1 to 65535, not "${value}".`,
    });
  });
});

describe('npm run sandbox', () => {
  it('documents SANDBOX_PORT in its usage', async () => {
    const { printed, out } = capture();
    expect(await runSandbox(['--help'], {}, out)).toEqual({ exitCode: 0 });
    expect(printed).toEqual({ log: [SANDBOX_USAGE], error: [] });
    expect(SANDBOX_USAGE).toContain(
      '  SANDBOX_PORT  the loopback port to listen on (default 4010); give npm run sandbox:push the same.',
    );
  });

  it('starts on SANDBOX_PORT and prints the .env lines', async () => {
    const port = await freePort();
    const { printed, out } = capture();
    const result = await runSandbox([], { SANDBOX_PORT: String(port) }, out);
    if (!('sandbox' in result)) throw new Error(`did not start: ${printed.error.join('\n')}`);
    toClose.push(() => result.sandbox.close());
    expect(printed).toEqual({
      log: [
        `Mobivate sandbox listening on http://127.0.0.1:${port} (SANDBOX_PORT sets the port). For zapier-platform invoke, put in .env:`,
        'authData_api_key=sandbox-demo-key-7f3a-0000-1234',
        `authData_api_url=http://127.0.0.1:${port}`,
      ],
      error: [],
    });
  });

  it('a second one says in one line that a sandbox already runs on the port, and exits 1', async () => {
    const port = await freePort();
    const first = await runSandbox([], { SANDBOX_PORT: String(port) }, capture().out);
    if (!('sandbox' in first)) throw new Error('the first sandbox did not start');
    toClose.push(() => first.sandbox.close());

    const { printed, out } = capture();
    expect(await runSandbox([], { SANDBOX_PORT: String(port) }, out)).toEqual({ exitCode: 1 });
    expect(printed).toEqual({
      log: [],
      error: [
        `Port ${port} is in use by a sandbox that is already running (npm run sandbox): use that one, or set SANDBOX_PORT to use another port, e.g. SANDBOX_PORT=${port + 1} npm run sandbox.`,
      ],
    });
  });

  it('says so when another program holds the port, and exits 1', async () => {
    // Another web server: it answers, but not like the sandbox.
    const other = createHttpServer((_req, res) => res.writeHead(404).end('Not Found'));
    const port = await listening(other);
    toClose.push(() => {
      other.closeAllConnections();
      return closing(other);
    });

    const { printed, out } = capture();
    expect(await runSandbox([], { SANDBOX_PORT: String(port) }, out)).toEqual({ exitCode: 1 });
    expect(printed).toEqual({
      log: [],
      error: [
        `Port ${port} is in use by a program that does not answer like the sandbox; set SANDBOX_PORT to use another port, e.g. SANDBOX_PORT=${port + 1} npm run sandbox.`,
      ],
    });
  });

  it('refuses a SANDBOX_PORT that is not a port, with exit code 2', async () => {
    const { printed, out } = capture();
    expect(await runSandbox([], { SANDBOX_PORT: 'abc' }, out)).toEqual({ exitCode: 2 });
    expect(printed).toEqual({
      log: [],
      error: ['SANDBOX_PORT must be a port number from 1 to 65535, not "abc".'],
    });
  });

  it('startSandbox rejects with EADDRINUSE rather than throwing out of the event loop', async () => {
    const sandbox = await startSandbox();
    toClose.push(() => sandbox.close());
    const port = Number(new URL(sandbox.url).port);
    await expect(startSandbox({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});

describe('npm run sandbox:push', () => {
  let sandbox: Sandbox;
  let env: Record<string, string>;
  beforeEach(async () => {
    sandbox = await startSandbox();
    toClose.push(() => sandbox.close());
    env = { SANDBOX_PORT: new URL(sandbox.url).port };
  });

  /** A receiver on this machine that records what it is sent and answers with `status`. */
  const receiver = async (status = 200) => {
    const received: unknown[] = [];
    const server = createHttpServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        res.writeHead(status).end();
      });
    });
    const port = await listening(server);
    toClose.push(() => {
      server.closeAllConnections();
      return closing(server);
    });
    return { url: `http://127.0.0.1:${port}/hook`, received };
  };

  it('without a registered URL: says how to register one, and exits 1', async () => {
    const { printed, out } = capture();
    expect(await runPush(['incoming'], env, out)).toBe(1);
    expect(printed).toEqual({
      log: [],
      error: [
        'The sandbox answered 409: No URL is registered for incoming webhooks.',
        'Register one and push in one go: npm run sandbox:push -- incoming --url <address> (https://…, or http://127.0.0.1:<port>/… for a receiver on this machine).',
      ],
    });
  });

  it('with --url: registers it as the trigger would, then posts the example payload there', async () => {
    const { url, received } = await receiver();
    const { printed, out } = capture();

    expect(await runPush(['incoming', '--url', url], env, out)).toBe(0);

    expect(printed).toEqual({
      log: [
        `Registered ${url} for incoming webhooks.`,
        JSON.stringify({ type: 'incoming', url, receiverStatus: 200 }),
      ],
      error: [],
    });
    expect(sandbox.webhooks.get('incoming')).toBe(url);
    expect(sandbox.requests[0]).toMatchObject({
      method: 'POST',
      path: '/webhooks/incoming',
      body: { url },
    });
    expect(received).toEqual([
      expect.objectContaining({ originator: '447700900123', recipient: '12345', body: 'STOP' }),
    ]);

    // The registration stays: a later push without --url goes to the same address.
    expect(await runPush(['incoming'], env, capture().out)).toBe(0);
    expect(received).toHaveLength(2);
  });

  it('takes --url=<address> too, and exits 1 when the receiver answers an error', async () => {
    const { url, received } = await receiver(500);
    const { printed, out } = capture();
    expect(await runPush([`--url=${url}`, 'receipt'], env, out)).toBe(1);
    expect(printed).toEqual({
      log: [
        `Registered ${url} for receipt webhooks.`,
        JSON.stringify({ type: 'receipt', url, receiverStatus: 500 }),
      ],
      error: [`The receiver at ${url} answered 500.`],
    });
    expect(received).toEqual([expect.objectContaining({ status: 'DELIVERED', statusCode: 1 })]);
  });

  it('reports the sandbox refusing the address', async () => {
    const { printed, out } = capture();
    expect(await runPush(['click', '--url', 'http://example.com/hook'], env, out)).toBe(1);
    expect(printed).toEqual({
      log: [],
      error: [
        'The sandbox did not register http://example.com/hook (400: url: must be an https URL).',
      ],
    });
    expect(sandbox.webhooks.size).toBe(0);
  });

  it('reports a receiver that does not answer as such, not as a missing URL', async () => {
    const url = `http://127.0.0.1:${await freePort()}/hook`;
    const { printed, out } = capture();
    expect(await runPush(['click', '--url', url], env, out)).toBe(1);
    expect(printed).toEqual({
      log: [`Registered ${url} for click webhooks.`],
      error: [
        `The sandbox answered 502: Could not post to ${url}: connect ECONNREFUSED ${url.slice(7, -5)}.`,
      ],
    });
  });

  it('says when no sandbox answers on SANDBOX_PORT', async () => {
    const port = await freePort();
    const { printed, out } = capture();
    expect(await runPush(['click'], { SANDBOX_PORT: String(port) }, out)).toBe(1);
    expect(printed).toEqual({
      log: [],
      error: [
        `No sandbox answers on http://127.0.0.1:${port} (ECONNREFUSED). Start one with npm run sandbox, or set SANDBOX_PORT to the port it listens on.`,
      ],
    });
  });

  it.each([[[]], [['sms']], [['incoming', '--url']], [['incoming', 'receipt']]])(
    'prints its usage, SANDBOX_PORT included, for %j and exits 2',
    async (args) => {
      const { printed, out } = capture();
      expect(await runPush(args, env, out)).toBe(2);
      expect(printed).toEqual({ log: [], error: [PUSH_USAGE] });
      expect(PUSH_USAGE).toContain(
        '  SANDBOX_PORT     the port npm run sandbox listens on (default 4010).',
      );
      expect(sandbox.requests).toEqual([]);
    },
  );
});
